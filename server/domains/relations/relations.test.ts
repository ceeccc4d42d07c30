// CR-01..CR-05: the key customer list with the 1% area rule and its quarterly review, visits (a raised matter
// opens a case owned by the visitor), the floor-climb map, plans, coverage by role and service level,
// activities and articles against their minimums, lobby cards — and the refusals around them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq, sql } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { userId } from '../../test/desk';
import { SIGNATURE } from '../../seed/signature';
import { toLocal } from '../../platform/clock';
import { buildings, units } from '../org/tables';
import { customers, customerUnits } from '../people/tables';
import { cases } from '../cases/tables';
import { visits } from './tables';

let t: TestApp;
let chy: string;
let gmzx: string;
let keeper: Client;
let superv: Client;
let manager: Client;
let clerk: Client;
const month = toLocal(new Date(), 'Asia/Shanghai').date.slice(0, 7);

before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gmzx = await t.projectId('GMZX');
  [keeper, superv, manager, clerk] = await Promise.all(['ch-keeper', 'ch-super', 'ch-manager', 'ch-clerk'].map((u) => t.as(u)));
});
after(() => t.close());

/** Units of a project nobody visited this month, with an owner where there is one. */
async function unvisitedUnits(projectId: string, n: number) {
  const rows = await t.database.db
    .select({ id: units.id, buildingId: units.buildingId, customerId: sql<string | null>`(select cu.customer_id from customer_units cu where cu.unit_id = ${units.id} and cu.ended_at is null limit 1)` })
    .from(units)
    .where(and(eq(units.projectId, projectId), sql`not exists (select 1 from visits v where v.unit_id = ${units.id} and v.visited_on >= ${`${month}-01`}::date)`))
    .orderBy(units.sortKey)
    .limit(n);
  assert.equal(rows.length, n, 'enough units without a visit this month');
  return rows;
}
const figures = async (c: Client, projectId = chy) => {
  const r = await c.get(`/api/projects/${projectId}/relations-figures?month=${month}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};

test('CR-01 the 1% area rule: the system suggests owners above 1% of the total area and refuses the reason for others', async () => {
  const db = t.database.db;
  // A clubhouse of 30,000 m² owned by one customer makes every flat owner fall below 1%.
  const [club] = await db.select().from(units).where(eq(units.projectId, chy)).orderBy(desc(units.sortKey)).limit(1);
  await db.update(units).set({ areaM2: 30000 }).where(eq(units.id, club.id));
  const [big] = await db.select({ customerId: customerUnits.customerId }).from(customerUnits).where(and(eq(customerUnits.unitId, club.id), eq(customerUnits.relation, 'owner')));
  assert.ok(big, 'the clubhouse has an owner');
  const [{ total }] = await db.select({ total: sql<number>`sum(${units.areaM2})::float8` }).from(units).where(eq(units.projectId, chy));

  const s = await superv.get(`/api/projects/${chy}/key-customers/suggestions`);
  assert.equal(s.status, 200);
  assert.equal(s.body.threshold, 0.01);
  assert.ok(Math.abs(s.body.totalAreaM2 - total) < 0.01);
  assert.ok(s.body.items.length >= 1);
  for (const i of s.body.items) assert.ok(i.areaShare > 0.01, `${i.name} ${i.areaShare}`);
  const suggested = s.body.items.find((i: { customerId: string }) => i.customerId === big.customerId);
  assert.ok(suggested, 'the clubhouse owner is suggested');

  // A flat owner: share well under 1%, so "owns over 1%" is refused with a field error; another reason is fine.
  const [small] = await db
    .select({ customerId: customerUnits.customerId, name: customers.name })
    .from(customerUnits)
    .innerJoin(customers, eq(customers.id, customerUnits.customerId))
    .where(and(eq(customerUnits.projectId, chy), eq(customerUnits.relation, 'owner'), sql`${customerUnits.unitId} <> ${club.id}`, sql`${customerUnits.customerId} <> ${big.customerId}`))
    .limit(1);
  assert.ok(!s.body.items.some((i: { customerId: string }) => i.customerId === small.customerId));
  const refused = await superv.post(`/api/projects/${chy}/key-customers`, { customerId: small.customerId, name: small.name, reasons: ['large_area'] });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.fields[0].path, 'reasons');
  assert.match(refused.body.fields[0].message, /1%/);

  const listed = await superv.post(`/api/projects/${chy}/key-customers`, { customerId: big.customerId, name: suggested.name, reasons: ['large_area', 'company_owner'] });
  assert.equal(listed.status, 201, JSON.stringify(listed.body));
  assert.ok(listed.body.areaShare > 0.01);
  assert.ok(Math.abs(listed.body.areaShare - suggested.areaShare) < 1e-5);
  assert.ok(listed.body.unitId, 'the unit is found from the customer');
  const again = await superv.post(`/api/projects/${chy}/key-customers`, { customerId: big.customerId, name: suggested.name, reasons: ['active'] });
  assert.equal(again.status, 409, 'CR-01 one listing per customer');
  const after = await superv.get(`/api/projects/${chy}/key-customers/suggestions`);
  assert.equal(after.body.items.find((i: { customerId: string }) => i.customerId === big.customerId).listed, true);
  // The reason without a registered customer cannot be checked, so it is refused.
  const body = await superv.post(`/api/projects/${chy}/key-customers`, { name: '某公司', reasons: ['large_area'] });
  assert.equal(body.status, 400);
});

test('CR-01 refusals: another project 404, a clerk 403, a stale version 409, bad input 400 in both languages', async () => {
  const gmSuper = await t.as('gm-super');
  const k = (await gmSuper.post(`/api/projects/${gmzx}/key-customers`, { name: '业委会筹备组 李主任', phone: '13911112222', reasons: ['committee'] })).body;
  assert.ok(k.id);
  assert.equal((await superv.put(`/api/key-customers/${k.id}`, { version: k.version, note: 'x' })).status, 404);
  assert.equal((await superv.get(`/api/projects/${gmzx}/key-customers`)).status, 404);
  assert.equal((await clerk.post(`/api/projects/${chy}/key-customers`, { name: '张伯', reasons: ['special_needs'] })).status, 403);
  assert.equal((await clerk.get(`/api/projects/${chy}/key-customers`)).status, 200, 'the desk reads the list');
  assert.ok([403, 404].includes((await (await t.as('ch-tech')).get(`/api/projects/${chy}/key-customers`)).status), 'technicians do not see it');
  const own = (await superv.post(`/api/projects/${chy}/key-customers`, { name: '张伯（独居，使用制氧机）', phone: '13700001111', reasons: ['special_needs'] })).body;
  const ok = await superv.put(`/api/key-customers/${own.id}`, { version: own.version, reasons: ['special_needs', 'active'] });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body.reasons, ['special_needs', 'active']);
  assert.equal(ok.body.phone, '137****1111', 'lists mask the phone');
  assert.equal((await superv.put(`/api/key-customers/${own.id}`, { version: own.version, note: '旧版本' })).status, 409);
  const bad = await superv.post(`/api/projects/${chy}/key-customers`, { name: '', reasons: ['active', 'active'] });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.fields.map((f: { path: string }) => f.path).sort(), ['name', 'reasons']);
  assert.ok(bad.body.fields.some((f: { message: string }) => f.message === '列入原因不能重复'));
  const en = await t.as('ch-manager');
  await en.put('/api/me/locale', { locale: 'en' });
  const badEn = await en.post(`/api/projects/${chy}/key-customers`, { name: '张', reasons: ['active', 'active'] });
  await en.put('/api/me/locale', { locale: 'zh-CN' });
  assert.equal(badEn.body.fields[0].message, 'Each reason only once');
  const retired = await superv.post(`/api/key-customers/${own.id}/retire`, { version: ok.body.version, reason: '已搬离本小区' });
  assert.equal(retired.status, 200);
  assert.equal((await superv.put(`/api/key-customers/${own.id}`, { version: ok.body.version + 1, note: 'x' })).status, 409);
  const list = (await superv.get(`/api/projects/${chy}/key-customers`)).body;
  assert.ok(!list.items.some((i: { id: string }) => i.id === own.id), 'taken off the list, kept on record');
});

test('CR-01 every key customer visited every quarter: coverage shown, the review recorded once, a future quarter refused', async () => {
  const k = (await superv.post(`/api/projects/${chy}/key-customers`, { name: '居委会 陈主任', phone: '0755-2666 8888', reasons: ['neighbourhood_committee'] })).body;
  const before = (await superv.get(`/api/projects/${chy}/key-customers`)).body;
  const mine = before.items.find((i: { id: string }) => i.id === k.id);
  assert.equal(mine.visitedThisQuarter, false);
  assert.equal(mine.overdue, false, 'the quarter is still running');
  const [u] = await unvisitedUnits(chy, 1);
  const v = await keeper.post('/api/visits', { projectId: chy, unitId: u.id, keyCustomerId: k.id, mode: 'face', personMet: '陈主任', content: '沟通社区活动安排' });
  assert.equal(v.status, 201, JSON.stringify(v.body));
  const list = (await superv.get(`/api/projects/${chy}/key-customers`)).body;
  assert.equal(list.items.find((i: { id: string }) => i.id === k.id).visitedThisQuarter, true);
  assert.equal(list.visited, before.visited + 1);
  assert.equal(list.listed, before.listed);
  // A past quarter with nobody visited: everyone listed then is overdue, and the missing review is flagged.
  const past = (await superv.get(`/api/projects/${chy}/key-customers?quarter=2025-Q4`)).body;
  assert.equal(past.reviewOverdue, true);
  assert.ok(past.items.filter((i: { visitedThisQuarter: boolean }) => !i.visitedThisQuarter).every((i: { overdue: boolean }) => i.overdue));

  const quarter = list.quarter;
  const r = await superv.post(`/api/projects/${chy}/key-customer-reviews`, { quarter, note: '新增居委会联系人' });
  assert.equal(r.status, 201);
  assert.equal(r.body.review.listed, list.listed);
  assert.equal(r.body.review.late, false);
  assert.equal((await manager.post(`/api/projects/${chy}/key-customer-reviews`, { quarter, note: '' })).status, 409, 'reviewed once a quarter');
  assert.equal((await superv.post(`/api/projects/${chy}/key-customer-reviews`, { quarter: '2099-Q1', note: '' })).status, 409);
  assert.equal((await keeper.post(`/api/projects/${chy}/key-customer-reviews`, { quarter: '2026-Q2', note: '' })).status, 403);
  const f = await figures(superv);
  assert.equal(f.keyCustomers.reviewDone, true);
  assert.equal(f.keyCustomers.notVisited, f.keyCustomers.listed - f.keyCustomers.visited);
});

test('CR-02 a matter raised on a visit opens a case owned by the visitor; the floor-climb map shows the visit', async () => {
  const [u] = await unvisitedUnits(chy, 1);
  const res = await keeper.post('/api/visits', {
    projectId: chy,
    unitId: u.id,
    customerId: u.customerId ?? undefined,
    mode: 'face',
    personMet: '业主刘女士',
    content: '入户走访，了解居住感受',
    raised: { category: 'repair', content: '卫生间天花渗水', phone: '13600002222' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.ok(res.body.caseId);
  assert.match(res.body.caseNumber, /^KF/);
  assert.equal(res.body.visitorRole, 'housekeeper');
  const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, res.body.caseId));
  assert.equal(kase.ownerId, await userId(t.database.db, 'ch-keeper'), 'IN-01 the visitor owns the case');
  assert.equal(kase.channel, 'visit');
  assert.equal(kase.status, 'open');

  const map = await superv.get(`/api/projects/${chy}/floor-climb?buildingId=${u.buildingId}`);
  assert.equal(map.status, 200);
  const cell = map.body.floors.flatMap((f: { units: { unitId: string }[] }) => f.units).find((x: { unitId: string }) => x.unitId === u.id);
  assert.equal(cell.lastVisitOn, res.body.visitedOn);
  assert.ok(cell.lastVisitorName);
  assert.ok(cell.visits >= 1);
  // One click from the unit to its visits.
  const byUnit = await superv.get(`/api/visits?projectId=${chy}&unitId=${u.id}`);
  assert.equal(byUnit.body.items[0].id, res.body.id);
  const [gmBuilding] = await t.database.db.select().from(buildings).where(eq(buildings.projectId, gmzx)).limit(1);
  assert.equal((await superv.get(`/api/projects/${chy}/floor-climb?buildingId=${gmBuilding.id}`)).status, 404);
  assert.equal((await superv.get(`/api/projects/${gmzx}/floor-climb?buildingId=${gmBuilding.id}`)).status, 404);
});

test('CR-02 visit refusals: another project 404, a unit of another project 400, a clerk 403, the future 400', async () => {
  const started = new Date();
  const [u] = await unvisitedUnits(chy, 1);
  const [gu] = await unvisitedUnits(gmzx, 1);
  const base = { mode: 'phone', personMet: '租户', content: '电话回访' };
  assert.equal((await keeper.post('/api/visits', { ...base, projectId: gmzx, unitId: gu.id })).status, 404);
  const wrongUnit = await keeper.post('/api/visits', { ...base, projectId: chy, unitId: gu.id });
  assert.equal(wrongUnit.status, 400);
  assert.equal(wrongUnit.body.fields[0].path, 'unitId');
  assert.equal((await clerk.post('/api/visits', { ...base, projectId: chy, unitId: u.id })).status, 403);
  const future = await keeper.post('/api/visits', { ...base, projectId: chy, unitId: u.id, visitedAt: new Date(Date.now() + 86400_000).toISOString() });
  assert.equal(future.status, 400);
  assert.equal(future.body.fields[0].path, 'visitedAt');
  const old = await keeper.post('/api/visits', { ...base, projectId: chy, unitId: u.id, visitedAt: new Date(Date.now() - 40 * 86400_000).toISOString() });
  assert.equal(old.status, 400);
  assert.equal((await keeper.post('/api/visits', { ...base, mode: 'letter', projectId: chy, unitId: u.id })).status, 400);
  const count = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(visits).where(and(eq(visits.unitId, u.id), sql`${visits.createdAt} >= ${started.toISOString()}::timestamptz`));
  assert.equal(count[0].n, 0, 'nothing written');
});

test('CR-02, CR-03 coverage by role against the service level, and the monthly minimums per person', async () => {
  const before = await figures(superv);
  // Level 4 residential: 95 / 30 / 10 % a year, every unit within 12 months; level 5 offices: 100 / 50 / 25 %, within 6.
  assert.equal(before.serviceLevel, 4);
  assert.deepEqual([before.yearCoverage.housekeeper.target, before.yearCoverage.cs_supervisor.target, before.yearCoverage.project_manager.target], [0.95, 0.3, 0.1]);
  assert.equal(before.fullCoverage.months, 12);
  const gm = await figures(await t.as('gm-super'), gmzx);
  assert.equal(gm.serviceLevel, 5);
  assert.deepEqual([gm.yearCoverage.housekeeper.target, gm.yearCoverage.cs_supervisor.target, gm.yearCoverage.project_manager.target], [1, 0.5, 0.25]);
  assert.equal(gm.fullCoverage.months, 6);

  // Three new units visited by the manager: +3 for the manager's coverage and his different customers, not the housekeepers'.
  const us = await unvisitedUnits(chy, 3);
  const yearVisited = await t.database.db
    .select({ unitId: visits.unitId, role: visits.visitorRole })
    .from(visits)
    .where(and(eq(visits.projectId, chy), sql`${visits.visitedOn} >= ${`${month.slice(0, 4)}-01-01`}::date`));
  const newForManager = us.filter((u) => !yearVisited.some((v) => v.unitId === u.id && v.role === 'project_manager')).length;
  for (const u of us) assert.equal((await manager.post('/api/visits', { projectId: chy, unitId: u.id, mode: 'face', personMet: '业主', content: '项目经理走访' })).status, 201);
  const after = await figures(superv);
  assert.equal(after.visitsInMonth, before.visitsInMonth + 3);
  assert.equal(after.yearCoverage.project_manager.visited, before.yearCoverage.project_manager.visited + newForManager);
  assert.equal(after.yearCoverage.housekeeper.visited, before.yearCoverage.housekeeper.visited);
  assert.equal(after.yearCoverage.project_manager.share, Math.round((after.yearCoverage.project_manager.visited / after.units) * 10000) / 10000);
  const pmBefore = before.monthlyMinimums.find((m: { role: string }) => m.role === 'project_manager');
  const pmAfter = after.monthlyMinimums.find((m: { role: string }) => m.role === 'project_manager');
  assert.equal(pmAfter.customers, pmBefore.customers + 3);
  assert.equal(pmAfter.minimum, 3);
  assert.equal(pmAfter.short, pmAfter.customers < 3);
  const cs = after.monthlyMinimums.find((m: { role: string }) => m.role === 'cs_supervisor');
  assert.equal(cs.minimum, 10);
  assert.equal(cs.short, cs.customers < 10);
  assert.ok(after.faceShare > 0 && after.faceShare <= 1);

  // Targets are per-project settings: the manager raises his own minimum; a stale save is 409, the desk 403.
  const s = (await manager.get(`/api/projects/${chy}/relation-settings`)).body;
  const saved = await manager.put(`/api/projects/${chy}/relation-settings`, { version: s.version, targets: { ...s.targets, managerMonthly: pmAfter.customers + 1 } });
  assert.equal(saved.status, 200);
  const raised = await figures(superv);
  assert.equal(raised.monthlyMinimums.find((m: { role: string }) => m.role === 'project_manager').short, true);
  assert.equal((await manager.put(`/api/projects/${chy}/relation-settings`, { version: s.version, targets: s.targets })).status, 409);
  assert.equal((await superv.put(`/api/projects/${chy}/relation-settings`, { version: saved.body.version, targets: s.targets })).status, 403);
  assert.equal((await manager.put(`/api/projects/${chy}/relation-settings`, { version: saved.body.version, targets: { ...s.targets, housekeeperYear: 2 } })).status, 400);
});

test('CR-02 monthly plans: a housekeeper plans their own units, progress counts their visits; stale 409, another keeper 403', async () => {
  const us = await unvisitedUnits(chy, 2);
  const keeperId = await userId(t.database.db, 'ch-keeper');
  const plan = await keeper.put('/api/visit-plans', { projectId: chy, month, staffId: keeperId, unitIds: us.map((u) => u.id), note: '本月重点：2栋', version: 0 });
  assert.ok([200, 409].includes(plan.status), JSON.stringify(plan.body));
  const current = (await keeper.get(`/api/visit-plans?projectId=${chy}&month=${month}`)).body.items.find((p: { staffId: string }) => p.staffId === keeperId);
  const saved = await keeper.put('/api/visit-plans', { projectId: chy, month, staffId: keeperId, unitIds: us.map((u) => u.id), note: '本月重点', version: current.version });
  assert.equal(saved.status, 200);
  assert.equal(saved.body.planned, 2);
  assert.equal(saved.body.done, 0);
  assert.equal((await keeper.post('/api/visits', { projectId: chy, unitId: us[0].id, mode: 'face', personMet: '业主', content: '按计划走访' })).status, 201);
  const progress = (await keeper.get(`/api/visit-plans?projectId=${chy}&month=${month}`)).body.items.find((p: { staffId: string }) => p.staffId === keeperId);
  assert.equal(progress.done, 1);
  assert.equal((await keeper.put('/api/visit-plans', { projectId: chy, month, staffId: keeperId, unitIds: [], note: '', version: current.version })).status, 409);
  const keeper2 = await userId(t.database.db, 'ch-keeper2');
  assert.equal((await keeper.put('/api/visit-plans', { projectId: chy, month, staffId: keeper2, unitIds: [], note: '', version: 0 })).status, 403);
  const notKeeper = await superv.put('/api/visit-plans', { projectId: chy, month, staffId: await userId(t.database.db, 'ch-clerk'), unitIds: [], note: '', version: 0 });
  assert.equal(notKeeper.status, 400);
  const f = await figures(superv);
  assert.ok(f.plans.planned >= 2 && f.plans.done >= 1);
});

test('CR-04 activities against the yearly minimum by level, held with photos once; articles against 2 a month', async () => {
  const year = Number(month.slice(0, 4));
  const before = await figures(superv);
  assert.equal(before.activities.minimum, 2, 'level 4: at least 2 a year');
  assert.equal(before.activities.plantRoomMinimum, 1);
  assert.equal(before.articles.minimum, 2);
  const a = await superv.post('/api/community-activities', { projectId: chy, year, kind: 'plant_room', title: '水泵房开放日', plannedOn: `${year}-01-20`, note: '' });
  assert.equal(a.status, 201);
  const listed = (await superv.get(`/api/community-activities?projectId=${chy}&year=${year}`)).body.items.find((x: { id: string }) => x.id === a.body.id);
  assert.equal((await superv.post(`/api/community-activities/${a.body.id}/held`, { version: listed.version, heldOn: '2999-01-01', participants: 20, summary: '参观', photos: [{ name: 'a.png', data: SIGNATURE }] })).status, 400);
  const noPhoto = await superv.post(`/api/community-activities/${a.body.id}/held`, { version: listed.version, heldOn: `${year}-01-20`, participants: 20, summary: '参观', photos: [] });
  assert.equal(noPhoto.status, 400, 'a held activity has its photos');
  const held = await superv.post(`/api/community-activities/${a.body.id}/held`, { version: listed.version, heldOn: `${year}-01-20`, participants: 26, summary: '业主参观水泵房和配电房', photos: [{ name: '开放日.png', data: SIGNATURE }] });
  assert.equal(held.status, 200, JSON.stringify(held.body));
  assert.equal((await superv.post(`/api/community-activities/${a.body.id}/held`, { version: listed.version + 1, heldOn: `${year}-01-20`, participants: 1, summary: 'x', photos: [{ name: 'a.png', data: SIGNATURE }] })).status, 409);
  const item = (await clerk.get(`/api/community-activities?projectId=${chy}&year=${year}`)).body.items.find((x: { id: string }) => x.id === a.body.id);
  assert.equal(item.photos.length, 1);
  const photo = await clerk.get(item.photos[0].url);
  assert.equal(photo.status, 200);
  assert.equal((await (await t.as('gm-super')).get(item.photos[0].url)).status, 404, 'another project cannot open it');
  const after = await figures(superv);
  assert.equal(after.activities.plantRoomHeld, before.activities.plantRoomHeld + 1);
  assert.equal((await keeper.post('/api/community-activities', { projectId: chy, year, kind: 'activity', title: '亲子活动', plannedOn: `${year}-06-01`, note: '' })).status, 403);
  assert.equal((await superv.post('/api/community-activities', { projectId: chy, year, kind: 'activity', title: '亲子活动', plannedOn: `${year + 1}-06-01`, note: '' })).status, 400);

  const art = await superv.post('/api/magazine-articles', { projectId: chy, title: '翠湖苑重阳节活动', author: '客服中心 小王', sentOn: `${month}-01` });
  assert.equal(art.status, 201);
  const f = await figures(superv);
  assert.equal(f.articles.sent, before.articles.sent + 1);
  assert.equal(f.articles.short, f.articles.sent < 2);
  assert.equal((await superv.post('/api/magazine-articles', { projectId: chy, title: '未来', author: '某', sentOn: '2999-01-01' })).status, 400);
});

test('CR-05 the lobby card per building shows its housekeeper, the area covered, the service hours and the supervisor 24 h phone', async () => {
  const db = t.database.db;
  const bs = await db.select().from(buildings).where(eq(buildings.projectId, chy));
  const keeperId = await userId(db, 'ch-keeper');
  const s = (await manager.get(`/api/projects/${chy}/relation-settings`)).body;
  const bad = await manager.put(`/api/projects/${chy}/relation-settings`, { version: s.version, targets: { ...s.targets, keeperBuildings: { [bs[0].id]: await userId(db, 'ch-clerk') } } });
  assert.equal(bad.status, 400, 'only housekeepers answer for a building');
  const saved = await manager.put(`/api/projects/${chy}/relation-settings`, { version: s.version, targets: { ...s.targets, keeperBuildings: { [bs[0].id]: keeperId, [bs[1].id]: keeperId } } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal((await superv.post('/api/staff-photos', { projectId: chy, userId: keeperId, name: '工作照.png', data: SIGNATURE })).status, 201);
  const cards = await clerk.get(`/api/projects/${chy}/lobby-cards`);
  assert.equal(cards.status, 200);
  assert.equal(cards.body.items.length, bs.length);
  const card = cards.body.items.find((c: { buildingId: string }) => c.buildingId === bs[0].id);
  assert.equal(card.keeperId, keeperId);
  assert.ok(card.keeperName);
  assert.equal(card.area.length, 2);
  assert.equal(card.serviceHours, '8:30–22:00');
  assert.ok(card.supervisorName);
  assert.ok(card.photoUrl);
  assert.equal((await clerk.get(card.photoUrl)).status, 200);
  assert.equal((await (await t.as('gm-clerk')).get(`/api/projects/${chy}/lobby-cards`)).status, 404);
});
