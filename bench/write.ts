// The write path: cases with a repair order created through the HTTP API (real server, real sessions,
// concurrent clients, one project) against exactly the same rows written by one raw SQL statement in the same run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { client, engine, freshDatabase, load, ms, percentile, report, startServer } from './lib';

// $1 company, $2 project, $3 owner, $4 year, $5 case id, $6 order id, $7 now, $8..$11 the four due times.
const RAW_CREATE = `
with seq as (
  insert into sequences (company_id, project_id, kind, year, last) values ($1::uuid, $2::uuid, 'KF', $4::int, 1), ($1::uuid, $2::uuid, 'BX', $4::int, 1)
  on conflict (project_id, kind, year) do update set last = sequences.last + 1
  returning kind, kind || '-' || $4::int || '-' || lpad(last::text, 6, '0') as number
),
c as (
  insert into cases (id, company_id, project_id, number, channel, category, caller_name, caller_phone, content, confirmed_with_caller, owner_id, created_by, rule_version, created_at)
  select $5::uuid, $1::uuid, $2::uuid, number, 'phone', 'repair', '王', '13800138000', '厨房水龙头漏水', true, $3::uuid, $3::uuid, 0, $7::timestamptz from seq where kind = 'KF'
  returning number
),
o as (
  insert into work_orders (id, company_id, project_id, case_id, number, trade, priority, location_kind, location, description, department, reported_at, rule_version)
  select $6::uuid, $1::uuid, $2::uuid, $5::uuid, number, 'water', 'normal', 'unit', 'A区-1栋-101', '厨房水龙头漏水', 'engineering', $7::timestamptz, 0 from seq where kind = 'BX'
  returning number
),
a as (
  insert into audit_events (company_id, project_id, actor_id, entity, entity_id, action, after)
  select $1::uuid, $2::uuid, $3::uuid, 'case', $5::text, 'create', jsonb_build_object('number', (select number from c), 'content', '厨房水龙头漏水')
  union all
  select $1::uuid, $2::uuid, $3::uuid, 'work_order', $6::text, 'create', jsonb_build_object('number', (select number from o), 'trade', 'water')
),
d as (
  insert into deadlines (company_id, project_id, entity, entity_id, kind, due_at, responsible_id, department, rule_version)
  values ($1::uuid, $2::uuid, 'case', $5::uuid, 'reply', $8::timestamptz, $3::uuid, null, 0),
         ($1::uuid, $2::uuid, 'work_order', $6::uuid, 'dispatch', $9::timestamptz, null, 'engineering', 0),
         ($1::uuid, $2::uuid, 'work_order', $6::uuid, 'completion', $10::timestamptz, null, 'engineering', 0),
         ($1::uuid, $2::uuid, 'work_order', $6::uuid, 'progress', $11::timestamptz, null, 'engineering', 0)
),
k as (
  insert into kpi_months (project_id, company_id, month, repair_cycles, replies_due)
  values ($2::uuid, $1::uuid, to_char($8::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM'), 1, 1)
  on conflict (project_id, month) do update set repair_cycles = kpi_months.repair_cycles + 1, replies_due = kpi_months.replies_due + 1
)
select (select number from c) as case_number, (select number from o) as order_number`;

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export async function benchWrite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'estate-desk-bench-'));
  const databaseUrl = engine === 'postgres' ? await freshDatabase('bench_write') : '';
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_HISTORY_DAYS: '0', SWEEP_SECONDS: '3600' });
  // One after another: parallel sign-ins of one name are throttled like parallel guesses (issue 12).
  const calls: Awaited<ReturnType<typeof client>>[] = [];
  for (let i = 0; i < CLIENTS; i++) calls.push(await client(server.url, 'ch-clerk', 'demo1234'));
  const me = (await calls[0]('GET', '/api/me')).body;
  const projectId = me.projects[0].id;
  const units = (await calls[0]('GET', `/api/units?projectId=${projectId}&limit=200`)).body.items.map((u: { id: string }) => u.id);
  let n = 0;
  const api = await load(CLIENTS, SECONDS, async (c) => {
    const i = n++;
    const r = await calls[c]('POST', '/api/cases', {
      projectId,
      channel: 'phone',
      category: 'repair',
      unitId: units[i % units.length],
      callerName: '王',
      callerPhone: '13800138000',
      content: '厨房水龙头漏水',
      confirmedWithCaller: true,
      order: { trade: 'water', locationKind: 'unit', description: '厨房水龙头漏水' },
    });
    if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
  });
  // Item 6: every domain's main write and list, same clients, same targets (writes p99 ≤ 20 ms, lists
  // p99 ≤ 15 ms). A new domain adds its line here.
  let k = 0;
  const scenarios: { name: string; method: 'GET' | 'POST'; path: string; body?: () => unknown; ok: number }[] = [
    {
      name: 'write: complaint registered at the desk (CP-01)',
      method: 'POST',
      path: '/api/complaints',
      body: () => ({ projectId, channel: 'phone', unitId: units[k++ % units.length], callerName: '周先生', callerPhone: '13611112222', content: '维修师傅上门态度很差', confirmedWithCaller: true, type: 'attitude' }),
      ok: 201,
    },
    { name: 'list: cases, page 1', method: 'GET', path: `/api/cases?projectId=${projectId}&limit=20`, ok: 200 },
    { name: 'list: work orders, page 1', method: 'GET', path: `/api/work-orders?projectId=${projectId}&limit=20`, ok: 200 },
    { name: 'list: complaints, page 1', method: 'GET', path: `/api/complaints?projectId=${projectId}&limit=20`, ok: 200 },
    { name: 'list: paid orders, page 1', method: 'GET', path: `/api/paid-orders?projectId=${projectId}&limit=20`, ok: 200 },
  ];
  const domainRows = [];
  for (const sc of scenarios) {
    const r = await load(CLIENTS, Math.max(2, SECONDS / 2), async (c) => {
      const res = await calls[c](sc.method, sc.path, sc.body?.());
      if (res.status !== sc.ok) throw new Error(`${sc.name}: ${res.status} ${JSON.stringify(res.body)}`);
    });
    domainRows.push({ path: sc.name, 'per second': Math.round(r.perSecond), 'p50 ms': ms(percentile(r.latencies, 50)), 'p99 ms': ms(percentile(r.latencies, 99)) });
  }
  await server.stop();

  // The fair raw baseline (issue 11): exactly the rows the API writes for one create — both numbers
  // (KF, BX), the case, its order, their two audit events, four deadlines and the month's KPI row — in one prepared
  // statement, straight through the driver, same database, same clients, right after the API run.
  const ownerSql = `select u.id as owner, p.id as project, p.company_id as company from users u join user_roles r on r.user_id = u.id join projects p on p.id = r.project_id where u.username = 'ch-clerk'`;
  const rawValues = (company: string, project: string, owner: string) => {
    const now = new Date();
    const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
    return [company, project, owner, now.getFullYear(), randomUUID(), randomUUID(), now.toISOString(), h(24), h(10), h(72), h(720)];
  };
  // "raw": a plain transaction — BEGIN, the one statement, COMMIT (the comparison the target names);
  // "raw, autocommit": the statement alone, its own transaction, for reference.
  let raw: { latencies: number[]; perSecond: number };
  let rawAuto: { latencies: number[]; perSecond: number };
  if (engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS });
    const { rows } = await pool.query(ownerSql);
    const { owner, project, company } = rows[0];
    raw = await load(CLIENTS, SECONDS, async () => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        await c.query({ name: 'raw_create', text: RAW_CREATE, values: rawValues(company, project, owner) });
        await c.query('commit');
      } finally {
        c.release();
      }
    });
    rawAuto = await load(CLIENTS, SECONDS, () => pool.query({ name: 'raw_create', text: RAW_CREATE, values: rawValues(company, project, owner) }));
    await pool.end();
  } else {
    const db = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: { pg_trgm } });
    const { owner, project, company } = (await db.query<{ owner: string; project: string; company: string }>(ownerSql)).rows[0];
    raw = await load(CLIENTS, SECONDS, () => db.transaction((tx) => tx.query(RAW_CREATE, rawValues(company, project, owner))));
    rawAuto = await load(CLIENTS, SECONDS, () => db.query(RAW_CREATE, rawValues(company, project, owner)));
    await db.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
  report(
    'write-path',
    [
      { path: 'HTTP API (case + order + audit + deadlines)', 'per second': Math.round(api.perSecond), 'p50 ms': ms(percentile(api.latencies, 50)), 'p99 ms': ms(percentile(api.latencies, 99)) },
      { path: 'raw pg transaction: BEGIN, one statement (the same rows), COMMIT', 'per second': Math.round(raw.perSecond), 'p50 ms': ms(percentile(raw.latencies, 50)), 'p99 ms': ms(percentile(raw.latencies, 99)) },
      { path: 'raw, the statement alone (autocommit)', 'per second': Math.round(rawAuto.perSecond), 'p50 ms': ms(percentile(rawAuto.latencies, 50)), 'p99 ms': ms(percentile(rawAuto.latencies, 99)) },
      ...domainRows,
    ],
    { clients: CLIENTS, seconds: SECONDS, ratio: Math.round((api.perSecond / raw.perSecond) * 1000) / 1000, target: 'API ≥ 50% of raw, p99 ≤ 20 ms' },
  );
  console.log(`API/raw = ${Math.round((api.perSecond / raw.perSecond) * 100)}%`);
}
