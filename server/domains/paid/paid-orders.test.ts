// PS-02..PS-09: paid orders from registration to receipt, the day's cash hand-over and the monthly summary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { closedPaidOrder, paidOrder, SIGNATURE, userId } from '../../test/desk';
import { toLocal } from '../../platform/clock';
import { auditEvents } from '../../platform/tables';
import { sweepOverdue } from '../deadlines/jobs';
import { deadlines } from '../deadlines/tables';
import { notifications } from '../notifications/tables';
import { followups } from '../followups/tables';
import { receipts } from './tables';

let t: TestApp;
let chy: string;
let clerk: Client;
let item: { id: string; price: number };
let unitId: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  [item] = (await clerk.get(`/api/projects/${chy}/price-list`)).body.items;
  unitId = (await clerk.get(`/api/units?projectId=${chy}&limit=1`)).body.items[0].id;
});
after(() => t.close());

const registration = (extra: Record<string, unknown> = {}) => ({
  projectId: chy,
  channel: 'phone',
  unitId,
  callerName: '赵女士',
  callerPhone: '13912345678',
  confirmedWithCaller: true,
  itemId: item.id,
  quantity: 1,
  description: '厨房水槽下水管漏水，需更换',
  preferredTime: '明天上午9点后',
  fee: item.price,
  expectedResult: '下水通畅、不渗漏',
  agreed: false,
  ...extra,
});

/** The order's technician steps, as the technician's phone sends them. */
async function work(orderId: string, upTo: 'accept' | 'complete', signature = true) {
  const eng = await t.as('ch-eng');
  const tech = await t.as('ch-tech');
  let o = (await eng.get(`/api/work-orders/${orderId}`)).body;
  o = (await eng.post(`/api/work-orders/${orderId}/transitions`, { action: 'dispatch', version: o.version, assigneeId: await userId(t.database.db, 'ch-tech') })).body;
  o = (await tech.post(`/api/work-orders/${orderId}/transitions`, { action: 'accept', version: o.version })).body;
  if (upTo === 'accept') return o;
  o = (await tech.post(`/api/work-orders/${orderId}/transitions`, { action: 'start', version: o.version })).body;
  const done = await tech.post(`/api/work-orders/${orderId}/transitions`, { action: 'complete', version: o.version, result: '已更换下水管', materials: [], ...(signature ? { signature: SIGNATURE } : {}) });
  assert.equal(done.status, 200);
  return done.body;
}

test('PS-02 only the customer-service desk registers paid orders', async () => {
  for (const who of ['ch-keeper', 'ch-tech', 'ch-eng', 'ch-finance', 'ch-manager', 'quality']) {
    const res = await (await t.as(who)).post('/api/paid-orders', registration());
    assert.equal(res.status, 403, who);
  }
  assert.equal((await (await t.as('gm-clerk')).post('/api/paid-orders', registration())).status, 404, 'another project’s desk');
  const before = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'register'));
  const bad = await clerk.post('/api/paid-orders', registration({ fee: -5, preferredTime: '' }));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.fields.map((f: { path: string }) => f.path).sort(), ['fee', 'preferredTime']);
  assert.equal((await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'register'))).length, before.length, 'a refusal changes nothing');

  const res = await clerk.post('/api/paid-orders', registration());
  assert.equal(res.status, 201);
  assert.equal(res.body.fee, item.price);
  assert.equal(res.body.agreedAt, null);
  assert.match(res.body.orderNumber, /^BX-\d{4}-\d{6}$/);
  const kase = (await clerk.get(`/api/cases/${res.body.caseId}`)).body;
  assert.equal(kase.category, 'paid_service');
  assert.equal(kase.orders[0].paid, true);
  // A plain case can no longer open a paid order behind the desk's registration.
  const plain = await clerk.post('/api/cases', { projectId: chy, channel: 'phone', category: 'repair', unitId, callerName: '钱', callerPhone: '13800000001', content: '修', confirmedWithCaller: true, order: { trade: 'water', locationKind: 'unit', description: '修', paid: true } });
  assert.equal(plain.status, 201);
  assert.equal(plain.body.orders[0].paid, false);
});

test('PS-03 no work starts before the customer agrees to the price; a new quote needs a new agreement', async () => {
  const reg = (await clerk.post('/api/paid-orders', registration())).body;
  const accepted = await work(reg.orderId, 'accept');
  const tech = await t.as('ch-tech');
  const refused = await tech.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'start', version: accepted.version });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error, 'price_not_agreed');
  assert.match(refused.body.message, /报价/);

  let paid = (await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'agree', version: reg.version, how: 'phone' })).body;
  assert.ok(paid.agreedAt);
  // The price changes before work: the agreement is gone until the customer agrees again.
  paid = (await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'quote', version: paid.version, fee: item.price + 20, expectedResult: '更换整套下水' })).body;
  assert.equal(paid.agreedAt, null);
  assert.equal(paid.fee, item.price + 20);
  assert.equal((await tech.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'start', version: accepted.version })).body.error, 'price_not_agreed');
  paid = (await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'agree', version: paid.version, how: 'phone' })).body;
  const started = await tech.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'start', version: accepted.version });
  assert.equal(started.status, 200);
  const late = await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'quote', version: paid.version, fee: 999, expectedResult: '加价' });
  assert.equal(late.status, 409);
  assert.equal(late.body.error, 'work_started', 'no price surprises after the job has begun');
  assert.equal((await tech.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'agree', version: paid.version, how: 'phone' })).status, 403);
});

test('PS-04 a phone registration must hear its appointment within 10 minutes; the sweeper tells the desk when it does not', async () => {
  const at = new Date(Date.now() - 60 * 60_000);
  const phone = await paidOrder(t.database.db, 'ch-clerk', chy, { now: at });
  assert.equal(phone.appointmentDueAt, new Date(at.getTime() + 10 * 60_000).toISOString());
  const walkIn = await paidOrder(t.database.db, 'ch-clerk', chy, { channel: 'walk_in' });
  assert.equal(walkIn.appointmentDueAt, null, 'a walk-in agrees the time at the desk');

  await sweepOverdue(t.database.db, new Date(at.getTime() + 11 * 60_000));
  const told = await t.database.db.select().from(notifications).where(and(eq(notifications.entityId, phone.orderId), eq(notifications.kind, 'overdue_appointment')));
  assert.deepEqual(told.map((n) => n.userId), [await userId(t.database.db, 'ch-clerk')]);

  const appointed = await clerk.post(`/api/paid-orders/${phone.orderId}/actions`, { action: 'appoint', version: phone.version, appointmentAt: new Date(Date.now() + 86_400_000).toISOString() });
  assert.equal(appointed.status, 200);
  const [d] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, phone.orderId), eq(deadlines.kind, 'appointment')));
  assert.ok(d.metAt, 'the appointment meets the deadline');
  assert.equal((await clerk.post(`/api/paid-orders/${phone.orderId}/actions`, { action: 'appoint', version: phone.version, appointmentAt: 'tomorrow' })).status, 400);
});

test('PS-05 / PS-06 the three notice copies follow the order; closing needs signature and payment; receipts are gapless and voids are kept', async () => {
  let reg = (await clerk.post('/api/paid-orders', registration({ agreed: true }))).body;
  assert.deepEqual(reg.copies, { finance: 'awaiting_payment', department: 'to_dispatch', archive: 'open' });
  // Completed without the customer's signature: the desk cannot close on a phone consent.
  const done = await work(reg.orderId, 'complete', false);
  reg = (await clerk.get(`/api/paid-orders/${reg.orderId}`)).body;
  assert.deepEqual(reg.copies, { finance: 'awaiting_payment', department: 'done', archive: 'open' });
  assert.equal((await clerk.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'close', version: done.version })).body.error, 'signature_missing');
  assert.equal((await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'collect', version: reg.version, amount: reg.fee, method: 'cash' })).body.error, 'not_ready_for_payment');
  const consent = await clerk.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'record_acceptance', version: done.version, consent: true, customerOpinion: '电话确认', contactedBy: 'phone' });
  assert.equal(consent.status, 400);
  assert.equal(consent.body.fields[0].path, 'signature');
  // The customer signs at the desk when paying.
  const signed = await clerk.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'record_acceptance', version: done.version, consent: true, customerOpinion: '满意', contactedBy: 'on_site', signature: SIGNATURE });
  assert.equal(signed.status, 200);
  assert.equal((await clerk.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'close', version: signed.body.version })).body.error, 'payment_missing');

  reg = (await clerk.get(`/api/paid-orders/${reg.orderId}`)).body;
  assert.equal(reg.copies.archive, 'signed');
  const wrong = await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'collect', version: reg.version, amount: reg.fee + 10, method: 'cash' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.fields[0].path, 'amount');
  assert.equal((await (await t.as('ch-finance')).post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'collect', version: reg.version, amount: reg.fee, method: 'cash' })).status, 403);

  const first = (await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'collect', version: reg.version, amount: reg.fee, method: 'cash' })).body;
  assert.equal(first.copies.finance, 'paid');
  const r1 = first.receipts[0];
  assert.match(r1.number, /^SF-\d{4}-\d{6}$/);
  assert.equal((await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'collect', version: first.version, amount: reg.fee, method: 'cash' })).body.error, 'already_paid');
  // A misprinted receipt is voided and kept; the next one takes the next number, never the voided one.
  const voided = (await clerk.post(`/api/receipts/${r1.id}/void`, { reason: '金额写错' })).body;
  assert.equal(voided.copies.finance, 'awaiting_payment');
  assert.equal((await clerk.post(`/api/receipts/${r1.id}/void`, { reason: '再次作废' })).body.error, 'receipt_voided');
  const second = (await clerk.post(`/api/paid-orders/${reg.orderId}/actions`, { action: 'collect', version: voided.version, amount: reg.fee, method: 'scan' })).body;
  const [v, r2] = second.receipts;
  assert.equal(v.voidReason, '金额写错');
  assert.ok(v.voidedAt);
  assert.equal(Number(r2.number.slice(-6)), Number(r1.number.slice(-6)) + 1);
  const all = await t.database.db.select({ number: receipts.number }).from(receipts).where(eq(receipts.projectId, chy));
  const seq = all.map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b);
  assert.deepEqual(seq, seq.map((_, i) => seq[0] + i), 'receipt numbers have no gaps and no repeats');

  const closed = await clerk.post(`/api/work-orders/${reg.orderId}/transitions`, { action: 'close', version: signed.body.version });
  assert.equal(closed.status, 200);
  assert.equal(closed.body.followupSelected, true, 'PS-08: every paid service is followed up');
  const final = (await clerk.get(`/api/paid-orders/${reg.orderId}`)).body;
  assert.equal(final.copies.archive, 'filed');
  assert.equal((await clerk.post(`/api/receipts/${r2.id}/void`, { reason: '晚了' })).body.error, 'order_closed');
});

test('PS-07 the day’s takings go to finance; finance confirms; a difference is flagged and told', async () => {
  const db = t.database.db;
  const clerk2 = await t.as('ch-clerk2');
  const finance = await t.as('ch-finance');
  const chClerk = await userId(db, 'ch-clerk');
  const p1 = await paidOrder(db, 'ch-clerk', chy);
  const o1 = await closedPaidOrder(db, t.storage, 'ch', p1);
  await closedPaidOrder(db, t.storage, 'ch', await paidOrder(db, 'ch-clerk', chy));
  const date = toLocal(new Date(), 'Asia/Shanghai').date;
  const day = (await clerk.get(`/api/cash?projectId=${chy}&date=${date}`)).body;
  assert.equal((await clerk.get(`/api/cash?projectId=${chy}`)).body.date, date, "without a date: the project's today");
  const mine = day.clerks.find((c: { clerkId: string }) => c.clerkId === chClerk);
  assert.ok(mine.outstandingCash >= 2 * p1.fee);

  assert.equal((await finance.post('/api/cash-handovers', { projectId: chy, date, declared: 1 })).status, 403, 'finance receives, it does not hand over');
  assert.equal((await clerk2.post('/api/cash-handovers', { projectId: chy, date, declared: 0 })).body.error, 'nothing_to_hand_over');
  const h = await clerk.post('/api/cash-handovers', { projectId: chy, date, declared: mine.outstandingCash, note: '' });
  assert.equal(h.status, 201);
  assert.equal(h.body.expected, mine.outstandingCash);
  assert.equal(h.body.flagged, false);
  const after = (await clerk.get(`/api/cash?projectId=${chy}&date=${date}`)).body;
  assert.equal(after.clerks.find((c: { clerkId: string }) => c.clerkId === mine.clerkId).outstandingCash, 0);
  const paid = (await clerk.get(`/api/paid-orders/${o1.id}`)).body;
  assert.equal(paid.copies.finance, 'handed_over');
  assert.equal((await clerk.post(`/api/receipts/${paid.receipts[0].id}/void`, { reason: '交款后' })).body.error, 'receipt_handed_over');

  assert.equal((await clerk.post(`/api/cash-handovers/${h.body.id}/confirm`, { version: h.body.version, received: 1 })).status, 403, 'the desk cannot confirm its own cash');
  const short = h.body.expected - 10;
  const confirmed = await finance.post(`/api/cash-handovers/${h.body.id}/confirm`, { version: h.body.version, received: short, note: '少10元' });
  assert.equal(confirmed.status, 200);
  assert.equal(confirmed.body.difference, -10);
  assert.equal(confirmed.body.flagged, true);
  assert.equal((await finance.post(`/api/cash-handovers/${h.body.id}/confirm`, { version: confirmed.body.version, received: short })).body.error, 'handover_confirmed');
  const told = await db.select().from(notifications).where(and(eq(notifications.entityId, h.body.id), eq(notifications.kind, 'cash_difference')));
  assert.ok(told.some((n) => n.userId === mine.clerkId));
  assert.ok(told.length >= 2, 'the clerk and the CS supervisor');
  assert.equal((await clerk.get(`/api/paid-orders/${o1.id}`)).body.copies.finance, 'confirmed');
});

test('PS-09 the monthly summary adds up against the underlying orders and receipts, and exports to Excel', async () => {
  const db = t.database.db;
  const sup = await t.as('ch-super');
  const month = toLocal(new Date(), 'Asia/Shanghai').date.slice(0, 7);
  const techId = await userId(db, 'ch-tech');
  const before = (await sup.get(`/api/paid-summary?projectId=${chy}&month=${month}`)).body;
  const fees: number[] = [];
  for (let i = 0; i < 2; i++) {
    const order = await paidOrder(db, 'ch-clerk', chy);
    await closedPaidOrder(db, t.storage, 'ch', order);
    fees.push(order.fee);
  }
  const s = (await sup.get(`/api/paid-summary?projectId=${chy}&month=${month}`)).body;
  const cents = (x: number) => Math.round(x * 100);
  assert.equal(cents(s.total.amount) - cents(before.total.amount), cents(fees[0] + fees[1]));
  assert.equal(s.total.closed - before.total.closed, 2);
  // Lines add up to the total, both ways; the receipts agree with the orders.
  for (const lines of [s.departments, s.staff]) {
    assert.equal(lines.reduce((a: number, l: { amount: number }) => a + cents(l.amount), 0), cents(s.total.amount));
    assert.equal(lines.reduce((a: number, l: { registered: number }) => a + l.registered, 0), s.total.registered);
  }
  assert.equal(cents(s.reconciliation.receiptsAmount), cents(s.total.amount));
  assert.equal(s.reconciliation.closedWithoutReceipt, 0);
  assert.equal(s.reconciliation.feeMismatch, 0);
  const r = s.reconciliation;
  assert.equal(cents(r.confirmedCash) + cents(r.handedUnconfirmed) + cents(r.notHandedOver), cents(r.byMethod.cash ?? 0));
  const tech = s.staff.find((l: { key: string }) => l.key === techId);
  const techBefore = before.staff.find((l: { key: string }) => l.key === techId);
  assert.equal(cents(tech.amount) - cents(techBefore?.amount ?? 0), cents(fees[0] + fees[1]), 'the technician who did the work is credited');

  assert.equal((await (await t.as('ch-clerk')).get(`/api/paid-summary?projectId=${chy}&month=${month}`)).status, 403);
  assert.equal((await (await t.as('gm-finance')).get(`/api/paid-summary?projectId=${chy}&month=${month}`)).status, 404);
  const file = await (await t.as('ch-finance')).get(`/api/paid-summary/export?projectId=${chy}&month=${month}`);
  assert.equal(file.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  assert.equal(sheet.lastRow!.getCell(9).value, s.total.amount);
});

test('PS-08 a paid service found unsolved at its follow-up is reworked free: no new fee, signed again, closed again', async () => {
  const db = t.database.db;
  const order = await paidOrder(db, 'ch-clerk', chy);
  const closed = await closedPaidOrder(db, t.storage, 'ch', order);
  const [f] = await db.select().from(followups).where(eq(followups.orderId, closed.id));
  const visit = await clerk.post(`/api/followups/${f.id}/attempts`, { version: f.version, outcome: 'reached', channel: 'phone', verdict: 'unsatisfied', solved: false, note: '还在滴水' });
  assert.equal(visit.status, 200);
  let o = (await clerk.get(`/api/work-orders/${closed.id}`)).body;
  assert.equal(o.status, 'reported');
  assert.equal(o.reworkCount, 1);
  const done = await work(o.id, 'complete');
  const paid = (await clerk.get(`/api/paid-orders/${o.id}`)).body;
  assert.ok(!paid.actions.includes('collect'), 'the rework is free');
  assert.equal(paid.receipts.length, 1);
  o = (await clerk.post(`/api/work-orders/${o.id}/transitions`, { action: 'close', version: done.version })).body;
  assert.equal(o.status, 'closed');
  assert.equal(o.followupSelected, true, 'and followed up again');
});
