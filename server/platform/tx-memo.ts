// Per-transaction memo: a command that needs the same settings row twice (rules, calendar) reads it once.
// Only inside a transaction, keyed on the transaction object: nothing outlives it or leaks between requests;
// reads outside a transaction always go to the database.
import { PgTransaction } from 'drizzle-orm/pg-core';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

export function memoInTx<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
  if (!(db instanceof PgTransaction)) return load();
  let m = memos.get(db);
  if (!m) memos.set(db, (m = new Map()));
  let v = m.get(key) as Promise<T> | undefined;
  if (!v) m.set(key, (v = load()));
  return v;
}
