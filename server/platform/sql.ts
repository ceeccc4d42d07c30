// Hot-path SQL straight through the driver: a named (prepared) statement on PostgreSQL — parsed and
// planned once per pooled connection instead of once per call — and the same text on PGlite. Drizzle's
// query builder costs ~30% of a write's Node CPU; the write path and the session lookup use this instead.
import type { DbOrTx } from './db';

interface DriverClient {
  query(...args: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver under a Drizzle database or transaction: a pg Pool / PoolClient, or PGlite / its transaction. */
export const driverOf = (db: DbOrTx): DriverClient => (db as unknown as { session: { client: DriverClient } }).session.client;

/** PGlite's clients have `exec`; node-postgres clients do not. */
const isPglite = (c: DriverClient) => typeof (c as unknown as { exec?: unknown }).exec === 'function';

/**
 * Runs one statement; `name` makes it a prepared statement on PostgreSQL (one name ↔ one text).
 * Pass JSON values as strings (`JSON.stringify`), ids as text; cast in SQL (`$1::uuid`, `$2::json`).
 */
export async function query<T>(db: DbOrTx | DriverClient, name: string, text: string, values: unknown[]): Promise<T[]> {
  const c = 'session' in db ? driverOf(db as DbOrTx) : (db as DriverClient);
  const res = isPglite(c) ? await c.query(text, values) : await c.query({ name, text, values });
  return res.rows as T[];
}
