// Issue 12 item 5 (AR-04): every list and export shows phone numbers masked; the whole number only on
// a detail view of a role that calls customers, and customer detail views and exports are on record.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../test/harness';
import { fixtures } from '../test/fixtures';
import { auditEvents } from './tables';
import { customers } from '../domains/people/tables';

let t: TestApp;
let chy: string;
let f: ReturnType<typeof fixtures>;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  f = fixtures(t.database.db, t.storage, 'ch', chy);
});
after(() => t.close());

const FULL_MOBILE = /(?<![\w-])1\d{10}(?![\w-])/; // not inside a uuid such as …-f15344416038
const masked = /^\d{3}\*+\d{4}$/;

test('AR-04 issue 12 item 5: the case, order, paid-order, complaint, customer and staff lists show no whole phone number', async () => {
  const kase = await f.repair();
  const paid = await f.paid();
  const complaint = await f.complaint();
  const owner = await f.owner();
  await t.database.db.update(customers).set({ emergencyContacts: [{ name: '李母', phone: '13900001111', relation: '母亲' }] }).where(eq(customers.id, owner.c.id));
  const admin = await t.as('admin');
  const lists = {
    cases: await admin.get(`/api/cases?projectId=${chy}&limit=200`),
    orders: await admin.get(`/api/work-orders?projectId=${chy}&limit=200`),
    paid: await admin.get(`/api/paid-orders?projectId=${chy}&limit=200`),
    complaints: await admin.get(`/api/complaints?projectId=${chy}&limit=200`),
    customers: await admin.get(`/api/customers?projectId=${chy}&limit=200`),
    staff: await admin.get(`/api/projects/${chy}/staff`),
  };
  for (const [name, res] of Object.entries(lists)) {
    assert.equal(res.status, 200, name);
    assert.ok(res.body.items.length, `${name}: the list has rows`);
    assert.doesNotMatch(JSON.stringify(res.body), FULL_MOBILE, `${name} shows a whole number`);
  }
  assert.match(lists.cases.body.items.find((c: { id: string }) => c.id === kase.id).callerPhone, masked);
  assert.match(lists.orders.body.items.find((o: { id: string }) => o.id === kase.orders[0].id).customerPhone, masked);
  assert.match(lists.paid.body.items.find((o: { orderId: string }) => o.orderId === paid.orderId).customerPhone, masked);
  assert.match(lists.complaints.body.items.find((k: { id: string }) => k.id === complaint.id).callerPhone, masked);
  const listed = lists.customers.body.items.find((c: { id: string }) => c.id === owner.c.id);
  assert.equal(listed?.emergencyContacts[0].phone ?? (await admin.get(`/api/customers?projectId=${chy}&q=${encodeURIComponent(owner.c.name)}`)).body.items[0].emergencyContacts[0].phone, '139****1111');
  assert.ok(lists.staff.body.items.some((s: { phone: string | null }) => s.phone && masked.test(s.phone)));
});

test('AR-04 issue 12 item 5: detail views show the whole number to a role that calls back, masked for finance', async () => {
  const kase = await f.repair();
  const clerk = await t.as('ch-clerk');
  const finance = await t.as('ch-finance');
  assert.equal((await clerk.get(`/api/cases/${kase.id}`)).body.callerPhone, '13800138000');
  assert.equal((await clerk.get(`/api/work-orders/${kase.orders[0].id}`)).body.customerPhone, '13800138000');
  assert.match((await finance.get(`/api/cases/${kase.id}`)).body.callerPhone, masked);
  assert.match((await finance.get(`/api/work-orders/${kase.orders[0].id}`)).body.customerPhone, masked);
});

test('AR-04 issue 12 item 5: a customer detail with whole numbers and every export are audit events', async () => {
  const owner = await f.owner();
  const clerk = await t.as('ch-clerk');
  const detail = await clerk.get(`/api/customers/${owner.c.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.phone, owner.c.phone);
  const views = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, owner.c.id), eq(auditEvents.action, 'view_personal')));
  assert.equal(views.length, 1);
  const finance = await t.as('ch-finance');
  assert.match((await finance.get(`/api/customers/${owner.c.id}`)).body.phone, masked, 'finance reads the customer without the whole number');

  await f.repair();
  const exported = await clerk.get(`/api/cases/export?projectId=${chy}`);
  assert.equal(exported.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported.bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => void cells.push(String(c.value ?? ''))));
  assert.ok(cells.some((c) => masked.test(c)), 'the phone column is there, masked');
  assert.ok(!cells.some((c) => FULL_MOBILE.test(c)), 'no whole number in the workbook');
  assert.equal((await clerk.get(`/api/work-orders/export?projectId=${chy}`)).status, 200);
  const exports = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.projectId, chy), eq(auditEvents.action, 'export')));
  assert.deepEqual(exports.map((e) => (e.after as { list: string }).list).sort(), ['cases', 'work_orders']);
});

test('AR-04 issue 12 item 5: technicians do not read the customer register; their order shows its customer', async () => {
  const tech = await t.as('ch-tech');
  assert.equal((await tech.get(`/api/customers?projectId=${chy}`)).status, 403);
  assert.equal((await tech.get(`/api/lookup?q=138&projectId=${chy}`)).status, 403);
});
