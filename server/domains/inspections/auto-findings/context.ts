// QI-03: what every automatic item receives — the project, the month, the principal whose reach the
// figures are read with, and a memo so a domain's monthly figures are read once per inspection however
// many items use them. Items run one after the other on the inspection's own connection.
import { localMonth } from '../../../platform/clock';
import { rowsOf, type DbOrTx } from '../../../platform/db';
import type { Principal } from '../../../platform/policy';
import type { TAction } from '../../../../common/roles';
import { recordRef, type TRecordKind } from '../../../../common/inspection-records';
import { projectTimezone } from '../../org/queries';

export interface AutoFinding {
  count: number;
  /** "kind:id" references of the records that prove the finding, at most RECORDS_KEPT. */
  records: string[];
}

export const RECORDS_KEPT = 200;

export interface AutoContext {
  db: DbOrTx;
  p: Principal;
  projectId: string;
  month: string;
  now: Date;
  /** The domain's figures of the month, read once. */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
  /** The project's month: its bounds in time and its first and last local days. */
  range(): Promise<{ tz: string; from: Date; to: Date; firstDay: string; lastDay: string; F: string; T: string; cutoff: Date; C: string }>;
}

export interface AutoItem {
  /** The grant the item's figures are read under; an inspector without it sees the item as manual. */
  access: TAction;
  compute(ctx: AutoContext): Promise<AutoFinding>;
}

export function makeContext(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): AutoContext {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, read());
    return memo.get(key) as Promise<T>;
  };
  return {
    db,
    p,
    projectId,
    month,
    now,
    once,
    range: () =>
      once('range', async () => {
        const tz = await projectTimezone(db, projectId);
        const m = localMonth(month, tz);
        // A month still running is judged as of now.
        const cutoff = m.to < now ? m.to : now;
        return { tz, ...m, F: m.from.toISOString(), T: m.to.toISOString(), cutoff, C: cutoff.toISOString() };
      }),
  };
}

/** Rows of a raw query as references of one kind, capped. */
export const refs = (kind: TRecordKind, ids: Iterable<string>) => [...ids].slice(0, RECORDS_KEPT).map((id) => recordRef(kind, id));
export const idsOf = (res: unknown) => rowsOf<{ id: string }>(res).map((r) => String(r.id));
/** A finding from a count and its references, the references cut to RECORDS_KEPT. */
export const finding = (count: number, ...records: string[][]): AutoFinding => ({ count: Math.max(0, count), records: records.flat().slice(0, RECORDS_KEPT) });
/** A query selecting `id` and `n` (count(*) over ()): the whole count and the first ids. */
export function counted(res: unknown): { n: number; ids: string[] } {
  const rows = rowsOf<{ id: string; n: number }>(res);
  return { n: Number(rows[0]?.n ?? 0), ids: rows.map((r) => String(r.id)) };
}
