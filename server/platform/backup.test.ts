// AR-05: the backup round trip on the engine the suite runs on — every table's rows and every stored
// file's hash come back; a restore into a non-empty target is refused and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { backup, restore, RestoreRefused, type Target } from './backup';
import { openPglite, openPostgres, rowsOf, type Database } from './db';
import { localStorage } from './storage';
import { adminQuery, databaseUrlFor, pgliteTemplateFile } from '../test/templates';
import { testDatabase } from '../test/harness';

async function tableCounts(db: Database['db']): Promise<Record<string, number>> {
  const tables = rowsOf<{ t: string }>(await db.execute(sql`select table_name as t from information_schema.tables where table_schema = 'public' order by 1`));
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "${t}"`)))[0].n;
  return out;
}

test('AR-05 backup and restore round trip: row counts and file hashes match; a non-empty target is refused', async () => {
  const work = mkdtempSync(join(tmpdir(), 'estate-desk-backup-'));
  const base = process.env.DATABASE_URL;
  const source: Target = { dataDir: join(work, 'source'), databaseUrl: null };
  const target: Target = { dataDir: join(work, 'target'), databaseUrl: null };
  let counts: Record<string, number>;
  let cleanup = async () => {};
  if (base) {
    const db = await testDatabase('demo');
    source.databaseUrl = db.url!;
    counts = await tableCounts(db.db);
    const name = `${new URL(base).pathname.slice(1)}_restore_${randomBytes(3).toString('hex')}`;
    await adminQuery(base, `CREATE DATABASE "${name}"`);
    target.databaseUrl = databaseUrlFor(base, name);
    cleanup = async () => {
      await db.close();
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}"`);
    };
  } else {
    mkdirSync(source.dataDir, { recursive: true });
    const db = await openPglite(join(source.dataDir, 'pglite'), new Blob([readFileSync(pgliteTemplateFile('demo'))]));
    counts = await tableCounts(db.db);
    await db.close(); // PGlite serves one process: the backup runs with the server stopped
  }
  try {
    const files = localStorage(join(source.dataDir, 'files'));
    const stored = [randomBytes(2048), randomBytes(10), Buffer.from('%PDF-1.4 档案')];
    for (const [i, b] of stored.entries()) await files.put(`c/p/archives/doc-${i}.sealed`, b);
    assert.ok(counts.archives > 0 && counts.customers > 0 && counts.audit_events > 0);

    const file = join(work, 'estate-desk.backup');
    const m = await backup(source, file);
    assert.equal(m.files.length, stored.length);
    await restore(target, file);

    const restored = target.databaseUrl ? await openPostgres(target.databaseUrl, 2) : await openPglite(join(target.dataDir, 'pglite'));
    try {
      assert.deepEqual(await tableCounts(restored.db), counts, 'every table has its rows back');
    } finally {
      await restored.close();
    }
    const back = localStorage(join(target.dataDir, 'files'));
    for (const [i, b] of stored.entries()) {
      const got = await back.get(`c/p/archives/doc-${i}.sealed`);
      assert.equal(createHash('sha256').update(got!).digest('hex'), createHash('sha256').update(b).digest('hex'));
    }
    await assert.rejects(restore(target, file), RestoreRefused, 'restore into a non-empty target');
  } finally {
    await cleanup();
    rmSync(work, { recursive: true, force: true });
  }
});

