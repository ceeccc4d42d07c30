// FD-06: rooms and bookings — two overlapping bookings sent at once: exactly one wins; touching bookings
// both stand; cancelled ones free the slot; the fee; the record of use with a fault opening a work order;
// the refusals (another project 404, no action 403, stale 409, bad input 400).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { customerUnits } from '../people/tables';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { workOrders } from '../workorders/tables';

let t: TestApp;
let chy: string;
let clerk: Client;
let roomId: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  const r = await (await t.as('ch-super')).post('/api/rooms', { projectId: chy, kind: 'meeting', name: '二楼多功能会议室', capacity: 40, feePerHour: 20000, equipment: '投影仪、音响' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  roomId = r.body.id;
});
after(() => t.close());

const booking = (startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) => ({ roomId, startsAt, endsAt, bookerName: '周先生', bookerPhone: '13611112222', purpose: '业主大会筹备会', attendees: 12, requirements: '课桌式摆放，茶水', ...extra });

test('FD-06 two overlapping bookings sent at once: exactly one wins, the other is refused with booking_conflict', async () => {
  const other = await t.as('ch-keeper');
  for (let round = 0; round < 3; round++) {
    const day = `2030-06-1${round}`;
    const res = await Promise.all([clerk.post('/api/room-bookings', booking(`${day}T01:00:00Z`, `${day}T03:00:00Z`)), other.post('/api/room-bookings', booking(`${day}T02:00:00Z`, `${day}T04:00:00Z`))]);
    assert.deepEqual(res.map((r) => r.status).sort(), [201, 409], JSON.stringify(res.map((r) => r.body)));
    assert.equal(res.find((r) => r.status === 409)!.body.error, 'booking_conflict');
  }
  const list = await clerk.get(`/api/room-bookings?projectId=${chy}&from=2030-06-10&to=2030-06-12`);
  assert.equal(list.body.items.length, 3);
});

test('FD-06 back-to-back bookings stand; a cancelled booking frees its slot; the fee follows the hours', async () => {
  const a = await clerk.post('/api/room-bookings', booking('2030-07-01T01:00:00Z', '2030-07-01T02:30:00Z'));
  assert.equal(a.status, 201);
  assert.equal(a.body.fee, 30000, '1.5 h × 200 yuan');
  const b = await clerk.post('/api/room-bookings', booking('2030-07-01T02:30:00Z', '2030-07-01T03:00:00Z'));
  assert.equal(b.status, 201, 'touching is not overlapping');
  assert.equal((await clerk.post('/api/room-bookings', booking('2030-07-01T02:00:00Z', '2030-07-01T02:45:00Z'))).body.error, 'booking_conflict');
  assert.equal((await clerk.post(`/api/room-bookings/${a.body.id}/cancel`, { version: a.body.version + 1, reason: '改期' })).body.error, 'stale_version');
  assert.equal((await clerk.post(`/api/room-bookings/${a.body.id}/cancel`, { version: a.body.version, reason: '改期' })).status, 200);
  assert.equal((await clerk.post('/api/room-bookings', booking('2030-07-01T01:00:00Z', '2030-07-01T02:00:00Z'))).status, 201);
});

test('FD-06 the record of use: setup and cleaning noted; an equipment fault opens a work order; a used booking is closed', async () => {
  const b = await clerk.post('/api/room-bookings', booking('2030-08-01T01:00:00Z', '2030-08-01T02:00:00Z'));
  const done = await clerk.post(`/api/room-bookings/${b.body.id}/finish`, { version: b.body.version, usageNote: '会后已复原', setupDone: true, cleaningDone: true, fault: '投影仪无法开机' });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.status, 'used');
  const [o] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, done.body.workOrderId));
  assert.equal(o.location, '二楼多功能会议室');
  assert.equal((await clerk.post(`/api/room-bookings/${b.body.id}/cancel`, { version: done.body.version, reason: 'x' })).body.error, 'booking_closed');
});

test('FD-06 refusals: another project 404, roles without the action 403, bad input 400', async () => {
  assert.equal((await (await t.as('gm-clerk')).post('/api/room-bookings', booking('2030-09-01T01:00:00Z', '2030-09-01T02:00:00Z'))).status, 404);
  assert.equal((await (await t.as('ch-finance')).get(`/api/rooms?projectId=${chy}`)).status, 403);
  assert.equal((await clerk.post('/api/rooms', { projectId: chy, kind: 'gym', name: '健身房', capacity: 10, feePerHour: 0 })).status, 403);
  const back = await clerk.post('/api/room-bookings', booking('2030-09-01T03:00:00Z', '2030-09-01T02:00:00Z'));
  assert.equal(back.status, 400);
  assert.ok(back.body.fields.some((f: { path: string }) => f.path === 'endsAt'));
  const over = await clerk.post('/api/room-bookings', booking('2030-09-02T01:00:00Z', '2030-09-02T02:00:00Z', { attendees: 99 }));
  assert.equal(over.status, 400);
  assert.ok(over.body.fields.some((f: { path: string }) => f.path === 'attendees'));
});

test('FD-05 villa express mail: the sender must be a current owner or tenant of the unit; followed daily until delivered; the courier fee noted', async () => {
  const bsy = await t.projectId('BSY');
  const bs = await t.as('bs-clerk');
  const [owner] = await t.database.db.select().from(customerUnits).where(and(eq(customerUnits.projectId, bsy), eq(customerUnits.relation, 'owner'), isNull(customerUnits.endedAt))).limit(2);
  const [stranger] = await t.database.db.select().from(customerUnits).where(and(eq(customerUnits.projectId, bsy), ne(customerUnits.unitId, owner.unitId))).limit(1);
  const body = { unitId: owner.unitId, customerId: owner.customerId, identityCheck: 'id_card', itemType: 'valuables', destination: '深圳市福田区某大厦', courier: '顺丰', fee: 4500, note: '保价' };
  const bad = await bs.post('/api/express-mail', { ...body, customerId: stranger.customerId });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.fields.some((f: { path: string }) => f.path === 'customerId'));
  assert.equal((await bs.post('/api/express-mail', { ...body, identityCheck: undefined })).status, 400, 'identity must be checked');
  const sent = await bs.post('/api/express-mail', body);
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal(sent.body.fee, 4500);
  assert.ok(sent.body.nextFollowUpAt);
  const p1 = await bs.post(`/api/express-mail/${sent.body.id}/progress`, { version: sent.body.version, status: 'in_transit', trackingNo: 'SF0012345678', note: '已揽收' });
  assert.equal(p1.status, 200);
  assert.equal(p1.body.trackingNo, 'SF0012345678');
  assert.equal((await bs.post(`/api/express-mail/${sent.body.id}/progress`, { version: sent.body.version, status: 'delivered' })).body.error, 'stale_version');
  const done = await bs.post(`/api/express-mail/${sent.body.id}/progress`, { version: p1.body.version, status: 'delivered', note: '业主确认收到' });
  assert.equal(done.body.nextFollowUpAt, null);
  assert.equal(done.body.followUps.length, 2);
  assert.equal((await (await t.as('ch-clerk')).post(`/api/express-mail/${sent.body.id}/progress`, { version: done.body.version, status: 'returned' })).status, 404);
  assert.equal((await (await t.as('bs-finance')).post('/api/express-mail', body)).status, 403);
});

test("FD-05, FD-06 the month's figures for the inspection: express mail sent, delivered and follow-ups overdue; bookings used, over but not recorded, tasks after use undone", async () => {
  const bsy = await t.projectId('BSY');
  const manager = await t.as('bs-manager');
  const { expressMail, roomBookings, meetingRooms } = await import('./tables');
  const { users } = await import('../people/tables');
  // Last month, so every booking in it is over and its figures are final.
  const d = new Date();
  const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const at = (day: number, h: number) => new Date(`${month}-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`);
  const figures = async () => (await manager.get(`/api/projects/${bsy}/frontdesk-figures?month=${month}`)).body;
  const before = await figures();
  const [owner] = await t.database.db.select().from(customerUnits).where(and(eq(customerUnits.projectId, bsy), eq(customerUnits.relation, 'owner'), isNull(customerUnits.endedAt))).limit(1);
  const [by] = await t.database.db.select().from(users).where(eq(users.username, 'bs-clerk'));
  const mail = { companyId: by.companyId, projectId: bsy, unitId: owner.unitId, customerId: owner.customerId, identityCheck: 'id_card', itemType: 'document', destination: '上海', courier: '顺丰速运', fee: 2300, createdBy: by.id };
  await t.database.db.insert(expressMail).values([
    { ...mail, status: 'delivered', createdAt: at(3, 10), nextFollowUpAt: null },
    { ...mail, status: 'in_transit', createdAt: at(20, 10), nextFollowUpAt: at(21, 10) }, // nobody followed it up since
    { ...mail, status: 'returned', createdAt: at(25, 10), nextFollowUpAt: null },
  ]);
  const [room] = await t.database.db.insert(meetingRooms).values({ companyId: by.companyId, projectId: bsy, kind: 'meeting', name: '会所会议室（测试）', capacity: 10, feePerHour: 0, createdAt: at(1, 9) }).returning();
  const b = { companyId: by.companyId, projectId: bsy, roomId: room.id, bookerName: '周先生', bookerPhone: '13611112222', purpose: '座谈会', attendees: 8, fee: 0, createdBy: by.id, createdAt: at(1, 9) };
  await t.database.db.insert(roomBookings).values([
    { ...b, startsAt: at(5, 9), endsAt: at(5, 11), status: 'used', setupDone: true, cleaningDone: true },
    { ...b, startsAt: at(6, 9), endsAt: at(6, 11), status: 'used', setupDone: true, cleaningDone: false },
    { ...b, startsAt: at(7, 9), endsAt: at(7, 11), status: 'booked' },
    { ...b, startsAt: at(8, 9), endsAt: at(8, 11), status: 'cancelled', cancelReason: '改期' },
  ]);
  const after_ = await figures();
  const delta = (k: string) => after_[k] - before[k];
  assert.deepEqual(
    ['expressSent', 'expressDelivered', 'expressFollowUpOverdue', 'bookings', 'bookingsUsed', 'bookingsNotRecorded', 'bookingsTasksUndone', 'bookingFaults'].map(delta),
    [3, 1, 1, 3, 2, 1, 1, 0],
  );
  assert.equal((await (await t.as('ch-manager')).get(`/api/projects/${bsy}/frontdesk-figures?month=${month}`)).status, 404, 'another project');
});

test("FD-06 the meeting notice: one booking read back for its print with the project, the notice text and the client's requirements; another project's desk gets 404", async () => {
  const b = await clerk.post('/api/room-bookings', booking('2030-10-09T06:00:00Z', '2030-10-09T08:00:00Z', { notice: '请各位业主代表准时参加，会议讨论电梯更新方案。' }));
  assert.equal(b.status, 201, JSON.stringify(b.body));
  const one = await clerk.get(`/api/room-bookings/${b.body.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.projectId, chy);
  assert.equal(one.body.roomName, '二楼多功能会议室');
  assert.equal(one.body.notice, '请各位业主代表准时参加，会议讨论电梯更新方案。');
  assert.equal(one.body.requirements, '课桌式摆放，茶水');
  assert.equal((await (await t.as('gm-clerk')).get(`/api/room-bookings/${b.body.id}`)).status, 404);
  assert.equal((await (await t.as('ch-finance')).get(`/api/room-bookings/${b.body.id}`)).status, 403);
});
