// The access matrix: every registered route × every staff role × own project / another project, allowed
// or refused as the policy says. Generated from the route registry: a route without a row here fails.
// residents of the portal get their own rows: own unit / another unit / another project.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLE_ACTIONS, COMPANY_WIDE_ROLES, type TRole } from '../../common/roles';
import { RESIDENT_LISTINGS, RESIDENT_REQUESTS, routeRequests, USERS, type Req, type ResidentRecords, type ResidentScope, type Scope } from './route-requests';
import { noticeFixtures } from './notice-fixtures';
import { OTHER_PROJECT_OWNER_PHONE, OWNER_PHONE, TENANT_PHONE, neighbourOwnerPhone, otherUnit, repairBody, residentHome, signInResident } from './resident-fixtures';
import type { Client } from './harness';
import { testApp, type TestApp } from './harness';
import { fixtures } from './fixtures';

let t: TestApp;
let ids: Record<Scope, string>;
let ROUTES: ReturnType<typeof routeRequests>;

before(async () => {
  t = await testApp();
  ids = { own: await t.projectId('CHY'), other: await t.projectId('GMZX') };
  ROUTES = routeRequests({ t, ids });
});
after(() => t.close());

// A request is built from fresh fixtures once and reused by the next role for as long as nothing changed
// it: reads never do, and a refused write leaves its record as it was.
const requests = new Map<string, Req>();
async function requestFor(key: string, scope: Scope): Promise<Req> {
  const cached = requests.get(`${key} ${scope}`);
  if (cached) return cached;
  const projectId = ids[scope];
  const req = await ROUTES[key].req(fixtures(t.database.db, t.storage, scope === 'own' ? 'ch' : 'gm', projectId), projectId, scope);
  requests.set(`${key} ${scope}`, req);
  return req;
}

test('every registered route has a row in the access matrix', () => {
  const keys = t.routes.filter((r) => r.access !== 'public').map((r) => `${r.method} ${r.url}`);
  const missing = keys.filter((k) => !ROUTES[k]);
  assert.deepEqual(missing, [], 'add these routes to the access matrix');
  assert.deepEqual(Object.keys(ROUTES).filter((k) => !keys.includes(k)), [], 'rows for routes that no longer exist');
});

test('anonymous callers get 401 from every non-public route', async () => {
  for (const r of t.routes.filter((x) => x.access !== 'public')) {
    const req = await requestFor(`${r.method} ${r.url}`, 'own');
    const res = req.method === 'GET' ? await t.anonymous.get(req.url) : req.method === 'POST' ? await t.anonymous.post(req.url, req.body) : await t.anonymous.put(req.url, req.body);
    assert.equal(res.status, 401, `${r.method} ${r.url}`);
  }
});

for (const role of Object.keys(USERS) as TRole[]) {
  test(`access matrix: ${role} on its own project and on another project`, async () => {
    const client = await t.as(USERS[role]);
    const failures: string[] = [];
    for (const r of t.routes.filter((x) => x.access !== 'public')) {
      const key = `${r.method} ${r.url}`;
      for (const scope of ['own', 'other'] as Scope[]) {
        const req = await requestFor(key, scope);
        const res = req.method === 'GET' ? await client.get(req.url) : req.method === 'POST' ? await client.post(req.url, req.body) : await client.put(req.url, req.body);
        // A write that went through used its fixture up (a new version, a new state): the next role gets a fresh one.
        if (req.method !== 'GET' && res.status < 300) requests.delete(`${key} ${scope}`);
        const holds = r.access === 'signed_in' || ROLE_ACTIONS[role].includes(r.access as never);
        const reaches = scope === 'own' || COMPANY_WIDE_ROLES.includes(role);
        const allowed = ROUTES[key].rule ? ROUTES[key].rule!(role, scope) && holds : holds && reaches;
        const refused = res.status === 403 || res.status === 404;
        if (res.status >= 500) failures.push(`${key} ${scope}: ${res.status}`);
        // Lists, lookups and the user's own things have no "other project" record: refusal means it is not shown.
        const listing = ['GET /api/projects', 'GET /api/kpis/ranking', 'GET /api/kpis/dashboard', 'GET /api/me/todos', 'GET /api/lookup', 'GET /api/me', 'PUT /api/me/locale', 'GET /api/notifications', 'POST /api/notifications/read'].includes(key);
        if (listing && scope === 'other' && holds) {
          const leaked = JSON.stringify(res.body).includes(ids.other);
          // QI-05: the to-dos show another project only to a company-wide role (and only when it has some there).
          if (key === 'GET /api/me/todos') {
            if (leaked && !COMPANY_WIDE_ROLES.includes(role)) failures.push(`${key} ${scope}: other project shown`);
            continue;
          }
          if (leaked !== COMPANY_WIDE_ROLES.includes(role) && key !== 'GET /api/me' && key !== 'PUT /api/me/locale' && !key.includes('notifications'))
            failures.push(`${key} ${scope}: other project ${leaked ? 'shown' : 'hidden'}`);
          continue;
        }
        if (allowed && refused) failures.push(`${key} ${scope}: refused (${res.status}) but should be allowed`);
        if (!allowed && !refused) failures.push(`${key} ${scope}: ${res.status} but should be refused`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

// the resident's records (a repair they reported, with its photo; a complaint, a paid order, a published
// notice of their project), another unit's (desk records of a neighbour; a notice not published) and
// another project's (another demo resident's records and a notice of their project).
async function residentRecords(): Promise<Record<ResidentScope, ResidentRecords>> {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const mine = (await owner.get(`/api/resident/cases/${(await owner.post('/api/resident/repairs', repairBody(home.unitId))).body.caseId}`)).body;
  const neighbour = await otherUnit(t.database.db, home);
  const clerk = await t.as('ch-clerk');
  const caller = { projectId: home.projectId, unitId: neighbour, callerName: '李女士', callerPhone: '13800138001', confirmedWithCaller: true };
  const desk = (await clerk.post('/api/cases', { ...caller, channel: 'phone', category: 'repair', content: '邻居家的报修', order: { trade: 'water', locationKind: 'unit', description: '水管漏水' } })).body;
  const deskComplaint = (await clerk.post('/api/complaints', { ...caller, channel: 'phone', content: '邻居的投诉', type: 'noise' })).body;
  const items = (await owner.get(`/api/resident/units/${home.unitId}/price-list`)).body.items;
  const deskPaid = (await clerk.post('/api/paid-orders', { ...caller, channel: 'phone', itemId: items[0].id, quantity: 1, description: '邻居的有偿服务', preferredTime: '今天', fee: 30, expectedResult: '不漏水', agreed: false })).body;
  const gmHome = await residentHome(t.database.db, OTHER_PROJECT_OWNER_PHONE);
  const gmResident = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  const gm = (await gmResident.get(`/api/resident/cases/${(await gmResident.post('/api/resident/repairs', repairBody(gmHome.unitId))).body.caseId}`)).body;
  const complaint = (body: { unitId: string }) => ({ ...body, type: 'noise', locationKind: 'unit', content: '夜间噪音扰民' });
  const paid = async (c: typeof owner, unitId: string) => {
    const list = (await c.get(`/api/resident/units/${unitId}/price-list`)).body;
    const made = (await c.post('/api/resident/paid-orders', { unitId, itemId: list.items[0].id, description: '水龙头滴水', preferredTime: '周末' })).body;
    return (await c.get(`/api/resident/paid-orders/${made.orderId}`)).body;
  };
  const myComplaint = (await owner.post('/api/resident/complaints', complaint({ unitId: home.unitId }))).body;
  const gmComplaint = (await gmResident.post('/api/resident/complaints', complaint({ unitId: gmHome.unitId }))).body;
  const myPaid = await paid(owner, home.unitId);
  const gmPaid = await paid(gmResident, gmHome.unitId);
  const chNotice = await noticeFixtures(t.database.db, t.storage, 'ch', home.projectId).publishedNotice();
  const chDraft = await noticeFixtures(t.database.db, t.storage, 'ch', home.projectId).notice();
  const gmNotice = await noticeFixtures(t.database.db, t.storage, 'gm', gmHome.projectId).publishedNotice();
  const itemId = items[0].id;
  // FD-01, FD-06: a tenant's request on the home (the owner may decide it), a neighbour's and another project's;
  // a room residents may book, a staff room, another project's room; a portal booking of each, a desk booking.
  const tenant = await signInResident(t, TENANT_PHONE);
  const neighbourResident = await signInResident(t, await neighbourOwnerPhone(t.database.db, home));
  const pass = (unitId: string) => ({ unitId, items: '纸箱两个', pieces: 2, validOn: '2031-01-20' });
  const myRequest = (await tenant.post('/api/resident/pass-requests', pass(home.unitId))).body;
  const neighbourHome = (await neighbourResident.get('/api/resident/me')).body.units[0].unitId;
  const neighbourRequest = (await neighbourResident.post('/api/resident/pass-requests', pass(neighbourHome))).body;
  const gmRequest = (await gmResident.post('/api/resident/pass-requests', pass(gmHome.unitId))).body;
  const myRoom = (await owner.get('/api/resident/rooms')).body[0];
  const gmRoom = (await gmResident.get('/api/resident/rooms')).body[0];
  const staffRoom = (await (await t.as('ch-super')).post('/api/rooms', { projectId: home.projectId, kind: 'meeting', name: '物业内部会议室', capacity: 6, feePerHour: 0 })).body;
  const booking = async (c: typeof owner, roomId: string, unitId: string) => (await c.post('/api/resident/room-bookings', { roomId, unitId, startsAt: '2031-01-21T06:00:00Z', endsAt: '2031-01-21T07:00:00Z', purpose: '聚会', attendees: 3 })).body;
  const myBooking = await booking(owner, myRoom.id, home.unitId);
  const gmBooking = await booking(gmResident, gmRoom.id, gmHome.unitId);
  const deskBooking = (await clerk.post('/api/room-bookings', { roomId: myRoom.id, startsAt: '2031-01-21T08:00:00Z', endsAt: '2031-01-21T09:00:00Z', bookerName: '李女士', bookerPhone: '13900002222', purpose: '培训', attendees: 5 })).body;
  const errands = (r: { id: string; version: number }, roomId: string, b: { id: string; version: number }) => ({ passRequestId: r.id, passRequestVersion: r.version, roomId, bookingId: b.id, bookingVersion: b.version });
  return {
    own: { unitId: home.unitId, caseId: mine.id, orderId: mine.orders[0].id, orderVersion: mine.orders[0].version, photoId: mine.photos[0].id, complaintCaseId: myComplaint.caseId, paidOrderId: myPaid.orderId, paidVersion: myPaid.version, noticeId: chNotice.id, itemId, ...errands(myRequest, myRoom.id, myBooking) },
    other_unit: { unitId: neighbour, caseId: desk.id, orderId: desk.orders[0].id, orderVersion: desk.orders[0].version, photoId: gm.photos[0].id, complaintCaseId: deskComplaint.caseId, paidOrderId: deskPaid.orderId, paidVersion: deskPaid.version ?? 1, noticeId: chDraft.id, itemId, ...errands(neighbourRequest, staffRoom.id, deskBooking) },
    other_project: { unitId: gmHome.unitId, caseId: gm.id, orderId: gm.orders[0].id, orderVersion: gm.orders[0].version, photoId: gm.photos[0].id, complaintCaseId: gmComplaint.caseId, paidOrderId: gmPaid.orderId, paidVersion: gmPaid.version, noticeId: gmNotice.id, itemId, ...errands(gmRequest, gmRoom.id, gmBooking) },
  };
}

const send = (c: Client, r: Req) => (r.method === 'GET' ? c.get(r.url) : r.method === 'POST' ? c.post(r.url, r.body) : c.put(r.url, r.body));

test('access matrix: every resident route has a resident row (X-03)', () => {
  const keys = t.routes.filter((r) => r.access === 'resident').map((r) => `${r.method} ${r.url}`);
  assert.deepEqual(keys.filter((k) => !RESIDENT_REQUESTS[k]), []);
  assert.deepEqual(Object.keys(RESIDENT_REQUESTS).filter((k) => !keys.includes(k)), []);
});

test('access matrix: a resident on their own unit, another unit and another project (X-03)', async () => {
  const records = await residentRecords();
  const resident = await signInResident(t, OWNER_PHONE);
  const failures: string[] = [];
  for (const r of t.routes.filter((x) => x.access === 'resident')) {
    const key = `${r.method} ${r.url}`;
    for (const scope of ['own', 'other_unit', 'other_project'] as ResidentScope[]) {
      const res = await send(resident, RESIDENT_REQUESTS[key](records, scope));
      if (res.status >= 500) failures.push(`${key} ${scope}: ${res.status}`);
      if (RESIDENT_LISTINGS.includes(key)) {
        if (res.status >= 300) failures.push(`${key}: ${res.status}`);
        const text = JSON.stringify(res.body);
        if (scope !== 'own' && [records[scope].caseId, records[scope].orderId, records[scope].complaintCaseId, records[scope].paidOrderId, records[scope].noticeId, records[scope].passRequestId, records[scope].bookingId].some((id) => text.includes(id))) failures.push(`${key}: ${scope} shown`);
        continue;
      }
      const refused = res.status === 403 || res.status === 404;
      // Their own record may still be refused by its state (an order not completed cannot be signed: 409), never by access.
      if (scope === 'own' && (refused || res.status === 401)) failures.push(`${key} own: refused (${res.status})`);
      if (scope !== 'own' && !refused) failures.push(`${key} ${scope}: ${res.status} but should be refused`);
    }
  }
  assert.deepEqual(failures, []);
});

test('access matrix: a resident session is anonymous to every staff route (X-03)', async () => {
  const resident = await signInResident(t, OWNER_PHONE);
  const failures: string[] = [];
  for (const r of t.routes.filter((x) => x.access !== 'public' && x.access !== 'resident')) {
    const res = await send(resident, await requestFor(`${r.method} ${r.url}`, 'own'));
    if (res.status !== 401) failures.push(`${r.method} ${r.url}: ${res.status}`);
  }
  assert.deepEqual(failures, []);
});
