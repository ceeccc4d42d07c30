// FD-01: item release passes — the resident checked against the unit's customers, a tenant's pass only
// with the owner's confirmation, numbers per project and year, the gate's look-up and a use that counts once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { units } from '../org/tables';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { frontdeskFixtures } from '../../test/frontdesk-fixtures';

let t: TestApp;
let chy: string;
let clerk: Client;
let fx: ReturnType<typeof frontdeskFixtures>;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  fx = frontdeskFixtures(t.database.db, t.storage, 'ch', chy);
});
after(() => t.close());

const body = (x: Record<string, unknown>) => ({ projectId: chy, bearerName: '搬家师傅', bearerPhone: '13700001111', items: '旧床垫一张', pieces: 1, idChecked: true, ...x });

test("FD-01 a tenant's pass is refused without the owner's confirmation and issued with it (phone), naming the owner", async () => {
  const tn = await fx.tenancy();
  assert.ok(tn?.ownerId, 'the demo has a tenant with a consenting owner');
  const refused = await clerk.post('/api/release-passes', body({ unitId: tn.unitId, customerId: tn.tenantId }));
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error, 'pass_needs_owner');
  // The "owner" must be an owner of that unit: the tenant cannot confirm for themselves.
  const wrong = await clerk.post('/api/release-passes', body({ unitId: tn.unitId, customerId: tn.tenantId, ownerConfirmation: { ownerId: tn.tenantId, method: 'phone' } }));
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.fields[0].path, 'ownerConfirmation.ownerId');
  const ok = await clerk.post('/api/release-passes', body({ unitId: tn.unitId, customerId: tn.tenantId, ownerConfirmation: { ownerId: tn.ownerId, method: 'phone', note: '电话确认 13:05' } }));
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(ok.body.relation, 'tenant');
  assert.equal(ok.body.ownerConfirmation.method, 'phone');
  assert.ok(ok.body.ownerConfirmation.ownerName);
  assert.equal(ok.body.state, 'valid');
});

test('FD-01 the resident must be a current customer of the unit, and the desk must have checked the ID', async () => {
  const o = await fx.ownerOfUnit();
  const [elsewhere] = await t.database.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.projectId, chy), sql`not exists (select 1 from customer_units cu where cu.unit_id = ${units.id} and cu.customer_id = ${o.customerId})`))
    .limit(1);
  const res = await clerk.post('/api/release-passes', body({ unitId: elsewhere.id, customerId: o.customerId }));
  assert.equal(res.status, 400);
  assert.equal(res.body.fields[0].path, 'customerId');
  const noId = await clerk.post('/api/release-passes', body({ unitId: o.unitId, customerId: o.customerId, idChecked: false }));
  assert.equal(noId.status, 400);
});

test('FD-01 passes are numbered per project and year without gaps (FX-YYYY-NNNNNN) and carry an 8-digit check code', async () => {
  const a = await fx.pass();
  const b = await fx.pass();
  const n = (s: string) => Number(s.split('-')[2]);
  assert.match(a.number, /^FX-\d{4}-\d{6}$/);
  assert.equal(n(b.number), n(a.number) + 1);
  assert.match(a.checkCode, /^\d{8}$/);
  assert.notEqual(a.checkCode, b.checkCode);
});

test('FD-01 a pass used twice at once: exactly one use wins, the other is refused; the gate finds it by number or code and sees it used', async () => {
  const pass = await fx.pass();
  const [gate1, gate2] = [await t.as('ch-keeper'), await t.as('ch-clerk2')];
  const results = await Promise.all([gate1.post(`/api/release-passes/${pass.id}/use`, { gate: '东门' }), gate2.post(`/api/release-passes/${pass.id}/use`, { gate: '西门' })]);
  const codes = results.map((r) => r.status).sort();
  assert.deepEqual(codes, [200, 409]);
  assert.equal(results.find((r) => r.status === 409)!.body.error, 'pass_used');
  const again = await clerk.post(`/api/release-passes/${pass.id}/use`, { gate: '东门' });
  assert.equal(again.status, 409);
  assert.equal(again.body.error, 'pass_used');
  for (const q of [pass.checkCode, pass.number, String(Number(pass.number.split('-')[2]))]) {
    const found = await gate1.get(`/api/release-passes/check?projectId=${chy}&q=${encodeURIComponent(q)}`);
    assert.equal(found.status, 200);
    assert.equal(found.body.items.length, 1, q);
    assert.equal(found.body.items[0].state, 'used');
    assert.ok(found.body.items[0].usedAt && found.body.items[0].usedByName && found.body.items[0].gate);
  }
});

test('FD-01 a voided pass cannot be used; voiding with a stale version is a 409', async () => {
  const pass = await fx.pass();
  const stale = await clerk.post(`/api/release-passes/${pass.id}/void`, { version: pass.version + 5, reason: '业主取消' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error, 'stale_version');
  assert.equal((await clerk.post(`/api/release-passes/${pass.id}/void`, { version: pass.version, reason: '业主取消' })).status, 200);
  const use = await clerk.post(`/api/release-passes/${pass.id}/use`, {});
  assert.equal(use.status, 409);
  assert.equal(use.body.error, 'pass_void');
});

test("FD-01 another project's pass is a 404 to the desk and the gate; the month list and figures count issued and used", async () => {
  const pass = await fx.pass();
  const gm = await t.as('gm-clerk');
  assert.equal((await gm.get(`/api/release-passes/${pass.id}`)).status, 404);
  assert.equal((await gm.post(`/api/release-passes/${pass.id}/use`, {})).status, 404);
  assert.equal((await gm.get(`/api/release-passes/check?projectId=${chy}&q=${pass.checkCode}`)).status, 404);
  const month = pass.issuedAt.slice(0, 7);
  const before = (await clerk.get(`/api/projects/${chy}/frontdesk-figures?month=${month}`)).body;
  await clerk.post(`/api/release-passes/${pass.id}/use`, { gate: '东门' });
  const fresh = await fx.pass();
  const afterFig = (await clerk.get(`/api/projects/${chy}/frontdesk-figures?month=${month}`)).body;
  assert.equal(afterFig.passesIssued, before.passesIssued + 1);
  assert.equal(afterFig.passesUsed, before.passesUsed + 1);
  const list = await clerk.get(`/api/release-passes?projectId=${chy}&month=${month}`);
  assert.ok(list.body.items.some((x: { id: string }) => x.id === fresh.id));
  assert.equal(list.body.items.length, afterFig.passesIssued);
});
