// WO-11: last month's repair slips as one bundle, paid and free apart, with an Excel index and a
// deadline on the 10th for the CS supervisor that filing meets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { paidOrder, repairCase } from '../../test/desk';
import { deadlines } from '../deadlines/tables';
import { ensureSlipBundles } from './slip-bundle';
import { slipBundles } from './tables';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

test('WO-11 the bundle files paid and free slips apart; the 10th deadline is met when filed; filed once', async () => {
  const reported = new Date('2026-10-14T02:00:00Z');
  const free = await repairCase(t.database.db, 'ch-clerk', chy, { now: reported });
  const paid = await paidOrder(t.database.db, 'ch-clerk', chy, { now: reported });
  assert.equal(await ensureSlipBundles(t.database.db, new Date('2026-11-02T02:00:00Z')) >= 1, true);
  const [b] = await t.database.db.select().from(slipBundles).where(and(eq(slipBundles.projectId, chy), eq(slipBundles.month, '2026-10')));
  const [d] = await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, b.id));
  assert.equal(d.kind, 'slip_bundle');
  assert.equal(d.dueAt.toISOString(), '2026-11-10T16:00:00.000Z', 'end of the 10th, Shanghai time');

  const sup = await t.as('ch-super');
  const res = await sup.get(`/api/slip-bundles?projectId=${chy}&month=2026-10`);
  assert.equal(res.status, 200);
  assert.ok(res.body.free.some((s: { orderId: string }) => s.orderId === free.orders[0].id));
  assert.ok(res.body.paid.some((s: { orderId: string }) => s.orderId === paid.orderId));
  assert.ok(!res.body.free.some((s: { orderId: string }) => s.orderId === paid.orderId), 'paid slips are filed apart');
  const xlsx = await sup.get(`/api/slip-bundles/export?projectId=${chy}&month=2026-10`);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);

  assert.equal((await (await t.as('ch-clerk')).post('/api/slip-bundles/file', { projectId: chy, month: '2026-10', version: res.body.version })).status, 403);
  const filed = await sup.post('/api/slip-bundles/file', { projectId: chy, month: '2026-10', version: res.body.version });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  assert.ok(filed.body.filedAt);
  const [met] = await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, b.id));
  assert.ok(met.metAt);
  assert.equal((await sup.post('/api/slip-bundles/file', { projectId: chy, month: '2026-10', version: filed.body.version })).status, 409);
  const month = new Date().toISOString().slice(0, 7);
  const early = await sup.post('/api/slip-bundles/file', { projectId: chy, month, version: 0 });
  assert.equal(early.status, 409);
  assert.equal(early.body.error, 'bundle_not_due');
});
