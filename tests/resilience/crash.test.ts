// Crash safety: concurrent clients write cases, orders and transitions through the real server; the
// server is killed with SIGKILL mid-load and started again. Every write a client saw acknowledged must be
// there with its audit event, no record may lack its audit event, and every order's state must agree
// with its event history. Runs on PostgreSQL with DATABASE_URL, otherwise on file-backed PGlite.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TMe } from '../../common/auth';
import type { TUnit } from '../../common/org';
import { openPglite, openPostgres, rowsOf, type Database } from '../../server/platform/db';
import { startProduct, type RunningProduct } from '../e2e/server';

let product: RunningProduct;
before(async () => (product = await startProduct({ SWEEP_SECONDS: '1' })));
after(() => product?.stop());

async function session(username: string) {
  const res = await fetch(`${product.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${product.url}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json().catch(() => null)) as Record<string, any> };
  };
}

test('acknowledged writes survive kill -9 with their audit events, and states agree with their history', async () => {
  const call = await session('ch-clerk');
  const me = (await call('GET', '/api/me')).body as TMe;
  const projectId = me.projects[0].id;
  const unitIds = ((await call('GET', `/api/units?projectId=${projectId}&limit=50`)).body.items as TUnit[]).map((u) => u.id);

  const ackedCases: string[] = [];
  const ackedNotes: { orderId: string; version: number }[] = [];
  let stop = false;
  let errors = 0;
  const client = async (n: number) => {
    for (let i = 0; !stop && i < 10_000; i++) {
      const created = await call('POST', '/api/cases', {
        projectId,
        channel: 'phone',
        category: 'repair',
        unitId: unitIds[(n * 7 + i) % unitIds.length],
        callerName: '测',
        callerPhone: '13800000000',
        content: `压力测试 ${n}-${i}`,
        confirmedWithCaller: true,
        order: { trade: 'water', locationKind: 'unit', description: `压力测试 ${n}-${i}` },
      }).catch(() => null);
      if (!created || created.status !== 201) {
        errors++;
        continue;
      }
      ackedCases.push(created.body.id);
      const o = created.body.orders[0];
      const noted = await call('POST', `/api/work-orders/${o.id}/transitions`, { action: 'progress_note', version: o.version, note: '跟进' }).catch(() => null);
      if (noted?.status === 200) ackedNotes.push({ orderId: o.id, version: noted.body.version });
    }
  };
  const clients = Array.from({ length: 6 }, (_, n) => client(n));
  await new Promise((r) => setTimeout(r, 2500));
  await product.crash();
  stop = true;
  await Promise.all(clients);
  assert.ok(ackedCases.length > 5, `the load made progress before the crash (${ackedCases.length} cases)`);
  console.log(`crash test: ${ackedCases.length} cases and ${ackedNotes.length} transitions acknowledged before SIGKILL, ${errors} failed calls`);

  await product.restart();
  const again = await session('ch-clerk');
  assert.equal((await again('GET', '/api/me')).status, 200, 'the server answers after the crash');
  await product.halt();

  const db: Database = product.databaseUrl ? await openPostgres(product.databaseUrl, 2) : await openPglite(join(product.dataDir, 'pglite'));
  try {
    const found = rowsOf(await db.db.execute(sql`select id::text from cases where id::text in ${sql.raw(`(${ackedCases.map((id) => `'${id}'`).join(',')})`)}`));
    assert.equal(found.length, ackedCases.length, 'every acknowledged case is present');
    for (const n of ackedNotes.slice(0, 200)) {
      const [row] = rowsOf(await db.db.execute(sql`select version from work_orders where id = ${n.orderId}::uuid`));
      assert.ok(Number(row.version) >= n.version, 'every acknowledged transition is present');
    }
    const orphanCases = rowsOf(await db.db.execute(sql`select c.id from cases c where not exists (select 1 from audit_events a where a.entity = 'case' and a.entity_id = c.id::text and a.action = 'create')`));
    const orphanOrders = rowsOf(await db.db.execute(sql`select w.id from work_orders w where not exists (select 1 from audit_events a where a.entity = 'work_order' and a.entity_id = w.id::text and a.action = 'create')`));
    assert.deepEqual([orphanCases.length, orphanOrders.length], [0, 0], 'no record without its audit event');
    const disagree = rowsOf(
      await db.db.execute(sql`
        select w.id, w.status, e.status as event_status from work_orders w
        join lateral (select a.after->>'status' as status from audit_events a
                      where a.entity = 'work_order' and a.entity_id = w.id::text and a.after ? 'status'
                      order by a.id desc limit 1) e on true
        where e.status <> w.status`),
    );
    assert.deepEqual(disagree, [], 'every order is in the state its last event says');
    const notesLogged = rowsOf(await db.db.execute(sql`select count(*)::int as n from audit_events where action = 'progress_note'`))[0].n;
    assert.ok(Number(notesLogged) >= ackedNotes.length);
  } finally {
    await db.close();
  }
});
