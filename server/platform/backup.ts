// AR-05: one backup file holding the database and every stored file (uploads, sealed archive documents),
// and its restore into an empty data directory or an empty database. PGlite: a dump of its data
// directory (the server must be stopped: PGlite serves one process). PostgreSQL: pg_dump's custom format,
// taken while the server runs. The archive key is NOT in the backup: keep ARCHIVE_KEY (or
// DATA_DIR/archive-key) apart, or the sealed ID numbers and documents cannot be opened after a restore.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

const MAGIC = 'ESTATE-DESK-BACKUP/1\n';

export interface Manifest {
  engine: 'pglite' | 'postgres';
  createdAt: string;
  database: { size: number; sha256: string };
  files: { key: string; size: number; sha256: string }[];
}

export interface Target {
  dataDir: string;
  databaseUrl: string | null;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((name) => {
    const p = join(root, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

async function dumpDatabase(t: Target): Promise<Buffer> {
  if (t.databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'estate-desk-dump-'));
    try {
      execFileSync('pg_dump', ['--format=custom', '--no-owner', '--file', join(dir, 'db.dump'), t.databaseUrl], { stdio: ['ignore', 'ignore', 'pipe'] });
      return readFileSync(join(dir, 'db.dump'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const dir = join(t.dataDir, 'pglite');
  if (!existsSync(dir)) throw new Error(`no database at ${dir}`);
  const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  try {
    return Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  } finally {
    await client.close();
  }
}

/** Writes one file: a header line, the manifest, then the database dump and each stored file, gzipped. */
export async function backup(t: Target, file: string): Promise<Manifest> {
  const db = await dumpDatabase(t);
  const root = join(t.dataDir, 'files');
  const files = listFiles(root).map((p) => ({ key: relative(root, p), bytes: readFileSync(p) }));
  const manifest: Manifest = {
    engine: t.databaseUrl ? 'postgres' : 'pglite',
    createdAt: new Date().toISOString(),
    database: { size: db.length, sha256: sha256(db) },
    files: files.map((f) => ({ key: f.key, size: f.bytes.length, sha256: sha256(f.bytes) })),
  };
  const head = Buffer.from(JSON.stringify(manifest));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(MAGIC), len, head, db, ...files.map((f) => f.bytes)])));
  return manifest;
}

export class RestoreRefused extends Error {}

async function databaseIsEmpty(t: Target): Promise<boolean> {
  if (!t.databaseUrl) {
    const dir = join(t.dataDir, 'pglite');
    return !existsSync(dir) || readdirSync(dir).length === 0;
  }
  const c = new pg.Client({ connectionString: t.databaseUrl });
  await c.connect();
  try {
    const r = await c.query("select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");
    return r.rows[0].n === 0;
  } finally {
    await c.end();
  }
}

/** Restores into an empty target only: a non-empty data directory or database is refused, never overwritten. */
export async function restore(t: Target, file: string): Promise<Manifest> {
  const all = gunzipSync(readFileSync(file));
  if (all.subarray(0, MAGIC.length).toString() !== MAGIC) throw new RestoreRefused(`${file} is not an Estate Desk backup`);
  const len = all.readUInt32BE(MAGIC.length);
  const manifest = JSON.parse(all.subarray(MAGIC.length + 4, MAGIC.length + 4 + len).toString()) as Manifest;
  if (manifest.engine !== (t.databaseUrl ? 'postgres' : 'pglite'))
    throw new RestoreRefused(`this backup is of ${manifest.engine}; restore it with ${manifest.engine === 'postgres' ? 'DATABASE_URL set' : 'DATABASE_URL unset'}`);
  let at = MAGIC.length + 4 + len;
  const take = (size: number, sum: string, what: string) => {
    const b = all.subarray(at, (at += size));
    if (sha256(b) !== sum) throw new RestoreRefused(`${what} in the backup is damaged`);
    return b;
  };
  const db = take(manifest.database.size, manifest.database.sha256, 'the database');
  const files = manifest.files.map((f) => ({ key: f.key, bytes: take(f.size, f.sha256, f.key) }));
  const root = join(t.dataDir, 'files');
  if (!(await databaseIsEmpty(t)) || listFiles(root).length) throw new RestoreRefused('the target is not empty: restore only into an empty data directory and an empty database');

  if (t.databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'estate-desk-restore-'));
    try {
      writeFileSync(join(dir, 'db.dump'), db);
      execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', t.databaseUrl, join(dir, 'db.dump')], { stdio: ['ignore', 'ignore', 'pipe'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    mkdirSync(join(t.dataDir, 'pglite'), { recursive: true });
    const client = await PGlite.create({ dataDir: join(t.dataDir, 'pglite'), loadDataDir: new Blob([db]), extensions: { pg_trgm } });
    await client.close();
  }
  for (const f of files) {
    const p = join(root, f.key);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.bytes);
  }
  return manifest;
}
