// the portal beside repairs — complaints (CP-01), paid services at listed prices with the quote agreed
// on the phone (PS-01..PS-04), the project's notices with the read as delivery record (NT-04), and the
// surveys the resident's unit is sampled in (SV-04). Every record is the desk's own; refusals by scope.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import { testApp, type TestApp } from '../../test/harness';
import { OTHER_PROJECT_OWNER_PHONE, OWNER_PHONE, TENANT_PHONE, otherUnit, residentHome, signInResident } from '../../test/resident-fixtures';
import { noticeFixtures } from '../../test/notice-fixtures';
import { surveyFixtures } from '../../test/survey-fixtures';
import { userId } from '../../test/desk';
import { customerUnits } from '../people/tables';
import { noticeDeliveries } from '../notices/tables';
import { surveySamples } from '../surveys/tables';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** How many transactions wrote the rows the queries select (each query one row): 1 = one commit. */
async function writers(...queries: string[]) {
  const ids = await Promise.all(queries.map(async (q) => rowsOf<{ xmin: string }>(await t.database.db.execute(sql.raw(q)))));
  ids.forEach((rows, i) => assert.equal(rows.length, 1, queries[i]));
  return new Set(ids.map((rows) => String(rows[0].xmin))).size;
}

/** Runs `fn` with the demo tenant's consent withdrawn, then gives it back. */
async function withoutConsent(fn: () => Promise<void>) {
  const tenantCustomer = (await residentHome(t.database.db, TENANT_PHONE)).customerId;
  await t.database.db.update(customerUnits).set({ consentingOwnerId: null }).where(eq(customerUnits.customerId, tenantCustomer));
  try {
    await fn();
  } finally {
    const owner = await residentHome(t.database.db, OWNER_PHONE);
    await t.database.db.update(customerUnits).set({ consentingOwnerId: owner.customerId }).where(eq(customerUnits.customerId, tenantCustomer));
  }
}

test('X-03, CP-01: a complaint from the portal is the desk complaint (channel portal, clerk on duty); the resident follows it and gives the follow-up verdict', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const made = await owner.post('/api/resident/complaints', { unitId: home.unitId, type: 'environment', locationKind: 'public', publicLocation: '3栋电梯厅', content: '电梯厅垃圾两天没人清理' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const clerk = await t.as('ch-clerk');
  const list = (await clerk.get(`/api/complaints?projectId=${home.projectId}&unitId=${home.unitId}`)).body.items;
  const k = list.find((x: { caseId: string }) => x.caseId === made.body.caseId);
  assert.ok(k, 'the desk sees it in its complaint register');
  assert.equal(k.channel, 'portal');
  assert.equal(k.type, 'environment');
  assert.match(k.content, /3栋电梯厅/);
  assert.ok(k.deadlines.some((d: { kind: string }) => d.kind === 'reply'), 'CP-01: the 24 h reply runs');
  assert.ok((await clerk.get('/api/notifications')).body.items.some((n: { entityId: string }) => n.entityId === k.id), 'the clerk on duty is told');
  assert.equal(await writers(`select xmin from complaints where id = '${k.id}'`, `select xmin from audit_events where entity = 'resident' and after->>'caseId' = '${k.caseId}'`, `select xmin from notifications where entity_id = '${k.id}' and kind = 'portal_complaint'`), 1, 'the complaint, the resident audit and the notice commit together');

  // refusals: a public-area complaint needs its place, another unit is not found, another project too
  assert.equal((await owner.post('/api/resident/complaints', { unitId: home.unitId, type: 'noise', locationKind: 'public', content: 'x' })).status, 400);
  assert.equal((await owner.post('/api/resident/complaints', { unitId: await otherUnit(t.database.db, home), type: 'noise', locationKind: 'unit', content: '噪音' })).status, 404);
  const gm = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  assert.equal((await gm.get(`/api/resident/complaints/${made.body.caseId}`)).status, 404);

  let mine = (await owner.get(`/api/resident/complaints/${made.body.caseId}`)).body;
  assert.equal(mine.status, 'open');
  assert.equal(mine.canRate, false);
  assert.equal((await owner.post(`/api/resident/complaints/${made.body.caseId}/verdict`, { version: mine.version, verdict: 'satisfied' })).body.error, 'not_resolved');

  // the desk resolves and answers; the resident is told and rates: unsatisfied reopens, satisfied closes
  const sup = await t.as('ch-super');
  let desk = (await sup.post(`/api/complaints/${k.id}/actions`, { action: 'resolve', version: k.version, resolution: '已安排保洁清运并加密巡查', valid: true })).body;
  const kase = (await clerk.get(`/api/cases/${k.caseId}`)).body;
  assert.equal((await clerk.post(`/api/cases/${k.caseId}/reply`, { version: kase.version, reply: '已清理，谢谢您的反馈' })).status, 200);
  const notices = (await owner.get('/api/resident/notices')).body;
  const told = notices.items.find((n: { entity: string; action: string }) => n.entity === 'complaint' && n.action === 'resolve');
  assert.ok(told, 'the resolution is a portal notice');
  assert.equal(told.link, `/complaints/${made.body.caseId}`);
  mine = (await owner.get(`/api/resident/complaints/${made.body.caseId}`)).body;
  assert.equal(mine.canRate, true);
  assert.equal(mine.reply, '已清理，谢谢您的反馈');
  assert.deepEqual(mine.timeline.map((s: { action: string }) => s.action).slice(0, 1), ['create']);
  assert.ok(mine.timeline.some((s: { action: string }) => s.action === 'resolve'));
  const stale = await owner.post(`/api/resident/complaints/${made.body.caseId}/verdict`, { version: mine.version - 1, verdict: 'satisfied' });
  assert.equal(stale.status, 409);
  const unhappy = await owner.post(`/api/resident/complaints/${made.body.caseId}/verdict`, { version: mine.version, verdict: 'unsatisfied', note: '又堆满了' });
  assert.equal(unhappy.status, 200, JSON.stringify(unhappy.body));
  assert.equal(unhappy.body.status, 'open');
  desk = (await clerk.get(`/api/complaints/${k.id}`)).body;
  assert.equal(desk.verdict, 'unsatisfied');
  desk = (await sup.post(`/api/complaints/${k.id}/actions`, { action: 'resolve', version: desk.version, resolution: '增加清运频次', valid: true })).body;
  mine = (await owner.get(`/api/resident/complaints/${made.body.caseId}`)).body;
  const happy = await owner.post(`/api/resident/complaints/${made.body.caseId}/verdict`, { version: mine.version, verdict: 'satisfied' });
  assert.equal(happy.body.status, 'closed');
  assert.equal((await clerk.get(`/api/complaints/${k.id}`)).body.caseStatus, 'closed', 'the satisfied verdict closes the case at the desk');
  assert.equal((await owner.post(`/api/resident/complaints/${made.body.caseId}/verdict`, { version: happy.body.version, verdict: 'satisfied' })).body.error, 'complaint_closed');
});

test('X-03, CP-01: a tenant without the owner consent cannot complain about the unit', async () => {
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const tenant = await signInResident(t, TENANT_PHONE);
  await withoutConsent(async () => {
    const res = await tenant.post('/api/resident/complaints', { unitId: home.unitId, type: 'noise', locationKind: 'unit', content: '楼上噪音' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error, 'owner_consent_missing');
    assert.equal((await tenant.get(`/api/resident/units/${home.unitId}/price-list`)).status, 200, 'the public price list stays readable');
    assert.equal((await tenant.post('/api/resident/paid-orders', { unitId: home.unitId, itemId: (await tenant.get(`/api/resident/units/${home.unitId}/price-list`)).body.items[0].id, description: 'x', preferredTime: 'y' })).status, 403);
    assert.deepEqual((await tenant.get('/api/resident/bulletins')).body, []);
    assert.deepEqual((await tenant.get('/api/resident/surveys')).body, []);
  });
});

test('X-03, PS-01..PS-04: a paid service ordered at the listed price is the desk paid order; the resident agrees to the quote once, at its version', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const list = (await owner.get(`/api/resident/units/${home.unitId}/price-list`)).body;
  assert.equal(list.projectId, home.projectId);
  const item = list.items[0];
  const gmHome = await residentHome(t.database.db, OTHER_PROJECT_OWNER_PHONE);
  assert.equal((await owner.get(`/api/resident/units/${gmHome.unitId}/price-list`)).status, 404, "another project's price list is not the resident's");
  const gmItem = (await t.anonymous.get(`/api/projects/${gmHome.projectId}/price-list`)).body.items[0];
  const foreign = await owner.post('/api/resident/paid-orders', { unitId: home.unitId, itemId: gmItem.id, description: '疏通', preferredTime: '周六' });
  assert.equal(foreign.status, 400);
  assert.equal(foreign.body.fields[0].path, 'itemId');

  const made = await owner.post('/api/resident/paid-orders', { unitId: home.unitId, itemId: item.id, quantity: 2, description: '厨房和卫生间水龙头都滴水', preferredTime: '周六上午' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const clerk = await t.as('ch-clerk');
  let desk = (await clerk.get(`/api/paid-orders/${made.body.orderId}`)).body;
  assert.equal(await writers(`select xmin from paid_orders where order_id = '${made.body.orderId}'`, `select xmin from audit_events where entity = 'resident' and after->>'orderId' = '${made.body.orderId}'`, `select xmin from notifications where entity_id = '${made.body.orderId}' and kind = 'portal_paid'`), 1, 'the order, the resident audit and the notice commit together');
  assert.equal(desk.channel, 'portal');
  assert.equal(desk.fee, item.price * 2, 'registered at the listed price');
  assert.equal(desk.agreedAt, null);
  assert.equal(desk.ownerId ?? (await clerk.get(`/api/cases/${desk.caseId}`)).body.ownerId, await userId(t.database.db, 'ch-clerk'));

  let mine = (await owner.get(`/api/resident/paid-orders/${made.body.orderId}`)).body;
  assert.equal(mine.quoted, false);
  assert.equal(mine.canAgree, false);
  assert.equal((await owner.post(`/api/resident/paid-orders/${made.body.orderId}/agree`, { version: mine.version })).body.error, 'not_quoted');

  // the desk quotes; the resident is told, with the quote to agree
  await owner.post('/api/resident/notices/read');
  desk = (await clerk.post(`/api/paid-orders/${made.body.orderId}/actions`, { action: 'quote', version: desk.version, fee: 70, expectedResult: '两个水龙头不再滴水' })).body;
  const notices = (await owner.get('/api/resident/notices')).body;
  const quote = notices.items.find((n: { entity: string; action: string }) => n.entity === 'paid_order' && n.action === 'quote');
  assert.ok(quote && !quote.read, 'the quote is an unread notice');
  assert.equal(quote.link, `/paid/${made.body.orderId}`);
  assert.ok(notices.unread >= 1);
  mine = (await owner.get(`/api/resident/paid-orders/${made.body.orderId}`)).body;
  assert.equal(mine.fee, 70);
  assert.equal(mine.canAgree, true);

  // the desk quotes again before the resident answers: the old version is refused
  const seen = mine.version;
  desk = (await clerk.post(`/api/paid-orders/${made.body.orderId}/actions`, { action: 'quote', version: desk.version, fee: 80, expectedResult: '两个水龙头不再滴水（含阀芯）' })).body;
  const stale = await owner.post(`/api/resident/paid-orders/${made.body.orderId}/agree`, { version: seen });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error, 'stale_version');
  mine = (await owner.get(`/api/resident/paid-orders/${made.body.orderId}`)).body;
  const agreed = await owner.post(`/api/resident/paid-orders/${made.body.orderId}/agree`, { version: mine.version });
  assert.equal(agreed.status, 200, JSON.stringify(agreed.body));
  assert.equal(agreed.body.agreedHow, 'portal');
  assert.equal(agreed.body.canAgree, false);
  desk = (await clerk.get(`/api/paid-orders/${made.body.orderId}`)).body;
  assert.equal(desk.agreedHow, 'portal', 'recorded as the desk records an agreement');
  assert.equal(desk.fee, 80);
  const twice = await owner.post(`/api/resident/paid-orders/${made.body.orderId}/agree`, { version: agreed.body.version });
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error, 'already_agreed');

  // another unit's and another project's orders are not found
  const gm = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  assert.equal((await gm.get(`/api/resident/paid-orders/${made.body.orderId}`)).status, 404);
  assert.equal((await gm.post(`/api/resident/paid-orders/${made.body.orderId}/agree`, { version: agreed.body.version })).status, 404);
  const neighbour = await otherUnit(t.database.db, home);
  const theirs = (
    await clerk.post('/api/paid-orders', { projectId: home.projectId, channel: 'phone', unitId: neighbour, callerName: '王先生', callerPhone: '13800138009', confirmedWithCaller: true, itemId: item.id, quantity: 1, description: '邻居家', preferredTime: '今天', fee: 30, expectedResult: '修好', agreed: false })
  ).body;
  assert.equal((await owner.get(`/api/resident/paid-orders/${theirs.orderId}`)).status, 404);
  assert.equal((await owner.post(`/api/resident/paid-orders/${theirs.orderId}/agree`, { version: theirs.version })).status, 404);
  assert.ok(!JSON.stringify((await owner.get('/api/resident/paid-orders')).body).includes(theirs.orderId));
  assert.equal((await owner.post('/api/resident/paid-orders', { unitId: neighbour, itemId: item.id, description: 'x', preferredTime: 'y' })).status, 404);
});

test('X-03, PS-03: the resident declines a quote; the desk is told and quotes again', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const item = (await owner.get(`/api/resident/units/${home.unitId}/price-list`)).body.items[1];
  const made = (await owner.post('/api/resident/paid-orders', { unitId: home.unitId, itemId: item.id, description: '地漏堵了', preferredTime: '工作日晚上' })).body;
  const clerk = await t.as('ch-clerk');
  let desk = (await clerk.get(`/api/paid-orders/${made.orderId}`)).body;
  desk = (await clerk.post(`/api/paid-orders/${made.orderId}/actions`, { action: 'quote', version: desk.version, fee: 150, expectedResult: '排水通畅' })).body;
  let mine = (await owner.get(`/api/resident/paid-orders/${made.orderId}`)).body;
  const no = await owner.post(`/api/resident/paid-orders/${made.orderId}/decline`, { version: mine.version, note: '太贵了' });
  assert.equal(no.status, 200);
  assert.ok(no.body.declinedAt);
  assert.equal(no.body.canAgree, false);
  assert.equal((await owner.post(`/api/resident/paid-orders/${made.orderId}/agree`, { version: mine.version })).body.error, 'quote_declined');
  assert.ok((await clerk.get('/api/notifications')).body.items.some((n: { kind: string; entityId: string }) => n.kind === 'portal_quote_declined' && n.entityId === made.orderId));
  desk = (await clerk.post(`/api/paid-orders/${made.orderId}/actions`, { action: 'quote', version: desk.version, fee: 100, expectedResult: '排水通畅' })).body;
  mine = (await owner.get(`/api/resident/paid-orders/${made.orderId}`)).body;
  assert.equal(mine.declinedAt, null);
  assert.equal(mine.canAgree, true);
  assert.equal((await owner.post(`/api/resident/paid-orders/${made.orderId}/agree`, { version: mine.version })).status, 200);
});

test('X-03, NT-04: the project notices in the portal; opening one records exactly one portal delivery per unit, counted in the staff coverage', async () => {
  const owner = await signInResident(t, OWNER_PHONE);
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const n = await noticeFixtures(t.database.db, t.storage, 'ch', home.projectId).publishedNotice();
  const draft = await noticeFixtures(t.database.db, t.storage, 'ch', home.projectId).notice();
  const gmHome = await residentHome(t.database.db, OTHER_PROJECT_OWNER_PHONE);
  const gmNotice = await noticeFixtures(t.database.db, t.storage, 'gm', gmHome.projectId).publishedNotice();

  const list = (await owner.get('/api/resident/bulletins')).body;
  const row = list.find((x: { id: string }) => x.id === n.id);
  assert.ok(row);
  assert.equal(row.read, false);
  assert.ok(!list.some((x: { id: string }) => x.id === draft.id || x.id === gmNotice.id), 'drafts and other projects are not shown');
  assert.equal((await owner.get(`/api/resident/bulletins/${gmNotice.id}`)).status, 404, "another project's notice is not found");
  assert.equal((await owner.get(`/api/resident/bulletins/${draft.id}`)).status, 404);

  const clerk = await t.as('ch-clerk');
  const before = (await clerk.get(`/api/notices/${n.id}/deliveries`)).body.coverage.delivered;
  const opened = await owner.get(`/api/resident/bulletins/${n.id}`);
  assert.equal(opened.status, 200);
  assert.equal(opened.body.body, n.body);
  assert.equal(opened.body.recorded, 1);
  // read again, by the owner and by the consenting tenant of the same unit: still one record for the unit
  assert.equal((await owner.get(`/api/resident/bulletins/${n.id}`)).body.recorded, 0);
  const tenant = await signInResident(t, TENANT_PHONE);
  assert.equal((await tenant.get(`/api/resident/bulletins/${n.id}`)).body.recorded, 0);
  const rows = await t.database.db.select().from(noticeDeliveries).where(and(eq(noticeDeliveries.noticeId, n.id), eq(noticeDeliveries.unitId, home.unitId)));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].method, 'portal');
  assert.equal(rows[0].recordedBy, null);
  const after = (await clerk.get(`/api/notices/${n.id}/deliveries`)).body;
  assert.equal(after.coverage.delivered, before + 1, 'the staff coverage counts the read');
  assert.equal(after.units.find((u: { unitId: string }) => u.unitId === home.unitId).method, 'portal');
  assert.equal((await owner.get('/api/resident/bulletins')).body.find((x: { id: string }) => x.id === n.id).read, true);
});

test('X-03, SV-04: a sampled unit sees its open survey with the one-time link; no other resident ever gets that token', async () => {
  const home = await residentHome(t.database.db, OWNER_PHONE);
  const s = await surveyFixtures(t.database.db, t.storage, 'ch', home.projectId).openSurvey();
  // the demo home joins the sample when the draw left it out (the draw itself is the surveys domain's)
  let [sample] = await t.database.db.select().from(surveySamples).where(and(eq(surveySamples.surveyId, s.id), eq(surveySamples.unitId, home.unitId)));
  if (!sample) [sample] = await t.database.db.insert(surveySamples).values({ companyId: (await t.database.db.select().from(surveySamples).where(eq(surveySamples.surveyId, s.id)))[0].companyId, projectId: home.projectId, surveyId: s.id, unitId: home.unitId, position: 999, token: `portal-test-${s.id}` }).returning();
  const owner = await signInResident(t, OWNER_PHONE);
  const mine = (await owner.get('/api/resident/surveys')).body;
  const card = mine.find((x: { surveyId: string }) => x.surveyId === s.id);
  assert.ok(card);
  assert.equal(card.link, `/s/${sample.token}`);
  assert.equal(card.path, (await owner.get('/api/resident/me')).body.units.find((u: { unitId: string }) => u.unitId === home.unitId).path);
  const notices = (await owner.get('/api/resident/notices')).body;
  assert.ok(notices.items.some((n: { entity: string; link: string }) => n.entity === 'survey' && n.link === card.link), 'the survey to answer is a portal notice');

  // another project's resident never sees it; nor does the tenant without consent
  const gm = await signInResident(t, OTHER_PROJECT_OWNER_PHONE);
  for (const url of ['/api/resident/surveys', '/api/resident/notices', '/api/resident/me']) assert.ok(!JSON.stringify((await gm.get(url)).body).includes(sample.token), url);
  const tenant = await signInResident(t, TENANT_PHONE);
  await withoutConsent(async () => {
    for (const url of ['/api/resident/surveys', '/api/resident/notices']) assert.ok(!JSON.stringify((await tenant.get(url)).body).includes(sample.token), url);
  });

  // answered through the link: the card goes
  const view = (await t.anonymous.get(`/api/survey-links/${sample.token}`)).body;
  const answered = await t.anonymous.post(`/api/survey-links/${sample.token}`, { ratings: view.items.map((i: { code: string }) => ({ code: i.code, rating: 'satisfied' })) });
  assert.equal(answered.status, 201, JSON.stringify(answered.body));
  assert.ok(!(await owner.get('/api/resident/surveys')).body.some((x: { surveyId: string }) => x.surveyId === s.id));
});
