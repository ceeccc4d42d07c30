// One PostgreSQL dialect, two engines: embedded PGlite under DATA_DIR, or a real server via DATABASE_URL.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '../schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /** Where lists, look-ups and reports read: a streaming replica (DATABASE_READ_URL), else `db` itself. */
  readDb: Db;
  engine: 'pglite' | 'postgres';
  url?: string; // PostgreSQL only: where other processes can reach the same database
  close(): Promise<void>;
}

/** Rows of a raw `db.execute(sql…)`: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create({ dataDir: dir, loadDataDir, extensions: { pg_trgm, btree_gist } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, readDb: db, engine: 'pglite', close: () => client.close() };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // Several instances may start at once: one migrates under an advisory lock, the others wait.
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock(7370001)');
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock(7370001)').catch(() => undefined);
    await lockClient.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, readDb: db, engine: 'postgres', url, close: () => pool.end() };
}

/** A read-only pool on a streaming replica: no migrations (they arrive by replication). */
export function openReplica(primary: Database, url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const readDb = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    ...primary,
    readDb,
    close: async () => {
      await pool.end();
      await primary.close();
    },
  };
}

export async function openDatabase(cfg: { databaseUrl: string | null; databaseReadUrl?: string | null; dataDir: string }): Promise<Database> {
  if (!cfg.databaseUrl) return openPglite(join(cfg.dataDir, 'pglite'));
  const primary = await openPostgres(cfg.databaseUrl);
  return cfg.databaseReadUrl ? openReplica(primary, cfg.databaseReadUrl) : primary;
}
