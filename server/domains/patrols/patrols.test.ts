// PT-01..PT-03: the daily patrol on the calendar's workdays (a missed day flagged), findings with photos,
// rechecks and linked work orders, RV-02's sampler on patrol records, the vacant-unit register with the
// heating season's frequency, facility checks and their failure rate, and the refusals.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, ne } from 'drizzle-orm';
import { DEFAULT_PATROL_SETTINGS } from '../../../common/patrols';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { principalOf } from '../../test/desk';
import { SIGNATURE } from '../../seed/signature';
import { units } from '../org/tables';
import { workOrders } from '../workorders/tables';
import { startPatrol } from './commands/record-patrol';
import { patrolFigures } from './figures';
import { patrolRegister } from './queries';
import { inHeatingSeason, nextVacantDue } from './rules';
import { patrolChecks, publicPatrols } from './tables';
import { recordVacantPatrol, vacantRegister } from './vacant';

let t: TestApp;
let chy: string;
let keeper: Client;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  keeper = await t.as('ch-keeper');
});
after(() => t.close());

const S = DEFAULT_PATROL_SETTINGS;

test('PT-02 heating season Nov 7 – Mar 15 (both days in), twice a week inside it and weekly outside, across both edges', () => {
  assert.equal(inHeatingSeason('2026-11-06', S), false);
  assert.equal(inHeatingSeason('2026-11-07', S), true);
  assert.equal(inHeatingSeason('2027-01-20', S), true);
  assert.equal(inHeatingSeason('2027-03-15', S), true);
  assert.equal(inHeatingSeason('2027-03-16', S), false);
  // Outside the season a week; the season starting on Nov 7 brings the next patrol forward to that day.
  assert.equal(nextVacantDue('2026-10-20', S), '2026-10-27');
  assert.equal(nextVacantDue('2026-11-03', S), '2026-11-07');
  assert.equal(nextVacantDue('2026-11-01', S), '2026-11-07');
  // Inside: at most 4 days apart, so a Monday/Thursday round passes.
  assert.equal(nextVacantDue('2026-11-09', S), '2026-11-13');
  assert.equal(nextVacantDue('2026-12-31', S), '2027-01-04');
  // Past Mar 15 the weekly rule applies again.
  assert.equal(nextVacantDue('2027-03-12', S), '2027-03-19');
  assert.equal(nextVacantDue('2027-03-14', S), '2027-03-21');
  // A season set per project (e.g. Oct 15 – Apr 15 up north).
  assert.equal(nextVacantDue('2026-10-14', { ...S, heatingStart: '10-15', heatingEnd: '04-15' }), '2026-10-18');
});

test('PT-01 patrol days are the workdays of the project calendar (holidays off, make-up days on); a workday without a patrol is missed', async () => {
  const db = t.database.db;
  const kp = await principalOf(db, 'ch-keeper');
  // October 2025: Oct 1–8 National Day holidays, Saturday Oct 11 a make-up workday → 18 workdays.
  const reg0 = await patrolRegister(db, kp, chy, '2025-10', new Date('2025-11-05T02:00:00Z'));
  const workdays = reg0.days.filter((d) => d.state !== 'off').map((d) => d.date);
  assert.equal(workdays.length, 18);
  assert.ok(!workdays.includes('2025-10-01') && !workdays.includes('2025-10-06'), 'holidays are off');
  assert.ok(workdays.includes('2025-10-11'), 'the make-up Saturday is a workday');
  assert.ok(!workdays.includes('2025-10-18'), 'a plain Saturday is off');
  const done = workdays.filter((d) => d !== '2025-10-11' && d !== '2025-10-20');
  await db.insert(publicPatrols).values(done.map((patrolDate) => ({ companyId: kp.companyId, projectId: chy, patrolDate, route: '全区', patrollerId: kp.userId, createdAt: new Date(`${patrolDate}T02:00:00Z`) })));
  const reg = await patrolRegister(db, kp, chy, '2025-10', new Date('2025-11-05T02:00:00Z'));
  assert.deepEqual(reg.days.filter((d) => d.state === 'missed').map((d) => d.date), ['2025-10-11', '2025-10-20']);
  const fig = await patrolFigures(db, kp, chy, '2025-10', new Date('2025-11-05T02:00:00Z'));
  assert.equal(fig.patrolDaysDue, 18);
  assert.equal(fig.patrolDaysDone, 16);
  assert.equal(fig.patrolDaysMissed, 2);
  assert.deepEqual(fig.missedDays, ['2025-10-11', '2025-10-20']);
  // Mid-month: today is due, not missed; later days are not counted yet.
  const mid = await patrolRegister(db, kp, chy, '2025-10', new Date('2025-10-20T02:00:00Z'));
  assert.equal(mid.days.find((d) => d.date === '2025-10-17')!.state, 'done');
  assert.equal(mid.days.find((d) => d.date === '2025-10-20')!.state, 'due', 'today is due, not yet missed');
  const fMid = await patrolFigures(db, kp, chy, '2025-10', new Date('2025-10-12T02:00:00Z'));
  assert.deepEqual(fMid.missedDays, ['2025-10-11']);
});

test('PT-01 a finding with photo handled by a work order opens and links the order; recheck due in 3 days; a second patrol the same day is refused', async () => {
  const start = await keeper.post('/api/patrols', { projectId: chy, route: '1-5栋大堂、地下车库' });
  assert.equal(start.status, 201, JSON.stringify(start.body));
  assert.equal((await keeper.post('/api/patrols', { projectId: chy, route: '再来一次' })).body.error, 'patrol_exists');
  const id = start.body.id;
  const res = await keeper.post(`/api/patrols/${id}/findings`, {
    location: '3栋电梯厅',
    problem: '吊顶灯管不亮两支',
    handling: 'work_order',
    photos: [{ name: '灯管.png', data: SIGNATURE }],
    order: { trade: 'electric', priority: 'normal', department: 'engineering' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const f = res.body.items[0];
  assert.match(f.workOrderNumber, /^BX-\d{4}-\d{6}$/);
  const [o] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, f.workOrderId));
  assert.equal(o.locationKind, 'public');
  assert.equal(o.location, '3栋电梯厅');
  assert.equal(o.status, 'reported');
  // end of the third local day after the finding.
  const due = new Date(f.recheckDueAt).getTime() - new Date(f.foundAt).getTime();
  assert.ok(due > 2 * 86_400_000 && due <= 4 * 86_400_000, `${f.foundAt} → ${f.recheckDueAt}`);
  const photo = await keeper.get(f.photos[0].url);
  assert.equal(photo.status, 200);
  assert.equal((await (await t.as('gm-keeper')).get(f.photos[0].url)).status, 404, "another project's photo");

  // PT-01: the recheck — stale version 409, unresolved moves the due on, resolved closes, then 409.
  assert.equal((await keeper.post(`/api/patrol-findings/${f.id}/recheck`, { version: f.version + 5, result: 'resolved' })).body.error, 'stale_version');
  const un = await keeper.post(`/api/patrol-findings/${f.id}/recheck`, { version: f.version, result: 'unresolved', note: '配件未到' });
  assert.equal(un.status, 200);
  const f2 = un.body.items[0];
  assert.equal(f2.status, 'open');
  assert.equal(f2.rechecks, 1);
  const ok = await keeper.post(`/api/patrol-findings/${f.id}/recheck`, { version: f2.version, result: 'resolved', note: '已更换' });
  assert.equal(ok.body.items[0].status, 'closed');
  assert.equal((await keeper.post(`/api/patrol-findings/${f.id}/recheck`, { version: ok.body.items[0].version, result: 'resolved' })).body.error, 'finding_closed');
});

test('PT-01 refusals: another project 404, a role without the action 403, bad input 400 with the field', async () => {
  const [pt] = await t.database.db.select().from(publicPatrols).where(eq(publicPatrols.projectId, chy)).limit(1);
  assert.equal((await (await t.as('gm-keeper')).get(`/api/patrols/${pt.id}`)).status, 404);
  assert.equal((await (await t.as('gm-keeper')).post(`/api/patrols/${pt.id}/findings`, { location: 'x', problem: 'y', handling: 'other' })).status, 404);
  assert.equal((await (await t.as('ch-finance')).get(`/api/patrols?projectId=${chy}&month=2026-11`)).status, 403);
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.get(`/api/patrols/${pt.id}`)).status, 200, 'the desk reads patrols');
  assert.equal((await clerk.post(`/api/patrols/${pt.id}/findings`, { location: 'x', problem: 'y', handling: 'other' })).status, 403, 'but does not record them');
  const bad = await keeper.post(`/api/patrols/${pt.id}/findings`, { location: '大堂', problem: '地砖松动', handling: 'work_order' });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.fields.some((x: { path: string }) => x.path === 'order'), JSON.stringify(bad.body));
  const en = await (await t.as('ch-keeper', { locale: 'en' })).post(`/api/patrols/${pt.id}/findings`, { location: '', problem: 'y', handling: 'other' });
  assert.equal(en.status, 400);
});

test('PT-01 with RV-02: the CS supervisor spot-checks 30 % and the manager 10 % of patrol records, each at their own level', async () => {
  const db = t.database.db;
  const kp = await principalOf(db, 'ch-keeper2');
  for (let d = 1; d <= 10; d++) await startPatrol(db, kp, { projectId: chy, route: '全区', note: '' }, new Date(`2031-03-${String(d).padStart(2, '0')}T03:00:00Z`));
  const sup = await (await t.as('ch-super')).get(`/api/patrol-checks?projectId=${chy}&month=2031-03`);
  assert.equal(sup.status, 200);
  const by = (l: string) => sup.body.ratios.find((r: { level: string }) => r.level === l);
  assert.equal(by('supervisor').selected, 3);
  assert.equal(by('manager').selected, 1);
  assert.equal(by('supervisor').patrols, 10);
  const mine = sup.body.items.find((i: { level: string }) => i.level === 'supervisor');
  assert.equal(mine.mayCheck, true);
  assert.equal((await (await t.as('ch-manager')).post(`/api/patrol-checks/${mine.id}`, { version: mine.version, outcome: 'confirmed' })).status, 403, 'the manager checks their own 10 %');
  assert.equal((await (await t.as('gm-super')).post(`/api/patrol-checks/${mine.id}`, { version: mine.version, outcome: 'confirmed' })).status, 404);
  assert.equal((await (await t.as('ch-super')).post(`/api/patrol-checks/${mine.id}`, { version: mine.version, outcome: 'confirmed', note: '现场核实' })).status, 200);
  assert.equal((await (await t.as('ch-super')).post(`/api/patrol-checks/${mine.id}`, { version: mine.version + 1, outcome: 'confirmed' })).body.error, 'already_checked');
  const [c] = await db.select().from(patrolChecks).where(eq(patrolChecks.id, mine.id));
  assert.equal(c.outcome, 'confirmed');
  const fig = await (await t.as('ch-manager')).get(`/api/projects/${chy}/patrol-figures?month=2031-03`);
  assert.equal(fig.body.supervisorChecks.checked, 1);
});

test('PT-02 the vacant register is the vacant units themselves; a patrol sets the next due with the season and an overdue unit is flagged', async () => {
  const db = t.database.db;
  const kp = await principalOf(db, 'ch-keeper');
  const [u] = await db.select().from(units).where(and(eq(units.projectId, chy), eq(units.state, 'vacant'))).limit(1);
  const storage = t.storage;
  const v = await recordVacantPatrol(db, storage, kp, { unitId: u.id, failed: ['water_off'], note: '总阀未关，已关闭', photos: [] }, new Date('2027-11-03T02:00:00Z'));
  assert.equal(v.nextDueOn, '2027-11-07', 'the heating season starts on Nov 7');
  const onDue = await vacantRegister(db, kp, chy, false, new Date('2027-11-07T10:00:00Z'));
  const row = onDue.units.find((x) => x.unitId === u.id)!;
  assert.equal(row.overdue, false);
  assert.equal(onDue.heatingSeason, true);
  assert.equal(onDue.intervalDays, 4);
  const late = await vacantRegister(db, kp, chy, true, new Date('2027-11-09T02:00:00Z'));
  assert.equal(late.units.find((x) => x.unitId === u.id)!.overdueDays, 2);
  // Always current: a unit let out leaves the register at once; the patrol of an occupied unit is refused.
  const [occupied] = await db.select().from(units).where(and(eq(units.projectId, chy), ne(units.state, 'vacant'))).limit(1);
  assert.ok(!late.units.some((x) => x.unitId === occupied.id));
  const refused = await keeper.post('/api/vacant-patrols', { unitId: occupied.id, failed: [] });
  assert.equal(refused.body.error, 'unit_not_vacant');
  assert.equal((await (await t.as('gm-keeper')).post('/api/vacant-patrols', { unitId: u.id, failed: [] })).status, 404);
  assert.equal((await keeper.post('/api/vacant-patrols', { unitId: u.id, failed: ['roof_gone'] })).status, 400);
  const now = await keeper.post('/api/vacant-patrols', { unitId: u.id, failed: [], photos: [{ name: '门锁.png', data: SIGNATURE }] });
  assert.equal(now.status, 201, JSON.stringify(now.body));
  const hist = await keeper.get(`/api/vacant-units/${u.id}/patrols`);
  assert.ok(hist.body.items.length >= 2);
  assert.equal(hist.body.items[0].failed[0], 'water_off', 'newest first');
  assert.equal(hist.body.items.find((x: { id: string }) => x.id === now.body.id).photos.length, 1);
});

test('PT-03 equipment, a plan, a failed check opens a work order (even when a technician records it) and the month failure rate counts it', async () => {
  const eng = await t.as('ch-eng');
  const e = await eng.post('/api/equipment', { projectId: chy, kind: 'elevator', code: 'DT-T-01', name: '3栋1号客梯', location: '3栋' });
  assert.equal(e.status, 201, JSON.stringify(e.body));
  assert.equal((await eng.post('/api/equipment', { projectId: chy, kind: 'elevator', code: 'DT-T-01', name: '重复', location: '3栋' })).status, 400);
  assert.equal((await (await t.as('ch-keeper')).post('/api/equipment', { projectId: chy, kind: 'pump', code: 'SB-X', name: '水泵', location: '泵房' })).status, 403);
  const withPlan = await eng.post('/api/maintenance-plans', { equipmentId: e.body.id, title: '半月保养', periodDays: 15 });
  assert.equal(withPlan.status, 201);
  const plan = withPlan.body.plans[0];
  const tech = await t.as('ch-tech');
  assert.equal((await tech.post('/api/facility-checks', { planId: plan.id, result: 'fail', note: '' })).status, 400, 'a failure needs its fault');
  const fail = await tech.post('/api/facility-checks', { planId: plan.id, result: 'fail', note: '平层误差大', order: { description: '轿厢平层误差约3cm' } });
  assert.equal(fail.status, 201, JSON.stringify(fail.body));
  assert.match(fail.body.workOrderNumber, /^BX-/);
  const [o] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, fail.body.workOrderId));
  assert.equal(o.trade, 'elevator');
  const list = await tech.get(`/api/equipment?projectId=${chy}`);
  const mine = list.body.items.find((x: { id: string }) => x.id === e.body.id);
  assert.equal(mine.plans[0].lastResult, 'fail');
  assert.equal(mine.openOrders, 1);
  assert.equal((await (await t.as('gm-tech')).post('/api/facility-checks', { planId: plan.id, result: 'pass' })).status, 404);
  const stale = await eng.put(`/api/equipment/${e.body.id}`, { version: e.body.version + 3, location: '3栋东' });
  assert.equal(stale.body.error, 'stale_version');
  const month = new Date().toISOString().slice(0, 7);
  const fig = await tech.get(`/api/projects/${chy}/patrol-figures?month=${month}`);
  assert.equal(fig.status, 403, 'figures are for patrol readers');
  const figs = await (await t.as('ch-manager')).get(`/api/projects/${chy}/patrol-figures?month=${month}`);
  assert.ok(figs.body.facilityFailures >= 1);
  assert.equal(figs.body.facilityFailureRate, Math.round((figs.body.facilityFailures / figs.body.equipment) * 10000) / 10000);
});

test('PT-02 settings: per project, versioned, validated', async () => {
  const mgr = await t.as('ch-manager');
  const cur = (await mgr.get(`/api/projects/${chy}/patrol-settings`)).body;
  assert.deepEqual(cur.settings, S);
  const put = await mgr.put(`/api/projects/${chy}/patrol-settings`, { settings: { ...S, heatingStart: '10-15', heatingEnd: '04-15' }, version: cur.version });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal((await mgr.put(`/api/projects/${chy}/patrol-settings`, { settings: S, version: cur.version })).body.error, 'stale_version');
  assert.equal((await mgr.put(`/api/projects/${chy}/patrol-settings`, { settings: { ...S, heatingIntervalDays: 9 }, version: put.body.version })).status, 400);
  assert.equal((await keeper.put(`/api/projects/${chy}/patrol-settings`, { settings: S, version: put.body.version })).status, 403);
  assert.equal((await (await t.as('gm-manager')).get(`/api/projects/${chy}/patrol-settings`)).status, 404);
  assert.equal((await mgr.put(`/api/projects/${chy}/patrol-settings`, { settings: S, version: put.body.version })).status, 200);
});

test('PT-01, PT-02 the demo carries the gaps a supervisor should notice: a missed patrol day, overdue and never-patrolled vacant units', async () => {
  const mgr = await t.as('ch-manager');
  const now = new Date();
  const months = [new Date(now.getTime() - 20 * 86_400_000), now].map((d) => d.toISOString().slice(0, 7));
  let missed = 0;
  for (const m of new Set(months)) missed += (await mgr.get(`/api/patrols?projectId=${chy}&month=${m}`)).body.days.filter((d: { state: string }) => d.state === 'missed').length;
  assert.ok(missed >= 1, 'a missed patrol day');
  const open = (await mgr.get(`/api/patrols?projectId=${chy}&month=${months[1]}`)).body.openFindings;
  assert.ok(open.some((f: { recheckOverdue: boolean }) => f.recheckOverdue), 'a finding past its recheck');
  const vac = (await mgr.get(`/api/vacant-units?projectId=${chy}`)).body;
  assert.ok(vac.overdue >= 3 && vac.overdue < vac.units.length, `${vac.overdue} of ${vac.units.length} overdue`);
  assert.ok(vac.units.some((u: { nextDueOn: string | null }) => u.nextDueOn === null), 'a unit never patrolled');
  const eq = (await mgr.get(`/api/equipment?projectId=${chy}`)).body.items;
  assert.ok(eq.length >= 10);
  assert.ok(eq.some((e: { plans: { overdue: boolean }[] }) => e.plans.some((p) => p.overdue)), 'a plan past due');
});
