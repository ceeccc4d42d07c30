// Issue 11 item 5: DATABASE_READ_URL sends lists to a real PostgreSQL streaming replica while writes and a
// record's own page stay on the primary. The test makes its own two small clusters (initdb, then
// pg_basebackup -R for the standby) on free loopback ports, as the `postgres` OS user, and removes them.
// Runs with the PostgreSQL suite (DATABASE_URL set) where the PostgreSQL 15 binaries are installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../server/app';
import { openPostgres, openReplica, type Database } from '../../server/platform/db';
import { testConfig } from '../../server/test/harness';
import { testVault } from '../../server/test/templates';
import { projects, units } from '../../server/domains/org/tables';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed/demo';

const BIN = '/usr/lib/postgresql/15/bin';
const runnable = !!process.env.DATABASE_URL && existsSync(join(BIN, 'pg_basebackup'));
const skip = runnable ? false : 'needs DATABASE_URL (the PostgreSQL suite) and PostgreSQL 15 server binaries';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// The server binaries refuse to run as root: run them as the postgres user when we are root.
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(BIN, cmd), args, { stdio: 'pipe' });

let dir = '';
let primaryPort = 0;
let replicaPort = 0;
let database: Database | undefined;

const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
const startCluster = (data: string, port: number) =>
  asPostgres('pg_ctl', ['-D', data, '-l', join(data, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);

before(async () => {
  if (!runnable) return;
  dir = mkdtempSync(join(tmpdir(), 'estate-desk-replica-'));
  chmodSync(dir, 0o777);
  [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  asPostgres('initdb', ['-D', primary, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  writeFileSync(join(dir, 'note'), 'Estate Desk replica test: removed when the test ends\n');
  startCluster(primary, primaryPort);
  asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream', '--no-sync']);
  startCluster(replica, replicaPort);
  const primaryDb = await openPostgres(url(primaryPort), 4);
  await seedDemo(primaryDb.db, { small: true, year: 2026, vault: testVault });
  database = openReplica(primaryDb, url(replicaPort), 2);
});

after(async () => {
  await database?.close();
  if (!dir) return;
  for (const data of ['replica', 'primary']) {
    try {
      asPostgres('pg_ctl', ['-D', join(dir, data), '-m', 'immediate', '-w', 'stop']);
    } catch {
      // never started: nothing to stop
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

async function onReplica<T>(text: string): Promise<T> {
  const c = new pg.Client({ connectionString: url(replicaPort) });
  await c.connect();
  try {
    return (await c.query(text)).rows[0] as T;
  } finally {
    await c.end();
  }
}

test('issue 11: the case list is served from the streaming replica; a new case appears there once replayed, its own page at once', { skip }, async () => {
  const db = database!;
  assert.deepEqual(await onReplica('select pg_is_in_recovery() as standby'), { standby: true });
  const { app } = await buildApp(db.db, testConfig, { logger: false, readDb: db.readDb });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ch-clerk', password: DEMO_PASSWORD } });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0];
    const call = async (method: 'GET' | 'POST', path: string, payload?: object) => {
      const r = await app.inject({ method, url: path, headers: { cookie }, payload });
      return { status: r.statusCode, body: JSON.parse(r.body) };
    };
    const [project] = await db.db.select().from(projects).where(eq(projects.code, 'CHY'));
    const [unit] = await db.db.select().from(units).where(eq(units.projectId, project.id)).limit(1);

    // Replay paused: the primary takes the write, the list (replica) cannot have it yet.
    await onReplica('select pg_wal_replay_pause()');
    const created = await call('POST', '/api/cases', {
      projectId: project.id,
      channel: 'phone',
      category: 'repair',
      unitId: unit.id,
      callerName: '王先生',
      callerPhone: '13800138000',
      content: '厨房水龙头漏水',
      confirmedWithCaller: true,
      order: { trade: 'water', locationKind: 'unit', description: '厨房水龙头漏水' },
    });
    assert.equal(created.status, 201);
    assert.equal((await call('GET', `/api/cases/${created.body.id}`)).status, 200, 'its own page reads the primary');
    const listed = async () => (await call('GET', `/api/cases?projectId=${project.id}&limit=50`)).body.items.some((c: { id: string }) => c.id === created.body.id);
    assert.equal(await listed(), false, 'the list is served by the paused replica');

    await onReplica('select pg_wal_replay_resume()');
    let seen = false;
    for (let i = 0; i < 100 && !seen; i++) {
      seen = await listed();
      if (!seen) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(seen, 'visible on the replica after replay');
  } finally {
    await app.close();
  }
});
