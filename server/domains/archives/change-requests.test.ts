// AR-03: changes of archive data go through a change request signed by the customer; a tenant's also
// needs the owner's consent; protected fields are refused outside one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { SIGNATURE } from '../../seed/signature';
import { testVault } from '../../test/archive-fixtures';
import { auditEvents } from '../../platform/tables';
import { customers, customerUnits } from '../people/tables';
import { archives } from './tables';

let t: TestApp;
let chy: string;
let clerk: Client;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
});
after(() => t.close());

async function archiveOf(kind: 'owner' | 'tenant') {
  const [row] = await t.database.db
    .select({ a: archives, c: customers })
    .from(archives)
    .innerJoin(customers, eq(customers.id, archives.customerId))
    .where(and(eq(archives.projectId, chy), eq(archives.kind, kind), eq(customers.kind, 'person'), isNull(archives.retiredAt)))
    .orderBy(archives.id)
    .limit(1);
  return row;
}

test('AR-03 name and phone are refused outside a change request; emergency contacts stay editable', async () => {
  const { c } = await archiveOf('owner');
  const name = await clerk.put(`/api/customers/${c.id}`, { name: '改个名字', version: c.version });
  assert.equal(name.status, 409);
  assert.equal(name.body.error, 'protected_field');
  const phone = await clerk.put(`/api/customers/${c.id}`, { phone: '13700001111', version: c.version });
  assert.equal(phone.status, 409);
  const [same] = await t.database.db.select().from(customers).where(eq(customers.id, c.id));
  assert.equal(same.name, c.name);
  assert.equal(same.phone, c.phone);
  const contacts = await clerk.put(`/api/customers/${c.id}`, { emergencyContacts: [{ name: '李强', phone: '13600002222', relation: '儿子' }], version: c.version });
  assert.equal(contacts.status, 200);
});

test('AR-03 an owner change applies only once signed, in one transaction with its audit events', async () => {
  const { a, c } = await archiveOf('owner');
  const created = await clerk.post('/api/archive-changes', { archiveId: a.id, reason: '客户更换手机号码', phone: '13988887777' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.deepEqual(created.body.changes, [{ field: 'phone', before: c.phone, after: '13988887777' }]);
  assert.equal(created.body.needsConsent, false);
  const unsigned = await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'apply', version: created.body.version });
  assert.equal(unsigned.status, 409);
  assert.equal(unsigned.body.error, 'change_not_signed');
  const signed = await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'sign', version: created.body.version, signature: SIGNATURE });
  assert.equal(signed.status, 200);
  assert.deepEqual(signed.body.actions, ['sign', 'apply', 'cancel']);
  const applied = await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'apply', version: signed.body.version });
  assert.equal(applied.status, 200);
  assert.equal(applied.body.status, 'applied');
  const [now] = await t.database.db.select().from(customers).where(eq(customers.id, c.id));
  assert.equal(now.phone, '13988887777');
  assert.equal(now.version, c.version + 1);
  const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'customer'), eq(auditEvents.entityId, c.id)));
  assert.ok(events.some((e) => e.action === 'change_request_applied'));
  const again = await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'apply', version: applied.body.version });
  assert.equal(again.status, 409, 'an applied request is closed');
});

test("AR-03 a tenant's change needs the owner's consent — signed by a current owner of that unit", async () => {
  const { a, c } = await archiveOf('tenant');
  const newId = '110105198001010016';
  const bad = await clerk.post('/api/archive-changes', { archiveId: a.id, reason: '证件号码登记有误', idNumber: '110105198001010013' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.fields[0].path, 'idNumber');
  const created = await clerk.post('/api/archive-changes', { archiveId: a.id, reason: '证件号码登记有误', idNumber: newId });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.needsConsent, true);
  assert.ok(!JSON.stringify(created.body).includes(newId), 'the request shows the new ID number masked');
  let v = (await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'sign', version: created.body.version, signature: SIGNATURE })).body.version;
  const noConsent = await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'apply', version: v });
  assert.equal(noConsent.status, 409);
  assert.equal(noConsent.body.error, 'owner_consent_missing');
  // The tenant cannot consent for the owner.
  const notOwner = await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'consent', version: v, ownerId: c.id, signature: SIGNATURE });
  assert.equal(notOwner.status, 400);
  const [owner] = await t.database.db.select().from(customerUnits).where(and(eq(customerUnits.unitId, a.unitId), eq(customerUnits.relation, 'owner'), isNull(customerUnits.endedAt)));
  const consent = await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'consent', version: v, ownerId: owner.customerId, signature: SIGNATURE });
  assert.equal(consent.status, 200);
  assert.equal(consent.body.consented, true);
  v = consent.body.version;
  assert.equal((await clerk.post(`/api/archive-changes/${created.body.id}/actions`, { action: 'apply', version: v })).status, 200);
  const [now] = await t.database.db.select().from(customers).where(eq(customers.id, c.id));
  assert.equal(testVault.openText(now.idNumberSealed!), newId);
  assert.equal(now.idNumberHash, testVault.lookupHash(newId));
  assert.equal(now.idNumber, '1101**********0016');
});
