// every write runs as a command — the change and its append-only audit event in one transaction;
// side effects (notifications) run only after commit.
import type { Db, DbOrTx, Tx } from './db';
import { query } from './sql';

type DriverClient = { query(...args: unknown[]): Promise<{ rows: unknown[] }> };

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
  /** True when the caller gave the clock (the demo's replayed history): audit rows then carry `now` rather than the database's time. */
  replayed: boolean;
  /**
   * Records audit events. They are buffered and written in ONE multi-row insert just before the
   * command's next statement or its COMMIT, whichever comes first — so every later statement of the
   * command (a history read, a deadline recompute) sees them, as if each had been inserted at once.
   * The promise resolves at once; awaiting it is harmless.
   */
  audit(event: AuditInput | AuditInput[]): Promise<void>;
  /** Runs after COMMIT (notifications, presenting from rows already in hand); never inside the transaction. */
  afterCommit(fn: () => Promise<void> | void): void;
}

const auditRow = (actor: Actor, x: AuditInput, at?: Date) => ({
  company_id: actor.companyId,
  project_id: x.projectId,
  actor_id: actor.userId,
  entity: x.entity,
  entity_id: x.entityId,
  action: x.action,
  before: x.before ?? null,
  after: x.after ?? null,
  at: at?.toISOString() ?? null, // null: the transaction's time
});

/** Audit rows in one statement; answers their ids and times in order. */
export async function insertAudit(db: Parameters<typeof query>[0], rows: ReturnType<typeof auditRow>[]): Promise<{ id: number; at: Date }[]> {
  return query<{ id: number; at: Date }>(
    db,
    'audit_insert',
    `insert into audit_events (company_id, project_id, actor_id, entity, entity_id, action, before, after, at)
     select company_id, project_id, actor_id, entity, entity_id, action, before, after, coalesce(at, now())
       from json_populate_recordset(null::audit_events, $1::json)
     returning id::float8 as id, at`,
    [JSON.stringify(rows)],
  );
}

export async function recordAudit(tx: DbOrTx, actor: Actor, e: AuditInput | AuditInput[], at?: Date): Promise<void> {
  const rows = (Array.isArray(e) ? e : [e]).map((x) => auditRow(actor, x, at));
  if (rows.length) await insertAudit(tx, rows);
}

/**
 * X-02: runs `fn` in one transaction with the audit buffer described on CommandContext.audit.
 * Lock order inside a command (so two commands never wait on each other in a cycle): first the row of
 * the record being changed (its versioned UPDATE), then other records' rows, and last of all the
 * per-project `sequences` rows, in kind order — a number is taken by the command's last statement
 * (see platform/sequence.ts), so that lock is held only from there to COMMIT.
 */
export async function runCommand<T>(db: Db, actor: Actor, fn: (ctx: CommandContext) => Promise<T>, now?: Date): Promise<T> {
  const after: (() => Promise<void> | void)[] = [];
  const result = await db.transaction(async (tx) => {
    const session = (tx as unknown as { session: { client: DriverClient } }).session;
    const driver = session.client;
    const pending: ReturnType<typeof auditRow>[] = [];
    const flush = () => (pending.length ? insertAudit(driver, pending.splice(0)).then(() => undefined) : Promise.resolve());
    // Every statement of the command passes here: buffered audit rows go first, in the same round of writes.
    session.client = new Proxy(driver, {
      get(target, prop) {
        if (prop === 'query') return (...args: unknown[]) => (pending.length ? flush().then(() => driver.query(...args)) : driver.query(...args));
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    try {
      const ctx: CommandContext = {
        tx,
        actor,
        now: now ?? new Date(),
        replayed: now !== undefined,
        audit: (e) => {
          for (const x of [e].flat()) pending.push(auditRow(actor, x, now));
          return Promise.resolve();
        },
        afterCommit: (f) => void after.push(f),
      };
      const r = await fn(ctx);
      await flush();
      return r;
    } finally {
      session.client = driver;
    }
  });
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
