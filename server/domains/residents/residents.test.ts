// the resident portal — sign-in by phone and one-time code, sessions apart from staff, every route
// scoped to the resident's own units, repairs reported from the phone reaching the desk, acceptance and rating.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { OTHER_PROJECT_OWNER_PHONE, OWNER_PHONE, TENANT_PHONE, otherUnit, repairBody, residentHome, signInResident } from '../../test/resident-fixtures';
import { SIGNATURE, userId } from '../../test/desk';
import { customerUnits } from '../people/tables';
import { followups } from '../followups/tables';
import { workOrders } from '../workorders/tables';
import { residentCodes } from './tables';
import { CODE_LIMITS, CODE_TRIES } from './commands/sign-in';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const ask = (phone: string, ip = '10.1.1.1') => t.app.inject({ method: 'POST', url: '/api/resident/code', payload: { phone }, remoteAddress: ip });
const signIn = (phone: string, code: string) => t.app.inject({ method: 'POST', url: '/api/resident/sign-in', payload: { phone, code } });
const lastCode = (phone: string) => [...t.messages].reverse().find((m) => m.phone === phone)!.code;
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('X-03: a demo owner signs in with the code sent by text message; codes are stored only as a hash', async () => {
  const res = await ask(OWNER_PHONE, '10.1.0.1');
  assert.equal(res.statusCode, 200);
  assert.equal(JSON.parse(res.body).demoCode, null, 'the code is shown on the page in demo mode only');
  const code = lastCode(OWNER_PHONE);
  assert.match(code, /^\d{6}$/);
  const [row] = await t.database.db.select().from(residentCodes).where(eq(residentCodes.phone, OWNER_PHONE)).orderBy(sql`created_at desc`).limit(1);
  assert.notEqual(row.codeHash, code);
  assert.ok(!row.codeHash.includes(code));
  const ok = await signIn(OWNER_PHONE, code);
  assert.equal(ok.statusCode, 200);
  assert.match(String(ok.headers['set-cookie']), /ed_resident=/);
  const me = await t.withCookie(String(ok.headers['set-cookie']).split(';')[0]).get('/api/resident/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.phone, '166****0001');
  assert.ok(me.body.units.length >= 1 && me.body.units.every((u: { relation: string; allowed: boolean }) => u.relation === 'owner' && u.allowed));
});

test('X-03: an unknown number gets the same answer, and no message', async () => {
  const before = t.messages.length;
  const res = await ask('13912340000', '10.1.0.2');
  assert.equal(res.statusCode, 200);
  assert.equal(t.messages.length, before);
});

test('X-03: a resident session never passes a staff check, and a staff session never a resident one', async () => {
  const resident = await signInResident(t, OWNER_PHONE);
  for (const url of ['/api/me', '/api/projects', '/api/notifications'])
    assert.equal((await resident.get(url)).status, 401, url);
  const clerk = await t.as('ch-clerk');
  for (const url of ['/api/resident/me', '/api/resident/cases', '/api/resident/notices']) assert.equal((await clerk.get(url)).status, 403, url);
  assert.equal((await t.anonymous.get('/api/resident/me')).status, 401);
});

test('X-03: an expired code is refused', async () => {
  await ask(TENANT_PHONE, '10.1.0.3');
  const code = lastCode(TENANT_PHONE);
  await t.database.db.execute(sql`update resident_codes set expires_at = now() - interval '1 second' where phone = ${TENANT_PHONE}`);
  const res = await signIn(TENANT_PHONE, code);
  assert.equal(res.statusCode, 400);
  assert.equal(JSON.parse(res.body).error, 'code_expired');
  await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '2 hours' where phone = ${TENANT_PHONE}`);
});

test('X-03: a code signs in once; the same code again is refused', async () => {
  await ask(TENANT_PHONE, '10.1.0.4');
  const code = lastCode(TENANT_PHONE);
  assert.equal((await signIn(TENANT_PHONE, code)).statusCode, 200);
  const again = await signIn(TENANT_PHONE, code);
  assert.equal(again.statusCode, 400);
  assert.equal(JSON.parse(again.body).error, 'code_used');
  await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '2 hours' where phone = ${TENANT_PHONE}`);
});

test('X-03: after 5 wrong codes even the right code is refused (guessing past the limit)', async () => {
  await ask(TENANT_PHONE, '10.1.0.5');
  const code = lastCode(TENANT_PHONE);
  const answers: string[] = [];
  for (let i = 0; i < CODE_TRIES; i++) answers.push(JSON.parse((await signIn(TENANT_PHONE, wrong(code))).body).error);
  assert.deepEqual(answers, ['code_wrong', 'code_wrong', 'code_wrong', 'code_wrong', 'code_attempts']);
  const right = await signIn(TENANT_PHONE, code);
  assert.equal(right.statusCode, 400);
  assert.equal(JSON.parse(right.body).error, 'code_attempts');
  // parallel guesses cannot get more tries than 5 either
  await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '2 hours' where phone = ${TENANT_PHONE}`);
  await ask(TENANT_PHONE, '10.1.0.6');
  const fresh = lastCode(TENANT_PHONE);
  await Promise.all(Array.from({ length: 12 }, () => signIn(TENANT_PHONE, wrong(fresh))));
  const [row] = await t.database.db.select().from(residentCodes).where(eq(residentCodes.phone, TENANT_PHONE)).orderBy(sql`created_at desc`).limit(1);
  assert.equal(row.attempts, CODE_TRIES);
  await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '2 hours' where phone = ${TENANT_PHONE}`);
});

test('X-03: rate limits — one code a minute and 5 an hour per number, 20 an hour per address', async () => {
  const phone = OTHER_PROJECT_OWNER_PHONE;
  assert.equal((await ask(phone, '10.2.0.1')).statusCode, 200);
  const soon = await ask(phone, '10.2.0.2');
  assert.equal(soon.statusCode, 429);
  assert.ok(Number(soon.headers['retry-after']) > 0 && Number(soon.headers['retry-after']) <= CODE_LIMITS.phoneGapSeconds);
  for (let i = 1; i < CODE_LIMITS.phonePerHour; i++) {
    await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '61 seconds' where phone = ${phone}`);
    assert.equal((await ask(phone, `10.2.1.${i}`)).statusCode, 200, `code ${i + 1}`);
  }
  await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '61 seconds' where phone = ${phone}`);
  assert.equal((await ask(phone, '10.2.2.1')).statusCode, 429, 'the sixth code within the hour');
  await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '2 hours' where phone = ${phone}`);

  const ip = '10.3.0.1';
  for (let i = 0; i < CODE_LIMITS.ipPerHour; i++) assert.equal((await ask(`1350000${String(i).padStart(4, '0')}`, ip)).statusCode, 200);
  assert.equal((await ask('13500009999', ip)).statusCode, 429, 'the 21st code from one address within the hour');
});

test('X-03: another unit and another project are not found; a tenant without the owner consent is refused', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  // another unit of the same project
  const other = await otherUnit(t.database.db, home);
  assert.equal((await owner.post('/api/resident/repairs', repairBody(other))).status, 404);
  // another project's unit and case
  const gm = await residentHome(t.database.db, OTHER_PROJECT_OWNER_PHONE);
  assert.equal((await owner.post('/api/resident/repairs', repairBody(gm.unitId))).status, 404);
  const gmOwner = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  const gmCase = await gmOwner.post('/api/resident/repairs', repairBody(gm.unitId, []));
  assert.equal(gmCase.status, 201);
  assert.equal((await owner.get(`/api/resident/cases/${gmCase.body.caseId}`)).status, 404);
  const clerk = await t.as('ch-clerk');
  const deskCase = await clerk.post('/api/cases', {
    projectId: home.projectId, channel: 'phone', category: 'repair', unitId: other, callerName: '李女士', callerPhone: '13800138001',
    content: '邻居家的报修', confirmedWithCaller: true, order: { trade: 'water', locationKind: 'unit', description: '水管漏水' },
  });
  assert.equal(deskCase.status, 201, JSON.stringify(deskCase.body));
  const otherCase = { id: deskCase.body.id as string };
  assert.equal((await owner.get(`/api/resident/cases/${otherCase.id}`)).status, 404);
  assert.equal((await owner.post(`/api/resident/orders/${deskCase.body.orders[0].id}/rating`, { verdict: 'satisfied', solved: true })).status, 404);
  const list = await owner.get('/api/resident/cases');
  assert.ok(!JSON.stringify(list.body).includes(otherCase.id));

  // the tenant: with the owner's consent, may report; the owner's own reports stay the owner's
  const byOwner = await owner.post('/api/resident/repairs', repairBody(home.unitId));
  assert.equal(byOwner.status, 201);
  const tenant = await signInResident(t, TENANT_PHONE);
  assert.equal((await tenant.get(`/api/resident/cases/${byOwner.body.caseId}`)).status, 404, 'a tenant sees only what they reported');
  const byTenant = await tenant.post('/api/resident/repairs', repairBody(home.unitId, []));
  assert.equal(byTenant.status, 201);
  assert.equal((await owner.get(`/api/resident/cases/${byTenant.body.caseId}`)).status, 200, 'the owner sees every matter of the unit');

  // without consent: the unit is shown as not allowed, nothing can be done or seen there
  const tenantCustomer = (await residentHome(t.database.db, TENANT_PHONE)).customerId;
  await t.database.db.update(customerUnits).set({ consentingOwnerId: null }).where(eq(customerUnits.customerId, tenantCustomer));
  try {
    const me = await tenant.get('/api/resident/me');
    assert.deepEqual(me.body.units.map((u: { allowed: boolean }) => u.allowed), [false]);
    const refused = await tenant.post('/api/resident/repairs', repairBody(home.unitId, []));
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error, 'owner_consent_missing');
    assert.equal((await tenant.get(`/api/resident/cases/${byTenant.body.caseId}`)).status, 404);
    assert.deepEqual((await tenant.get('/api/resident/cases')).body, []);
  } finally {
    const owners = await residentHome(t.database.db, OWNER_PHONE);
    await t.database.db.update(customerUnits).set({ consentingOwnerId: owners.customerId }).where(eq(customerUnits.customerId, tenantCustomer));
  }
});

test('X-03: a repair from the portal is a desk case (channel portal, the clerk on duty owns it); the resident follows, signs and rates it', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const made = await owner.post('/api/resident/repairs', repairBody(home.unitId));
  assert.equal(made.status, 201);

  // the desk sees the same case, owned by the clerk on duty, with the photo
  const clerk = await t.as('ch-clerk');
  const desk = await clerk.get(`/api/cases/${made.body.caseId}`);
  assert.equal(desk.status, 200);
  assert.equal(desk.body.channel, 'portal');
  assert.equal(desk.body.category, 'repair');
  assert.equal(desk.body.ownerId, await userId(t.database.db, 'ch-clerk'));
  assert.equal(desk.body.attachments.filter((a: { kind: string }) => a.kind === 'photo').length, 1);
  const orderId = desk.body.orders[0].id;
  const notes = await clerk.get('/api/notifications');
  assert.ok(notes.body.items.some((n: { entityId: string }) => n.entityId === made.body.caseId), 'the clerk is told');

  // the resident sees it with its deadline and photo
  const mine = await owner.get(`/api/resident/cases/${made.body.caseId}`);
  assert.equal(mine.status, 200);
  assert.equal(mine.body.orders[0].status, 'reported');
  assert.ok(mine.body.orders[0].deadlines.length > 0);
  assert.equal((await owner.get(mine.body.photos[0].url)).status, 200);
  const unreadBefore = (await owner.get('/api/resident/notices')).body.unread;

  // the desk dispatches, the technician starts and completes (no signature on site)
  const sup = await t.as('ch-super');
  const tech = await t.as('ch-tech');
  let o = (await sup.get(`/api/work-orders/${orderId}`)).body;
  o = (await sup.post(`/api/work-orders/${orderId}/transitions`, { action: 'dispatch', version: o.version, assigneeId: await userId(t.database.db, 'ch-tech') })).body;
  o = (await tech.post(`/api/work-orders/${orderId}/transitions`, { action: 'start', version: o.version })).body;
  o = (await tech.post(`/api/work-orders/${orderId}/transitions`, { action: 'complete', version: o.version, result: '更换地漏芯' })).body;
  assert.equal(o.status, 'completed');

  const notices = await owner.get('/api/resident/notices');
  assert.ok(notices.body.unread >= unreadBefore + 3, 'dispatch, start and completion are told to the resident');
  assert.deepEqual(notices.body.items.slice(0, 3).map((n: { action: string }) => n.action), ['complete', 'start', 'dispatch']);
  assert.equal((await owner.post('/api/resident/notices/read')).status, 200);
  assert.equal((await owner.get('/api/resident/notices')).body.unread, 0);

  // another resident may not sign it; the owner signs on the phone
  const gmOwner = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  assert.equal((await gmOwner.post(`/api/resident/orders/${orderId}/acceptance`, { version: o.version, signature: SIGNATURE })).status, 404);
  const detail = (await owner.get(`/api/resident/cases/${made.body.caseId}`)).body;
  assert.equal(detail.orders[0].canSign, true);
  const signed = await owner.post(`/api/resident/orders/${orderId}/acceptance`, { version: detail.orders[0].version, signature: SIGNATURE, opinion: '修好了' });
  assert.equal(signed.status, 200);
  assert.equal((await owner.post(`/api/resident/orders/${orderId}/acceptance`, { version: signed.body.version, signature: SIGNATURE })).body.error, 'already_accepted');
  assert.equal((await owner.get('/api/resident/notices')).body.unread, 0, 'their own signature is no news to them');
  const deskOrder = (await clerk.get(`/api/work-orders/${orderId}`)).body;
  assert.equal(deskOrder.acceptance.kind, 'signature');
  assert.ok(deskOrder.signatureUrl);

  // the desk closes it; the resident rates: the rating is the return visit when one was drawn
  const closed = await clerk.post(`/api/work-orders/${orderId}/transitions`, { action: 'close', version: deskOrder.version });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  const rated = await owner.post(`/api/resident/orders/${orderId}/rating`, { verdict: 'satisfied', solved: true, note: '师傅很专业' });
  assert.equal(rated.status, 200);
  const [f] = await t.database.db.select().from(followups).where(eq(followups.orderId, orderId));
  assert.equal(rated.body.followupRecorded, !!f);
  if (f) {
    assert.equal(f.status, 'done');
    assert.equal(f.channel, 'portal');
    assert.equal(f.verdict, 'satisfied');
    const [wo] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, orderId));
    assert.equal(wo.status, 'followed_up');
  }
  assert.equal((await owner.post(`/api/resident/orders/${orderId}/rating`, { verdict: 'satisfied', solved: true })).body.error, 'already_rated');
});

test('X-03: a resident cannot rate an order not yet finished', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const made = await owner.post('/api/resident/repairs', { ...repairBody(home.unitId, []), locationKind: 'public', publicLocation: '3栋电梯厅' });
  assert.equal(made.status, 201);
  const c = (await owner.get(`/api/resident/cases/${made.body.caseId}`)).body;
  assert.equal(c.orders[0].location, '3栋电梯厅');
  const res = await owner.post(`/api/resident/orders/${c.orders[0].id}/rating`, { verdict: 'unsatisfied', solved: false });
  assert.equal(res.status, 409);
  assert.equal(res.body.error, 'not_completed');
});

test('X-03: hostile but well-formed text from the phone is stored as given; a bad photo is a field error', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  for (const text of ["'; drop table cases; --", '<img src=x onerror=alert(1)>', '\u202Egnp.exe', '😀'.repeat(50), '{{constructor}}']) {
    const res = await owner.post('/api/resident/repairs', { ...repairBody(home.unitId, []), description: text });
    assert.equal(res.status, 201, text);
    assert.equal((await owner.get(`/api/resident/cases/${res.body.caseId}`)).body.content, text.trim());
  }
  const bad = await owner.post('/api/resident/repairs', repairBody(home.unitId, [{ name: 'x.png', data: Buffer.from('<html>not an image</html>').toString('base64') }]));
  assert.equal(bad.status, 400);
  assert.equal(bad.body.fields[0].path, 'photos.0');
  const nul = await owner.post('/api/resident/repairs', { ...repairBody(home.unitId, []), description: 'a\u0000b' });
  assert.equal(nul.status, 400);
  // a lone surrogate has no UTF-8 form: a field error, not the database's 500 (found by the fuzz test)
  for (const text of ['a\uD800b', '\uDC00', 'x\uDBFF']) {
    const lone = await owner.post('/api/resident/repairs', { ...repairBody(home.unitId, []), description: text });
    assert.equal(lone.status, 400, JSON.stringify(text));
    assert.equal(lone.body.fields[0].path, 'description');
  }
});
