// X-03, FD-01, FD-06: pass requests and bookings from the portal. An owner's pass request is issued at once; a
// tenant's becomes a pass only when an owner of the unit confirms it in the portal (or the desk by phone);
// bookings go through the desk's own command, so the exclusion constraint decides between desk and portal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { OTHER_PROJECT_OWNER_PHONE, OWNER_PHONE, TENANT_PHONE, neighbourOwnerPhone, residentHome, signInResident } from '../../test/resident-fixtures';

let t: TestApp;
let owner: Client;
let tenant: Client;
let home: { unitId: string; projectId: string; customerId: string };
before(async () => {
  t = await testApp();
  owner = await signInResident(t, OWNER_PHONE);
  tenant = await signInResident(t, TENANT_PHONE);
  home = await residentHome(t.database.db, OWNER_PHONE);
});
after(() => t.close());

const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
const passBody = (x: Record<string, unknown> = {}) => ({ unitId: home.unitId, items: '旧沙发一张', pieces: 1, validOn: tomorrow(), timeOut: '09:30', vehiclePlate: 'hu a12345', note: '搬家公司来搬', ...x });

test("FD-01, X-03: an owner's pass request from the portal is issued at once with the desk's numbering; the gate checks it by its check code", async () => {
  const made = await owner.post('/api/resident/pass-requests', passBody());
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.status, 'issued');
  assert.equal(made.body.relation, 'owner');
  assert.match(made.body.pass.number, /^FX-\d{4}-\d{6}$/);
  assert.match(made.body.pass.checkCode, /^\d{8}$/);
  assert.equal(made.body.pass.state, 'valid');
  assert.equal(made.body.vehiclePlate, 'HU A12345');
  const guard = await t.as('ch-guard');
  const found = (await guard.get(`/api/release-passes/check?projectId=${home.projectId}&q=${made.body.pass.checkCode}`)).body.items;
  assert.equal(found.length, 1);
  assert.equal(found[0].number, made.body.pass.number);
  assert.equal(found[0].vehiclePlate, 'HU A12345');
  assert.equal(found[0].items, '旧沙发一张');
  assert.equal(found[0].ownerConfirmation, null, "an owner's own pass needs no confirmation");
  // the resident sees it in their list; the date cannot be in the past; another project's unit is not found
  assert.ok((await owner.get('/api/resident/pass-requests')).body.some((x: { id: string }) => x.id === made.body.id));
  assert.equal((await owner.post('/api/resident/pass-requests', passBody({ validOn: '2020-01-01' }))).status, 400);
  const gmHome = await residentHome(t.database.db, OTHER_PROJECT_OWNER_PHONE);
  assert.equal((await owner.post('/api/resident/pass-requests', passBody({ unitId: gmHome.unitId }))).status, 404);
});

test("FD-01, X-03: a tenant's request is no pass until an owner of the unit confirms it in the portal; refusals for the tenant, another unit's owner, another project's; twice is 409", async () => {
  const made = await tenant.post('/api/resident/pass-requests', passBody({ items: '冰箱一台', pieces: 1, vehiclePlate: '' }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.status, 'awaiting_owner');
  assert.equal(made.body.pass, null, 'no pass without the owner');
  assert.equal(made.body.canDecide, false);
  const id = made.body.id;
  // the desk sees it pending, and the clerk on duty is told
  const clerk = await t.as('ch-clerk');
  const pending = (await clerk.get(`/api/pass-requests?projectId=${home.projectId}`)).body.items;
  assert.ok(pending.some((x: { id: string; status: string }) => x.id === id && x.status === 'awaiting_owner'));
  assert.ok((await clerk.get('/api/notifications')).body.items.some((n: { entityId: string }) => n.entityId === id));
  // refusals: the tenant cannot confirm their own; another unit's owner and another project's owner do not see it
  const v = { version: made.body.version };
  assert.equal((await tenant.post(`/api/resident/pass-requests/${id}/confirm`, v)).status, 403);
  const neighbour = await signInResident(t, await neighbourOwnerPhone(t.database.db, home));
  assert.equal((await neighbour.post(`/api/resident/pass-requests/${id}/confirm`, v)).status, 404);
  assert.equal((await neighbour.get(`/api/resident/pass-requests/${id}`)).status, 404);
  const gm = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  assert.equal((await gm.post(`/api/resident/pass-requests/${id}/confirm`, v)).status, 404);
  assert.equal((await tenant.get(`/api/resident/pass-requests/${id}`)).body.pass, null, 'still no pass after the refusals');

  // the owner is told, sees it to decide, and confirms: the pass is numbered, confirmed by 'portal' with the owner and time
  const notice = (await owner.get('/api/resident/notices')).body.items.find((n: { link: string }) => n.link === `/passes/${id}`);
  assert.ok(notice, 'the owner has a notice');
  assert.equal(notice.action, 'pass_awaiting_owner');
  const seen = (await owner.get('/api/resident/pass-requests')).body.find((x: { id: string }) => x.id === id);
  assert.equal(seen.canDecide, true);
  assert.equal((await owner.post(`/api/resident/pass-requests/${id}/confirm`, { version: seen.version + 5 })).status, 409, 'a stale version');
  const ok = await owner.post(`/api/resident/pass-requests/${id}/confirm`, { version: seen.version });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.status, 'issued');
  assert.equal(ok.body.confirmMethod, 'portal');
  assert.match(ok.body.pass.number, /^FX-/);
  const desk = (await clerk.get(`/api/release-passes/${ok.body.pass.id}`)).body;
  assert.equal(desk.relation, 'tenant');
  assert.equal(desk.ownerConfirmation.method, 'portal');
  assert.ok(desk.ownerConfirmation.ownerName);
  assert.ok(desk.ownerConfirmation.at);
  const twice = await owner.post(`/api/resident/pass-requests/${id}/confirm`, { version: ok.body.version });
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error, 'pass_request_decided');
  // the tenant is told and sees the pass with its check code
  const told = (await tenant.get('/api/resident/notices')).body.items.find((n: { link: string; action: string }) => n.link === `/passes/${id}` && n.action === 'pass_issued');
  assert.ok(told, 'the tenant has a notice');
  assert.equal((await tenant.get(`/api/resident/pass-requests/${id}`)).body.pass.checkCode, ok.body.pass.checkCode);
});

test('FD-01, X-03: two confirmations of one request sent at once issue exactly one pass', async () => {
  const made = (await tenant.post('/api/resident/pass-requests', passBody({ items: '书桌一张' }))).body;
  const res = await Promise.all([owner.post(`/api/resident/pass-requests/${made.id}/confirm`, { version: made.version }), owner.post(`/api/resident/pass-requests/${made.id}/confirm`, { version: made.version })]);
  assert.deepEqual(res.map((r) => r.status).sort(), [200, 409]);
});

test("FD-01, X-03: an owner declines a tenant's request (no pass); the desk may instead confirm by phone", async () => {
  const a = (await tenant.post('/api/resident/pass-requests', passBody({ items: '电视机一台' }))).body;
  const no = await owner.post(`/api/resident/pass-requests/${a.id}/decline`, { version: a.version, reason: '电视机是房屋配套家电' });
  assert.equal(no.status, 200, JSON.stringify(no.body));
  assert.equal(no.body.status, 'declined');
  assert.equal(no.body.pass, null);
  assert.equal(no.body.declineReason, '电视机是房屋配套家电');
  assert.equal((await owner.post(`/api/resident/pass-requests/${a.id}/confirm`, { version: no.body.version })).status, 409);
  assert.ok((await tenant.get('/api/resident/notices')).body.items.some((n: { link: string; action: string }) => n.link === `/passes/${a.id}` && n.action === 'pass_declined'));
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.post(`/api/pass-requests/${a.id}/issue`, { version: no.body.version, ownerId: home.customerId })).status, 409, 'a declined request is not issued by the desk either');

  // the desk's phone path: a tenant's request confirmed with the owner by phone
  const b = (await tenant.post('/api/resident/pass-requests', passBody({ items: '自行车一辆' }))).body;
  const tenantCustomer = (await residentHome(t.database.db, TENANT_PHONE)).customerId;
  const wrong = await clerk.post(`/api/pass-requests/${b.id}/issue`, { version: b.version, ownerId: tenantCustomer });
  assert.equal(wrong.status, 400, 'the tenant is not an owner of the unit');
  const phoned = await clerk.post(`/api/pass-requests/${b.id}/issue`, { version: b.version, ownerId: home.customerId, note: '电话确认' });
  assert.equal(phoned.status, 200, JSON.stringify(phoned.body));
  assert.equal(phoned.body.ownerConfirmation.method, 'phone');
  assert.equal((await owner.post(`/api/resident/pass-requests/${b.id}/confirm`, { version: b.version })).status, 409);
  assert.equal((await tenant.get(`/api/resident/pass-requests/${b.id}`)).body.pass.number, phoned.body.number);
});

const FUTURE = '2031-03-12';

test('FD-06, X-03: a resident sees the bookable rooms of their project only, a day of slots, books one; an overlap is 409 with a field error', async () => {
  const sup = await t.as('ch-super');
  const staffRoom = (await sup.post('/api/rooms', { projectId: home.projectId, kind: 'meeting', name: '物业办公室小会议室', capacity: 8, feePerHour: 0 })).body;
  const rooms = (await owner.get('/api/resident/rooms')).body;
  assert.ok(rooms.length >= 2, JSON.stringify(rooms));
  assert.ok(rooms.every((r: { projectId: string }) => r.projectId === home.projectId), 'only their project');
  assert.ok(!rooms.some((r: { id: string }) => r.id === staffRoom.id), 'not the staff rooms');
  assert.equal((await owner.get(`/api/resident/rooms/${staffRoom.id}/slots?date=${FUTURE}`)).status, 404);
  const gym = rooms.find((r: { kind: string }) => r.kind === 'gym');
  const day = (await owner.get(`/api/resident/rooms/${gym.id}/slots?date=${FUTURE}`)).body;
  assert.equal(day.slots.length, 14);
  assert.ok(day.slots.every((s: { free: boolean }) => s.free));
  const [s9, s10] = [day.slots[1], day.slots[2]];
  const made = await owner.post('/api/resident/room-bookings', { roomId: gym.id, unitId: home.unitId, startsAt: s9.startsAt, endsAt: s10.endsAt, purpose: '家庭健身', attendees: 2 });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.status, 'booked');
  assert.equal(made.body.canCancel, true);
  const after = (await owner.get(`/api/resident/rooms/${gym.id}/slots?date=${FUTURE}`)).body.slots;
  assert.deepEqual(after.slice(0, 4).map((s: { free: boolean }) => s.free), [true, false, false, true]);
  // the desk sees it in its register, booked in the resident's name
  const clerk = await t.as('ch-clerk');
  const desk = (await clerk.get(`/api/room-bookings?projectId=${home.projectId}&from=${FUTURE}&to=${FUTURE}`)).body.items.find((b: { id: string }) => b.id === made.body.id);
  assert.ok(desk);
  assert.equal(desk.bookerPhone, OWNER_PHONE);
  // an overlapping slot from the tenant: 409 with the field
  const clash = await tenant.post('/api/resident/room-bookings', { roomId: gym.id, unitId: home.unitId, startsAt: s10.startsAt, endsAt: s10.endsAt, purpose: '跑步', attendees: 1 });
  assert.equal(clash.status, 409);
  assert.equal(clash.body.error, 'booking_conflict');
  assert.equal(clash.body.fields[0].path, 'startsAt');
  assert.ok(clash.body.fields[0].message);
  // another project's room: not found
  const gm = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  const gmRoom = (await gm.get('/api/resident/rooms')).body[0];
  assert.equal((await owner.post('/api/resident/room-bookings', { roomId: gmRoom.id, unitId: home.unitId, startsAt: s9.startsAt, endsAt: s9.endsAt, purpose: 'x', attendees: 1 })).status, 404);
  assert.equal((await owner.get(`/api/resident/rooms/${gmRoom.id}/slots?date=${FUTURE}`)).status, 404);
  // the notice of the booking
  assert.ok((await owner.get('/api/resident/notices')).body.items.some((n: { entity: string; action: string }) => n.entity === 'room_booking' && n.action === 'booking_confirmed'));
});

test('FD-06, X-03: a desk booking and a portal booking of one slot sent at once — exactly one wins', async () => {
  const rooms = (await owner.get('/api/resident/rooms')).body;
  const meeting = rooms.find((r: { kind: string }) => r.kind === 'meeting');
  const slot = (await owner.get(`/api/resident/rooms/${meeting.id}/slots?date=2031-03-13`)).body.slots[6];
  const clerk = await t.as('ch-clerk');
  const res = await Promise.all([
    clerk.post('/api/room-bookings', { roomId: meeting.id, startsAt: slot.startsAt, endsAt: slot.endsAt, bookerName: '王先生', bookerPhone: '13900002222', purpose: '业委会会议', attendees: 10 }),
    owner.post('/api/resident/room-bookings', { roomId: meeting.id, unitId: home.unitId, startsAt: slot.startsAt, endsAt: slot.endsAt, purpose: '家庭聚会', attendees: 10 }),
  ]);
  assert.deepEqual(res.map((r) => r.status).sort(), [201, 409], JSON.stringify(res.map((r) => r.body)));
});

test("FD-06, X-03: a resident cancels their own booking, never someone else's", async () => {
  const rooms = (await owner.get('/api/resident/rooms')).body;
  const gym = rooms.find((r: { kind: string }) => r.kind === 'gym');
  const slot = (await owner.get(`/api/resident/rooms/${gym.id}/slots?date=2031-03-14`)).body.slots[10];
  const mine = (await owner.post('/api/resident/room-bookings', { roomId: gym.id, unitId: home.unitId, startsAt: slot.startsAt, endsAt: slot.endsAt, purpose: '健身', attendees: 1 })).body;
  assert.equal((await tenant.post(`/api/resident/room-bookings/${mine.id}/cancel`, { version: mine.version })).status, 404, "the tenant cannot cancel the owner's booking");
  const clerk = await t.as('ch-clerk');
  const deskSlot = (await owner.get(`/api/resident/rooms/${gym.id}/slots?date=2031-03-14`)).body.slots[3];
  const deskBooking = (await clerk.post('/api/room-bookings', { roomId: gym.id, startsAt: deskSlot.startsAt, endsAt: deskSlot.endsAt, bookerName: '李女士', bookerPhone: '13900003333', purpose: '瑜伽课', attendees: 8 })).body;
  assert.equal((await owner.post(`/api/resident/room-bookings/${deskBooking.id}/cancel`, { version: deskBooking.version })).status, 404, "the desk's booking is not theirs");
  assert.ok(!(await owner.get('/api/resident/room-bookings')).body.some((b: { id: string }) => b.id === deskBooking.id));
  const done = await owner.post(`/api/resident/room-bookings/${mine.id}/cancel`, { version: mine.version, reason: '临时有事' });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.status, 'cancelled');
  assert.equal((await owner.post(`/api/resident/room-bookings/${mine.id}/cancel`, { version: done.body.version })).status, 409);
  assert.ok((await owner.get(`/api/resident/rooms/${gym.id}/slots?date=2031-03-14`)).body.slots[10].free, 'the slot is free again');
});

test('FD-01, FD-06, X-03 demo data: the demo owner has an issued pass and a booking, and a tenant request awaits them', async () => {
  const fresh = await testApp();
  try {
    const o = await signInResident(fresh, OWNER_PHONE);
    const list = (await o.get('/api/resident/pass-requests')).body;
    assert.ok(list.some((x: { status: string; mine: boolean; pass: unknown }) => x.status === 'issued' && x.mine && x.pass));
    assert.ok(list.some((x: { status: string; canDecide: boolean }) => x.status === 'awaiting_owner' && x.canDecide));
    assert.ok((await o.get('/api/resident/room-bookings')).body.some((b: { status: string }) => b.status === 'booked'));
  } finally {
    await fresh.close();
  }
});
