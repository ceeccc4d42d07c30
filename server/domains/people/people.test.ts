// ORG-06 customers and IN-03 caller lookup, with refusals across projects and bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { auditEvents } from '../../platform/tables';
import { units } from '../org/tables';
import { customers, customerUnits } from './tables';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

async function someOwner(projectId: string) {
  const [row] = await t.database.db
    .select({ c: customers, unitId: customerUnits.unitId, path: units.path })
    .from(customerUnits)
    .innerJoin(customers, eq(customers.id, customerUnits.customerId))
    .innerJoin(units, eq(units.id, customerUnits.unitId))
    .where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'owner'), isNull(customerUnits.endedAt)))
    .limit(1);
  return row;
}

test('IN-03 caller lookup finds customer and unit by part of a phone number, a name or a unit path', async () => {
  const owner = await someOwner(chy);
  const clerk = await t.as('ch-clerk');
  const byPhone = await clerk.get(`/api/lookup?q=${owner.c.phone.slice(3, 9)}`);
  assert.equal(byPhone.status, 200);
  assert.ok(byPhone.body.hits.some((h: { customerId: string; path: string }) => h.customerId === owner.c.id && h.path === owner.path));
  assert.ok(byPhone.body.hits.every((h: { phone: string }) => h.phone.includes('*')), 'lookup masks phone numbers (AR-04)');

  const byName = await clerk.get(`/api/lookup?q=${encodeURIComponent(owner.c.name)}`);
  assert.ok(byName.body.hits.some((h: { customerId: string }) => h.customerId === owner.c.id));
  const byPath = await clerk.get(`/api/lookup?q=${encodeURIComponent(owner.path)}`);
  assert.ok(byPath.body.hits.some((h: { unitId: string }) => h.unitId === owner.unitId));
});

test('IN-03 a clerk of another project finds nothing of this project by phone, name or path', async () => {
  const owner = await someOwner(chy);
  const gmClerk = await t.as('gm-clerk');
  for (const q of [owner.c.phone, owner.c.name, owner.path]) {
    const res = await gmClerk.get(`/api/lookup?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200);
    assert.ok(!res.body.hits.some((h: { projectId: string }) => h.projectId === chy), `no hit for ${q}`);
  }
  assert.equal((await gmClerk.get(`/api/customers/${owner.c.id}`)).status, 404);
  assert.equal((await gmClerk.get(`/api/customers?projectId=${chy}`)).status, 404);
});

test('ORG-06 the unit shows its owners and tenants, the tenant with the consenting owner', async () => {
  const [link] = await t.database.db
    .select()
    .from(customerUnits)
    .where(and(eq(customerUnits.projectId, chy), eq(customerUnits.relation, 'tenant')))
    .limit(1);
  const clerk = await t.as('ch-clerk');
  const res = await clerk.get(`/api/units/${link.unitId}`);
  assert.equal(res.status, 200);
  const tenant = res.body.occupants.find((o: { relation: string }) => o.relation === 'tenant');
  const owner = res.body.occupants.find((o: { relation: string }) => o.relation === 'owner');
  assert.ok(tenant && owner);
  assert.equal(tenant.consentingOwnerName, owner.name);
});

test('ORG-06 a tenant needs the consenting owner of the same unit; the registration is audited', async () => {
  const owner = await someOwner(chy);
  const other = await t.database.db.select().from(units).where(and(eq(units.projectId, chy), eq(units.state, 'vacant'))).limit(1);
  const clerk = await t.as('ch-clerk');
  const base = { projectId: chy, kind: 'person', name: '测试租户', phone: '13900001111', unitId: owner.unitId, relation: 'tenant' };

  const missing = await clerk.post('/api/customers', base);
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.body.fields, [{ path: 'consentingOwnerId', message: '租户须关联同意出租的业主' }]);

  const wrongUnit = await clerk.post('/api/customers', { ...base, unitId: other[0].id, consentingOwnerId: owner.c.id });
  assert.equal(wrongUnit.status, 400);
  assert.equal(wrongUnit.body.fields[0].path, 'consentingOwnerId');

  const ok = await clerk.post('/api/customers', { ...base, consentingOwnerId: owner.c.id, emergencyContacts: [{ name: '李四', phone: '13700002222', relation: '配偶' }] });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.units[0].consentingOwnerId, owner.c.id);
  assert.equal(ok.body.units[0].path, owner.path);
  const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, ok.body.id));
  assert.equal(events.length, 1);
  assert.equal(events[0].action, 'create');
});

test('bad customer input answers 400 with field messages in the user language and writes nothing', async () => {
  const before = (await t.database.db.select().from(customers)).length;
  const zh = await t.as('ch-clerk');
  const en = await t.as('ch-clerk2', { locale: 'en' });
  await en.put('/api/me/locale', { locale: 'en' }); // the user's own setting wins over the browser's language
  const bad = { projectId: chy, kind: 'robot', name: 'x'.repeat(500), phone: "1'; drop table customers;--", unitId: 'nope', relation: 'owner' };
  const r1 = await zh.post('/api/customers', bad);
  assert.equal(r1.status, 400);
  assert.deepEqual(r1.body.fields.map((f: { path: string }) => f.path).sort(), ['kind', 'name', 'phone', 'unitId']);
  assert.match(r1.body.message, /数据有误/);
  const r2 = await en.post('/api/customers', { ...bad, name: '' });
  assert.equal(r2.status, 400);
  assert.equal(r2.body.fields.find((f: { path: string }) => f.path === 'name').message, 'Required');
  assert.equal((await zh.raw('POST', '/api/customers', '{"name": ')).status, 400);
  assert.equal((await zh.post('/api/customers', [1, 2, 3])).status, 400);
  assert.equal((await t.database.db.select().from(customers)).length, before);
  await en.put('/api/me/locale', { locale: 'zh-CN' });
});

test('X-02 concurrent edits of a customer: the second writer with the old version gets 409', async () => {
  const owner = await someOwner(chy);
  const a = await t.as('ch-clerk');
  const b = await t.as('ch-keeper');
  const [r1, r2] = await Promise.all([
    a.put(`/api/customers/${owner.c.id}`, { emergencyContacts: [{ name: '王芳', phone: '13811112222', relation: '配偶' }], version: owner.c.version }),
    b.put(`/api/customers/${owner.c.id}`, { emergencyContacts: [{ name: '王芳', phone: '13833334444', relation: '配偶' }], version: owner.c.version }),
  ]);
  assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
  const [now] = await t.database.db.select().from(customers).where(eq(customers.id, owner.c.id));
  assert.equal(now.version, owner.c.version + 1);
  assert.equal(now.emergencyContacts[0].phone, r1.status === 200 ? '13811112222' : '13833334444');
});

test('AR-04 lists mask phone and ID numbers; the detail shows the phone to staff of the project', async () => {
  const clerk = await t.as('ch-clerk');
  const list = await clerk.get(`/api/customers?projectId=${chy}&limit=5`);
  assert.equal(list.status, 200);
  assert.equal(list.body.items.length, 5);
  for (const c of list.body.items) {
    assert.match(c.phone, /^\d{3}\*+\d{4}$/);
    if (c.idNumber) assert.match(c.idNumber, /\*/);
  }
  const detail = await clerk.get(`/api/customers/${list.body.items[0].id}`);
  assert.match(detail.body.phone, /^\d{11}$/);
});
