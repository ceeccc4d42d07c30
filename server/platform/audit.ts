// every write runs as a command — the change and its append-only audit event in one transaction;
// side effects (notifications) run only after commit.
import type { Db, DbOrTx, Tx } from './db';
import { auditEvents } from './tables';

export interface Actor {
  userId: string | null; // null: the system (seed, sweeper)
  companyId: string;
}

export interface AuditInput {
  entity: string;
  entityId: string;
  projectId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface CommandContext {
  tx: Tx;
  actor: Actor;
  /** The command's clock: the wall time for users, a past time when the demo generator replays history. */
  now: Date;
  audit(event: AuditInput | AuditInput[]): Promise<void>;
  afterCommit(fn: () => Promise<void> | void): void;
}

export async function recordAudit(tx: DbOrTx, actor: Actor, e: AuditInput | AuditInput[], at?: Date): Promise<void> {
  const rows = (Array.isArray(e) ? e : [e]).map((x) => ({
    companyId: actor.companyId,
    projectId: x.projectId,
    actorId: actor.userId,
    entity: x.entity,
    entityId: x.entityId,
    action: x.action,
    before: x.before ?? null,
    after: x.after ?? null,
    ...(at ? { at } : {}),
  }));
  if (rows.length) await tx.insert(auditEvents).values(rows);
}

export async function runCommand<T>(db: Db, actor: Actor, fn: (ctx: CommandContext) => Promise<T>, now?: Date): Promise<T> {
  const after: (() => Promise<void> | void)[] = [];
  const result = await db.transaction(async (tx) =>
    fn({ tx, actor, now: now ?? new Date(), audit: (e) => recordAudit(tx, actor, e, now), afterCommit: (f) => void after.push(f) }),
  );
  for (const f of after) await f();
  return result;
}

/** Only the fields that changed, for compact before/after events. */
export function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(patch) as (keyof T)[]) {
    if (patch[k] === undefined || JSON.stringify(before[k]) === JSON.stringify(patch[k])) continue;
    b[k] = before[k];
    a[k] = patch[k];
  }
  return { before: b, after: a };
}
