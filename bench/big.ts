// At scale: lists, caller lookup, KPIs and the deadline sweep over the generated data set
// (5,000,000 orders across 1,000 projects on PostgreSQL; BENCH_ORDERS scales it, smaller on PGlite).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, rowsOf, type Database } from '../server/platform/db';
import { sweepOverdue } from '../server/domains/deadlines/jobs';
import { BENCH_PASSWORD, generate } from './generate';
import { client, engine, ms, percentile, report, startServer, timeEach, type Row } from './lib';

const SCALE = {
  projects: Number(process.env.BENCH_PROJECTS ?? 1000),
  orders: Number(process.env.BENCH_ORDERS ?? (engine === 'postgres' ? 5_000_000 : 200_000)),
  customers: Number(process.env.BENCH_CUSTOMERS ?? (engine === 'postgres' ? 1_000_000 : 100_000)),
};
const PROJECT = '00000000-0000-4000-9000-000000000001';

async function bigDatabase(): Promise<{ database: Database; env: Record<string, string> }> {
  const tag = `${SCALE.orders}`;
  if (engine === 'postgres') {
    const base = new URL(process.env.DATABASE_URL!);
    const name = process.env.BENCH_BIG_DATABASE ?? `${base.pathname.slice(1)}_bench_big_${tag}`;
    const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (exists && process.env.BENCH_REGENERATE) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    if (!exists || process.env.BENCH_REGENERATE) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    base.pathname = `/${name}`;
    const database = await openPostgres(base.toString(), 4);
    return { database, env: { DATABASE_URL: base.toString(), DATA_DIR: join(tmpdir(), 'estate-desk-bench-pg-data') } };
  }
  const dir = join(tmpdir(), `estate-desk-bench-big-${tag}`);
  mkdirSync(dir, { recursive: true });
  const database = await openPglite(join(dir, 'pglite'));
  return { database, env: { DATABASE_URL: '', DATA_DIR: dir } };
}

export async function benchBig() {
  let { database, env } = await bigDatabase();
  const present = rowsOf(await database.db.execute(sql`select count(*)::int as n from companies`))[0].n;
  if (!Number(present)) {
    console.log(`generating ${SCALE.orders} orders across ${SCALE.projects} projects, ${SCALE.customers} customers…`);
    const t = performance.now();
    await generate((text) => database.db.execute(sql.raw(text)), SCALE);
    console.log(`generated in ${Math.round((performance.now() - t) / 1000)} s`);
  }
  // PGlite serves one process: the benchmark lets the server have it and sweeps through the server's own engine afterwards.
  if (engine === 'pglite') await database.close();

  const server = await startServer({ ...env, SEED_DEMO: '0', SWEEP_SECONDS: '86400' });
  const call = await client(server.url, 'bench-admin', BENCH_PASSWORD);
  const month = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 7);
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date().toISOString().slice(0, 10);
  const out: Row[] = [];
  const measure = async (name: string, n: number, path: (i: number) => string) => {
    await call('GET', path(0)); // warm
    const lat = await timeEach(n, async (i) => {
      const r = await call('GET', path(i));
      if (r.status !== 200) throw new Error(`${name}: ${r.status}`);
    });
    out.push({ query: name, runs: n, 'p50 ms': ms(percentile(lat, 50)), 'p99 ms': ms(percentile(lat, 99)) });
  };
  const list = `/api/work-orders?projectId=${PROJECT}&status=closed&status=followed_up&from=${from}&to=${to}&limit=10`;
  await measure('orders: project + status + 12-month range, newest first, page 1', 100, () => list);
  // Walk the cursors to page 200 (or the last page of a scaled-down set, named as such).
  let cursor = '';
  let page = 1;
  for (; page < 200; page++) {
    const next = (await call('GET', `${list}&cursor=${cursor}`)).body.nextCursor;
    if (!next) break;
    cursor = next;
  }
  await measure(`orders: same, page ${page}${page < 200 ? ' (the last)' : ''} (keyset)`, 100, () => `${list}&cursor=${cursor}`);
  await measure('orders: project + overdue, page 1', 100, () => `/api/work-orders?projectId=${PROJECT}&overdue=1&limit=20`);
  await measure('cases: project + date range, page 1', 100, () => `/api/cases?projectId=${PROJECT}&from=${from}&to=${to}&limit=20`);
  await measure(`caller lookup by 7 digits of a phone, ${SCALE.customers} customers`, 100, (i) => `/api/lookup?q=${String(1_000_000 + ((i * 7919) % 8_999_999)).slice(0, 7)}`);
  await measure('KPIs: one project, one month (monthly rollup)', 100, () => `/api/projects/${PROJECT}/kpis?month=${month}`);
  await measure(`KPIs: company ranking of ${SCALE.projects} projects, one month (monthly rollup)`, 50, () => `/api/kpis/ranking?month=${month}`);
  await server.stop();

  if (engine === 'pglite') ({ database } = await bigDatabase());
  const due = rowsOf(await database.db.execute(sql`select id from deadlines where responsible_id is not null and notified_level < 2 limit 1000`)).map((r) => String(r.id));
  const sweeps: number[] = [];
  let claimed = 0;
  for (let i = 0; i < 10; i++) {
    await database.db.execute(sql.raw(`update deadlines set notified_level = 0 where id in (${due.map((d) => `'${d}'`).join(',')})`));
    await database.db.execute(sql`delete from notifications`);
    const t = performance.now();
    const r = await sweepOverdue(database.db, new Date(), 1000);
    sweeps.push(performance.now() - t);
    claimed = r.claimed;
  }
  const [{ n: deadlineRows }] = rowsOf(await database.db.execute(sql`select count(*)::int as n from deadlines`));
  out.push({ query: `deadline sweep: ${claimed} due of ${deadlineRows} deadlines`, runs: 10, 'p50 ms': ms(percentile(sweeps, 50)), 'p99 ms': ms(percentile(sweeps, 99)) });
  await database.close();
  report('at-scale', out, { scale: SCALE, targets: 'lists p99 ≤ 15 ms, one project KPIs ≤ 10 ms, ranking ≤ 50 ms, sweep ≤ 20 ms' });
}
