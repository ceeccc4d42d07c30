// The write path: cases with a repair order created through the HTTP API (real server, real sessions,
// concurrent clients) against the same two rows inserted by a plain SQL transaction in the same run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { client, engine, freshDatabase, load, ms, percentile, report, startServer } from './lib';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export async function benchWrite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'estate-desk-bench-'));
  const databaseUrl = engine === 'postgres' ? await freshDatabase('bench_write') : '';
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_HISTORY_DAYS: '0', SWEEP_SECONDS: '3600' });
  const calls = await Promise.all(Array.from({ length: CLIENTS }, () => client(server.url, 'ch-clerk', 'demo1234')));
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
  await server.stop();

  // The raw baseline: the case row and its order row in one transaction, straight through the driver.
  const ownerSql = `select u.id as owner, p.id as project, p.company_id as company from users u join user_roles r on r.user_id = u.id join projects p on p.id = r.project_id where u.username = 'ch-clerk'`;
  let raw: { latencies: number[]; perSecond: number };
  const insertCase = `insert into cases (id, company_id, project_id, number, channel, category, caller_name, caller_phone, content, confirmed_with_caller, owner_id, created_by, rule_version)
                      values ($1, $2, $3, $4, 'phone', 'repair', '王', '13800138000', '厨房水龙头漏水', true, $5, $5, 0)`;
  const insertOrder = `insert into work_orders (company_id, project_id, case_id, number, trade, priority, location_kind, location, description, department, reported_at, rule_version)
                       values ($1, $2, $3, $4, 'water', 'normal', 'unit', 'A区', '厨房水龙头漏水', 'engineering', now(), 0)`;
  if (engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS });
    const { rows } = await pool.query(ownerSql);
    const { owner, project, company } = rows[0];
    raw = await load(CLIENTS, SECONDS, async () => {
      const c = await pool.connect();
      try {
        const id = randomUUID();
        await c.query('begin');
        await c.query(insertCase, [id, company, project, `RAW-${id}`, owner]);
        await c.query(insertOrder, [company, project, id, `RAW-${id}`]);
        await c.query('commit');
      } finally {
        c.release();
      }
    });
    await pool.end();
  } else {
    const db = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: { pg_trgm } });
    const { owner, project, company } = (await db.query<{ owner: string; project: string; company: string }>(ownerSql)).rows[0];
    raw = await load(CLIENTS, SECONDS, () =>
      db.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query(insertCase, [id, company, project, `RAW-${id}`, owner]);
        await tx.query(insertOrder, [company, project, id, `RAW-${id}`]);
      }),
    );
    await db.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
  report(
    'write-path',
    [
      { path: 'HTTP API (case + order + audit + deadlines)', 'per second': Math.round(api.perSecond), 'p50 ms': ms(percentile(api.latencies, 50)), 'p99 ms': ms(percentile(api.latencies, 99)) },
      { path: 'raw SQL transaction (case + order)', 'per second': Math.round(raw.perSecond), 'p50 ms': ms(percentile(raw.latencies, 50)), 'p99 ms': ms(percentile(raw.latencies, 99)) },
    ],
    { clients: CLIENTS, seconds: SECONDS, ratio: Math.round((api.perSecond / raw.perSecond) * 1000) / 1000, target: 'API ≥ 50% of raw, p99 ≤ 20 ms' },
  );
  console.log(`API/raw = ${Math.round((api.perSecond / raw.perSecond) * 100)}%`);
}
