// QI-03: each automatic item against records made to break its rule (count and the records that prove
// it), and a month where the rule is kept yielding no finding. Records are made through the domains'
// commands where they take a time, otherwise inserted as the fixtures do, in months of 2025 the demo
// leaves empty.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { paidOrder, principalOf, repairCase, SIGNATURE, userId } from '../../test/desk';
import { archiveFixtures } from '../../test/archive-fixtures';
import type { Db } from '../../platform/db';
import type { Principal } from '../../platform/policy';
import { AUTO_ITEMS, computeFindings } from './auto-findings';
import { makeContext } from './auto-findings/context';
import { DEFAULT_STANDARD_ITEMS } from './default-standard';
import { applicableItems } from './applicability';
import { transitionSeen } from '../workorders/commands/transition-order';
import { orderVersion } from '../workorders/queries';
import { replyCase } from '../cases/commands/manage-case';
import { cases } from '../cases/tables';
import { paidAction } from '../paid/commands/paid-action';
import { submitHandover } from '../paid/commands/handover';
import { paidOrders } from '../paid/tables';
import { recordAttempt } from '../followups/commands/record-attempt';
import { recordCheck } from '../followups/supervision';
import { followups, supervisionChecks } from '../followups/tables';
import { registerComplaint } from '../complaints/commands/register-complaint';
import { complaintAction } from '../complaints/commands/complaint-action';
import { complaints } from '../complaints/tables';
import { createFaq } from '../faq/commands/write-faq';
import { faqEntries } from '../faq/tables';
import { notices, noticeDeliveries } from '../notices/tables';
import { attachNoticePhoto } from '../notices/commands/record-delivery';
import { communityActivities, keyCustomerReviews, keyCustomers, magazineArticles, visitPlans, visits } from '../relations/tables';
import { callReviews, shiftLogs } from '../frontdesk/tables';
import { patrolChecks, patrolFindings, publicPatrols, vacantPatrols } from '../patrols/tables';
import { patrolFigures } from '../patrols/figures';
import { units } from '../org/tables';
import { surveyAnswers, surveyMeasures, surveyQuestionnaires, surveys } from '../surveys/tables';

let t: TestApp;
let db: Db;
let quality: Principal;
let chy: string;
let bsy: string;
before(async () => {
  t = await testApp();
  db = t.database.db;
  quality = await principalOf(db, 'quality');
  chy = await t.projectId('CHY');
  bsy = await t.projectId('BSY');
});
after(() => t.close());

/** Beijing time of a local "YYYY-MM-DDTHH:MM". */
const at = (local: string) => new Date(`${local}:00+08:00`);
const run = (code: string, projectId: string, month: string, now = new Date()) => AUTO_ITEMS[code].compute(makeContext(db, quality, projectId, month, now));
const sorted = (a: string[]) => [...a].sort();

test('QI-03 at least 20 items of the default standard are computed, each read under a grant the quality inspector holds', async () => {
  const codes = Object.keys(AUTO_ITEMS);
  assert.ok(codes.length >= 20, `${codes.length} items`);
  // CS-55 is a phone verification whose calls the surveys record (SV-04)
  for (const c of codes) assert.ok(DEFAULT_STANDARD_ITEMS.some((i) => i.code === c && (i.methods.includes('record_check') || i.methods.includes('phone_verification'))), `${c} is a record check of the standard`);
  const applicable = (await applicableItems(db, chy, DEFAULT_STANDARD_ITEMS)).map((i) => i.code);
  const started = Date.now();
  const found = await computeFindings(db, quality, chy, new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7), applicable);
  const ms = Date.now() - started;
  console.log(`QI-03 computeFindings, CHY this month, ${applicable.filter((c) => AUTO_ITEMS[c]).length} items: ${ms} ms, ${found.length} findings`);
  for (const f of found) {
    assert.ok(f.records.length <= 200);
    for (const r of f.records) assert.match(r, /^[a-z_]+:.+/, `${f.code} ${r}`);
  }
});

test('QI-03 CS-14 and CS-47: a repair left undispatched and its 24 h reply missed are found with the order and the case; a month dispatched and replied on the day is clean', async () => {
  const kase = await repairCase(db, 'bs-clerk', bsy, { now: at('2025-03-04T10:00') });
  let r = await run('CS-14', bsy, '2025-03');
  assert.equal(r.count, 1);
  assert.deepEqual(r.records, [`order:${kase.orders[0].id}`]);
  r = await run('CS-47', bsy, '2025-03');
  assert.equal(r.count, 1);
  assert.deepEqual(r.records, [`case:${kase.id}`]);

  const ok = await repairCase(db, 'bs-clerk', bsy, { now: at('2025-04-08T10:00') });
  const [eng, tech, clerk] = await Promise.all([principalOf(db, 'bs-eng'), principalOf(db, 'bs-tech'), principalOf(db, 'bs-clerk')]);
  await transitionSeen(db, t.storage, eng, ok.orders[0].id, { action: 'dispatch', version: await orderVersion(db, ok.orders[0].id), assigneeId: tech.userId }, at('2025-04-08T11:00'));
  const [c] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, ok.id));
  await replyCase(db, clerk, ok.id, { version: c.version, reply: '已派维修工今日上门' }, at('2025-04-08T11:30'));
  assert.deepEqual(await run('CS-14', bsy, '2025-04'), { count: 0, records: [] });
  assert.deepEqual(await run('CS-47', bsy, '2025-04'), { count: 0, records: [] });
});

/** A paid repair of BSY taken to its close at the given local day, the fee collected in cash. */
async function closedPaid(day: string) {
  const [eng, tech, clerk] = await Promise.all([principalOf(db, 'bs-eng'), principalOf(db, 'bs-tech'), principalOf(db, 'bs-clerk')]);
  const order = await paidOrder(db, 'bs-clerk', bsy, { now: at(`${day}T09:00`) });
  let o = await transitionSeen(db, t.storage, eng, order.orderId, { action: 'dispatch', version: await orderVersion(db, order.orderId), assigneeId: tech.userId }, at(`${day}T09:10`));
  o = await transitionSeen(db, t.storage, tech, o.id, { action: 'accept', version: o.version }, at(`${day}T09:20`));
  o = await transitionSeen(db, t.storage, tech, o.id, { action: 'start', version: o.version }, at(`${day}T09:30`));
  o = await transitionSeen(db, t.storage, tech, o.id, { action: 'complete', version: o.version, result: '已更换水龙头，试水正常', materials: [], signature: SIGNATURE }, at(`${day}T10:00`));
  const [po] = await db.select({ version: paidOrders.version }).from(paidOrders).where(eq(paidOrders.orderId, o.id));
  const paid = await paidAction(db, clerk, o.id, { action: 'collect', version: po.version, amount: order.fee, method: 'cash' }, at(`${day}T10:10`));
  o = await transitionSeen(db, t.storage, clerk, o.id, { action: 'close', version: o.version }, at(`${day}T10:20`));
  return { order: o, fee: order.fee, clerk, receipt: paid.receipts[0] };
}

test('QI-03 CS-19, CS-62, CS-44: a paid order never followed up, its cash never handed over; a month followed up, handed over and supervised is clean', async () => {
  const late = await closedPaid('2025-05-06');
  let r = await run('CS-19', bsy, '2025-05');
  assert.equal(r.count, 1, 'the paid follow-up missed');
  assert.deepEqual(r.records, [`order:${late.order.id}`]);
  r = await run('CS-62', bsy, '2025-05');
  assert.equal(r.count, 1, 'the day\'s cash never reached finance');
  assert.deepEqual(r.records, [`cash_day:2025-05-06/${late.clerk.userId}`]);

  // A handover with a difference: declared other than the receipts.
  const diff = await closedPaid('2025-05-20');
  const h = await submitHandover(db, diff.clerk, { projectId: bsy, date: '2025-05-20', declared: diff.fee - 10, note: '少交10元' }, at('2025-05-20T18:00'));
  r = await run('CS-62', bsy, '2025-05');
  assert.equal(r.count, 2);
  assert.deepEqual(sorted(r.records), sorted([`cash_day:2025-05-06/${late.clerk.userId}`, `cash_handover:${h.id}`]));

  const ok = await closedPaid('2025-08-05');
  const [f] = await db.select().from(followups).where(eq(followups.orderId, ok.order.id));
  await recordAttempt(db, ok.clerk, f.id, { version: f.version, outcome: 'reached', channel: 'phone', verdict: 'satisfied', solved: true, note: '' }, at('2025-08-06T10:00'));
  await submitHandover(db, ok.clerk, { projectId: bsy, date: '2025-08-05', declared: ok.fee, note: '' }, at('2025-08-05T18:00'));
  assert.deepEqual(await run('CS-19', bsy, '2025-08'), { count: 0, records: [] });
  assert.deepEqual(await run('CS-62', bsy, '2025-08'), { count: 0, records: [] });

  // RV-02: the month's one visit is drawn for both levels; unchecked, both ratios fall short.
  const drawn = await db.select().from(supervisionChecks).where(eq(supervisionChecks.followupId, f.id));
  assert.equal(drawn.length, 2);
  r = await run('CS-44', bsy, '2025-08');
  assert.equal(r.count, 2);
  assert.deepEqual(sorted(r.records), sorted(drawn.map((d) => `supervision:${d.id}`)));
  for (const d of drawn) await recordCheck(db, await principalOf(db, d.level === 'supervisor' ? 'bs-super' : 'bs-manager'), d.id, { version: d.version, outcome: 'genuine', note: '' }, at('2025-08-08T10:00'));
  assert.deepEqual(await run('CS-44', bsy, '2025-08'), { count: 0, records: [] });
});

test('QI-03 CS-48 and CS-49: a repeat complaint from the same caller, a complaint followed up past its week; a month with one complaint followed up in time is clean', async () => {
  const clerk = await principalOf(db, 'ch-clerk');
  const manager = await principalOf(db, 'ch-manager');
  const [u] = await db.select().from(units).where(eq(units.projectId, chy)).limit(1);
  const complaint = (now: Date) =>
    registerComplaint(db, clerk, { projectId: chy, channel: 'phone', unitId: u.id, callerName: '周先生', callerPhone: '13611112222', content: '楼道保洁不及时', confirmedWithCaller: true, type: 'environment', majorReasons: [] }, now);
  const first = await complaint(at('2025-06-02T09:00'));
  const second = await complaint(at('2025-06-16T09:00'));
  const r = await run('CS-48', chy, '2025-06');
  assert.equal(r.count, 1, 'the second complaint repeats the first');
  assert.deepEqual(r.records, [`case:${second.caseId}`]);

  // CP-01: resolved on the 2nd, followed up on the 20th — past the 7 days.
  const resolveAndFollow = async (k: { id: string; caseId: string }, resolved: Date, followed: Date) => {
    const [c] = await db.select().from(cases).where(eq(cases.id, k.caseId));
    if (!c.repliedAt) await replyCase(db, clerk, c.id, { version: c.version, reply: '已安排保洁主管处理' }, resolved);
    const v = async () => (await db.select({ v: complaints.version }).from(complaints).where(eq(complaints.id, k.id)))[0].v;
    await complaintAction(db, manager, k.id, { action: 'resolve', version: await v(), resolution: '已加派保洁员', valid: true }, resolved);
    await complaintAction(db, manager, k.id, { action: 'followup', version: await v(), verdict: 'satisfied', note: '' }, followed);
  };
  await resolveAndFollow(first, at('2025-06-02T15:00'), at('2025-06-20T10:00'));
  const late = await run('CS-49', chy, '2025-06');
  assert.equal(late.count, 1);
  assert.deepEqual(late.records, [`complaint:${first.id}`]);

  const ok = await registerComplaint(db, clerk, { projectId: chy, channel: 'phone', unitId: u.id, callerName: '吴女士', callerPhone: '13622223333', content: '电梯异响', confirmedWithCaller: true, type: 'facility', majorReasons: [] }, at('2025-01-06T09:00'));
  await resolveAndFollow(ok, at('2025-01-06T15:00'), at('2025-01-09T10:00'));
  assert.deepEqual(await run('CS-48', chy, '2025-01'), { count: 0, records: [] });
  assert.deepEqual(await run('CS-49', chy, '2025-01'), { count: 0, records: [] });
});

test('QI-03 CS-57: an FAQ entry not reviewed for 6 months at the month\'s end; the months while it is fresh are clean', async () => {
  const faq = await createFaq(db, await principalOf(db, 'bs-super'), { projectId: bsy, question: '快递可以代收吗？', answer: '前台可代收，凭取件码领取。' });
  await db.update(faqEntries).set({ reviewedAt: at('2025-01-10T10:00') }).where(eq(faqEntries.id, faq.id));
  const r = await run('CS-57', bsy, '2025-09');
  assert.equal(r.count, 1);
  assert.deepEqual(r.records, [`faq:${faq.id}`]);
  assert.deepEqual(await run('CS-57', bsy, '2025-05'), { count: 0, records: [] });
});

test('QI-03 CS-08: a change request left without the customer\'s signature is found with its archive; a month without one is clean', async () => {
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const before = await run('CS-08', chy, month);
  const fx = archiveFixtures(db, t.storage, 'ch', chy);
  const a = await fx.archive();
  await fx.changeRequest();
  const r = await run('CS-08', chy, month);
  assert.equal(r.count, before.count + 1);
  assert.ok(r.records.includes(`archive:${a.id}`));
  assert.deepEqual(await run('CS-08', chy, '2025-02'), { count: 0, records: [] });
});

/** A notice of BSY published at `published`, valid to `validTo` (NT-02: down within 24 h of its end). */
async function notice(kind: 'general' | 'briefing' | 'annual', published: string, validTo: string, period: string | null = null) {
  const clerk = await principalOf(db, 'bs-clerk');
  const until = at(`${validTo}T23:59`);
  until.setMinutes(until.getMinutes() + 1);
  const [n] = await db
    .insert(notices)
    .values({
      companyId: clerk.companyId,
      projectId: bsy,
      number: `碧山-通-QI3-${randomUUID().slice(0, 8)}`,
      kind,
      subject: '测试通知',
      title: '关于测试通知的通知',
      body: '内容',
      period,
      validFrom: published.slice(0, 10),
      validTo,
      validUntil: until,
      status: 'published',
      publishedAt: at(published),
      takeDownDueAt: new Date(until.getTime() + 86_400_000),
      createdBy: clerk.userId,
      createdAt: at(published),
    })
    .returning();
  return n;
}

test('QI-03 CS-02, CS-03, CS-32, CS-35, CS-36: no briefing, a notice left up past its take-down, posted without a photo and not delivered to the villas; a month that does all is clean', async () => {
  const n = await notice('general', '2025-02-03T09:00', '2025-02-10');
  assert.deepEqual(await run('CS-02', bsy, '2025-02'), { count: 1, records: ['briefing_missing:2025-02'] });
  assert.deepEqual(await run('CS-32', bsy, '2025-02'), { count: 1, records: [`notice:${n.id}`] });
  assert.deepEqual(await run('CS-35', bsy, '2025-02'), { count: 1, records: [`notice:${n.id}`] }, 'posted without its photo');
  assert.deepEqual(await run('CS-36', bsy, '2025-02'), { count: 1, records: [`notice:${n.id}`] }, 'a villa notice with no delivery record');
  assert.deepEqual(await run('CS-03', bsy, '2025-03'), { count: 1, records: ['annual_missing:2025'] });
  assert.deepEqual(await run('CS-35', bsy, '2025-05'), { count: 1, records: ['board_stale:2025-02-03'] }, 'the board unchanged since February');

  // March: the February notice taken down in time, the briefing before the 10th up for 15 days with its
  // photo and delivered to every villa, the annual publication in Q1.
  await db.update(notices).set({ takenDownAt: at('2025-02-11T10:00'), status: 'taken_down' }).where(eq(notices.id, n.id));
  const b = await notice('briefing', '2025-03-05T09:00', '2025-04-30', '2025-03');
  const y = await notice('annual', '2025-03-06T09:00', '2025-04-30', '2025');
  const clerk = await principalOf(db, 'bs-clerk');
  const villas = await db.select().from(units).where(eq(units.projectId, bsy));
  for (const x of [b, y]) {
    await attachNoticePhoto(db, t.storage, clerk, x.id, { kind: 'posting', name: '公告栏.png', data: SIGNATURE });
    await db.insert(noticeDeliveries).values(villas.map((u) => ({ companyId: clerk.companyId, projectId: bsy, noticeId: x.id, unitId: u.id, method: 'signed', deliveredAt: at('2025-03-06T15:00'), recordedBy: clerk.userId, createdAt: at('2025-03-06T15:00') })));
  }
  for (const code of ['CS-02', 'CS-03', 'CS-32', 'CS-35', 'CS-36']) assert.deepEqual(await run(code, bsy, '2025-03'), { count: 0, records: [] }, code);
});

test('QI-03 CS-40..CS-43, CS-45: key customers unvisited and the list unreviewed, visits, plans, coverage, activities and articles short; a year that keeps them is clean', async () => {
  const company = quality.companyId;
  const superId = await userId(db, 'ch-super');
  const [k] = await db.insert(keyCustomers).values({ companyId: company, projectId: chy, name: '业委会主任', phone: '13700000000', reasons: ['committee'], createdAt: at('2025-04-01T09:00') }).returning();

  let r = await run('CS-41', chy, '2025-06');
  assert.equal(r.count, 2, 'the key customer unvisited in Q2 and the Q2 review missing');
  assert.deepEqual(r.records, ['key_review_missing:2025-Q2', `key_customer:${k.id}`]);
  const people = await db.execute(sql`select ur.user_id as id, ur.role from user_roles ur join users u on u.id = ur.user_id where ur.project_id = ${chy} and u.active and ur.role in ('project_manager', 'cs_supervisor', 'housekeeper')`);
  const staff = ((people as { rows?: { id: string; role: string }[] }).rows ?? (people as unknown as { id: string; role: string }[])).map((x) => ({ id: String(x.id), role: x.role }));
  const leads = staff.filter((s) => s.role !== 'housekeeper').map((s) => `visitor:${s.id}`);
  const keepers = [...new Set(staff.filter((s) => s.role === 'housekeeper').map((s) => s.id))];
  r = await run('CS-42', chy, '2025-06');
  assert.equal(r.count, leads.length);
  assert.deepEqual(sorted(r.records), sorted(leads));
  r = await run('CS-43', chy, '2025-06');
  assert.equal(r.count, keepers.length + 1, 'each housekeeper without a plan, and the year\'s full coverage');
  assert.deepEqual(sorted(r.records), sorted(['coverage_short:full', ...keepers.map((id) => `visitor:${id}`)]));
  r = await run('CS-45', chy, '2025-06');
  assert.deepEqual(r, { count: 3, records: ['coverage_short:housekeeper', 'coverage_short:cs_supervisor', 'coverage_short:project_manager'] });
  r = await run('CS-40', chy, '2025-06');
  assert.deepEqual(r, { count: 2, records: ['articles_short:2025-06', 'activities_short:2025'] });

  // December 2025: every household visited by a housekeeper, the supervisor and manager above their
  // year's share and month's minimum, the key customer visited and the list reviewed, plans, articles, activities.
  const all = await db.select().from(units).where(eq(units.projectId, chy));
  const [keeper, manager] = [keepers[0], staff.find((s) => s.role === 'project_manager')!.id];
  const visit = (unitId: string, visitorId: string, visitorRole: string, day: string, keyCustomerId?: string) => ({
    companyId: company, projectId: chy, unitId, visitorId, visitorRole, mode: 'face', personMet: '业主', visitedAt: at(`${day}T10:00`), visitedOn: day, content: '走访', createdAt: at(`${day}T10:00`), keyCustomerId,
  });
  await db.insert(visits).values([
    ...all.map((u) => visit(u.id, keeper, 'housekeeper', '2025-12-02')),
    ...all.slice(0, Math.max(10, Math.ceil(all.length * 0.3))).map((u) => visit(u.id, superId, 'cs_supervisor', '2025-12-03')),
    ...all.slice(0, Math.max(3, Math.ceil(all.length * 0.1))).map((u) => visit(u.id, manager, 'project_manager', '2025-12-04')),
    visit(all[0].id, superId, 'cs_supervisor', '2025-12-05', k.id),
  ]);
  await db.insert(keyCustomerReviews).values({ companyId: company, projectId: chy, quarter: '2025-Q4', dueAt: at('2026-01-01T00:00'), reviewedBy: superId, reviewedAt: at('2025-12-10T10:00'), listed: 1, createdAt: at('2025-12-10T10:00') });
  await db.insert(visitPlans).values(keepers.map((id) => ({ companyId: company, projectId: chy, month: '2025-12', staffId: id, unitIds: [all[0].id], createdAt: at('2025-12-01T09:00') })) as (typeof visitPlans.$inferInsert)[]);
  await db.insert(magazineArticles).values([1, 2].map((n) => ({ companyId: company, projectId: chy, month: '2025-12', title: `社区简讯${n}`, author: '客服部', sentOn: `2025-12-0${n}`, createdAt: at('2025-12-02T09:00') })));
  await db.insert(communityActivities).values(
    [['activity', '2025-09-20'], ['activity', '2025-10-01'], ['activity', '2025-12-24'], ['plant_room', '2025-06-15']].map(([kind, day]) => ({ companyId: company, projectId: chy, year: 2025, kind, title: '社区活动', plannedOn: day, heldOn: day, participants: 30, createdAt: at(`${day}T09:00`) })),
  );
  for (const code of ['CS-40', 'CS-41', 'CS-42', 'CS-43', 'CS-45']) assert.deepEqual(await run(code, chy, '2025-12'), { count: 0, records: [] }, code);
});

test('QI-03 CS-30 and CS-61: weeks without call reviews and a handover log never signed; a month reviewed every week and signed on time is clean', async () => {
  const clerk = await principalOf(db, 'bs-clerk');
  const manager = await principalOf(db, 'bs-manager');
  const [log] = await db
    .insert(shiftLogs)
    .values({ companyId: clerk.companyId, projectId: bsy, shiftDate: '2025-09-10', shift: 'day', previousId: randomUUID(), writerId: clerk.userId, notes: '白班', startedAt: at('2025-09-10T08:00'), dueAt: at('2025-09-10T20:30'), createdAt: at('2025-09-10T08:00') })
    .returning();
  assert.deepEqual(await run('CS-61', bsy, '2025-09'), { count: 1, records: [`shift_log:${log.id}`] });
  const r = await run('CS-30', bsy, '2025-09');
  assert.deepEqual(r, { count: 5, records: ['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29'].map((d) => `review_week:${d}`) });

  await db
    .insert(shiftLogs)
    .values({ companyId: clerk.companyId, projectId: bsy, shiftDate: '2025-10-10', shift: 'day', previousId: randomUUID(), writerId: clerk.userId, notes: '白班', startedAt: at('2025-10-10T08:00'), dueAt: at('2025-10-10T20:30'), signedBy: manager.userId, signedAt: at('2025-10-10T20:00'), createdAt: at('2025-10-10T08:00') });
  for (const monday of ['2025-10-06', '2025-10-13', '2025-10-20', '2025-10-27'])
    await db.insert(callReviews).values([0, 1].map((k) => ({ companyId: clerk.companyId, projectId: bsy, reviewerId: manager.userId, reviewedOn: monday, weekStart: monday, recording: `录音${k}`, minutes: 20, findings: '接听规范', createdAt: at(`${monday}T15:00`) })));
  assert.deepEqual(await run('CS-61', bsy, '2025-10'), { count: 0, records: [] });
  assert.deepEqual(await run('CS-30', bsy, '2025-10'), { count: 0, records: [] });
});

test('QI-03 CS-56 and CS-59: workdays without the patrol, a finding never rechecked, a spot check undone, a vacant unit never patrolled; a month patrolled every day is clean', async () => {
  const keeper = await principalOf(db, 'bs-keeper');
  const [vacant] = await db.select().from(units).where(and(eq(units.projectId, bsy), eq(units.state, 'vacant')));
  const [pt] = await db.insert(publicPatrols).values({ companyId: keeper.companyId, projectId: bsy, patrolDate: '2025-09-06', route: '园区一圈', patrollerId: keeper.userId, createdAt: at('2025-09-06T09:00') }).returning();
  const [f] = await db
    .insert(patrolFindings)
    .values({ companyId: keeper.companyId, projectId: bsy, patrolId: pt.id, location: '3号别墅门口', problem: '路灯不亮', handling: 'notified_department', recheckDueAt: at('2025-09-09T09:00'), firstRecheckDueAt: at('2025-09-09T09:00'), createdBy: keeper.userId, createdAt: at('2025-09-06T09:10') })
    .returning();
  const [check] = await db.insert(patrolChecks).values({ companyId: keeper.companyId, projectId: bsy, patrolId: pt.id, level: 'supervisor', selectedAt: at('2025-09-06T09:00') }).returning();
  const fig = await patrolFigures(db, quality, bsy, '2025-09');
  assert.ok(fig.patrolDaysMissed > 15, 'no patrol on the month\'s workdays');
  const r = await run('CS-56', bsy, '2025-09');
  assert.equal(r.count, fig.patrolDaysMissed + 2);
  assert.deepEqual(r.records, [...fig.missedDays.map((d) => `patrol_day:${d}`), `patrol_finding:${f.id}`, `patrol_check:${check.id}`]);
  assert.deepEqual(await run('CS-59', bsy, '2025-09'), { count: 1, records: [`unit:${vacant.id}`] });

  // October: a patrol every day, its finding rechecked in time, a vacant-unit patrol a week before the end.
  const days = Array.from({ length: 31 }, (_, k) => `2025-10-${String(k + 1).padStart(2, '0')}`);
  const pts = await db.insert(publicPatrols).values(days.map((d) => ({ companyId: keeper.companyId, projectId: bsy, patrolDate: d, route: '园区一圈', patrollerId: keeper.userId, createdAt: at(`${d}T09:00`) }))).returning();
  await db.insert(patrolFindings).values({ companyId: keeper.companyId, projectId: bsy, patrolId: pts[2].id, location: '会所', problem: '门禁失灵', handling: 'notified_department', recheckDueAt: at('2025-10-06T09:00'), firstRecheckDueAt: at('2025-10-06T09:00'), firstRecheckedAt: at('2025-10-05T09:00'), createdBy: keeper.userId, createdAt: at('2025-10-03T09:10') });
  await db.insert(vacantPatrols).values({ companyId: keeper.companyId, projectId: bsy, unitId: vacant.id, patrolledAt: at('2025-10-28T10:00'), byId: keeper.userId, nextDueOn: '2025-11-04' });
  assert.deepEqual(await run('CS-56', bsy, '2025-10'), { count: 0, records: [] });
  assert.deepEqual(await run('CS-59', bsy, '2025-10'), { count: 0, records: [] });
});

test('QI-03 an inspection started over HTTP stores the computed findings with their records; items the standard lacks stay manual', async () => {
  const client = await t.as('quality');
  const res = await client.post('/api/inspections', { projectId: bsy, month: '2025-09' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const by = (code: string) => res.body.findings.find((f: { itemCode: string; source: string }) => f.itemCode === code && f.source === 'computed');
  assert.equal(by('CS-59').count, 1);
  assert.equal(by('CS-59').status, 'proposed');
  assert.ok(by('CS-61').records[0].startsWith('shift_log:'));
  assert.ok(res.body.autoItems.some((a: { itemCode: string; automatic: boolean }) => a.itemCode === 'CS-61' && a.automatic));
  assert.ok(res.body.autoItems.some((a: { itemCode: string; automatic: boolean }) => a.itemCode === 'CS-20' && !a.automatic));
  assert.ok(res.body.autoItems.some((a: { itemCode: string; automatic: boolean }) => a.itemCode === 'CS-55' && a.automatic), 'the phone verification of SV-04 is computed');
  assert.equal(by('CS-52').records[0], 'survey_missing:2025-09', 'no survey in the 12 months up to 2025-09');
});

test('QI-01, QI-03 the product\'s new items reach a company as the next version of its default standard, never over a version the company made', async () => {
  const { ensureDefaultStandard } = await import('./commands/revise-standard');
  const { inspectionStandards } = await import('./tables');
  const { isNull } = await import('drizzle-orm');
  const cur = () => db.select().from(inspectionStandards).where(and(eq(inspectionStandards.companyId, quality.companyId), eq(inspectionStandards.code, 'default'), isNull(inspectionStandards.supersededAt)));
  const [before] = await cur();
  assert.equal(before.createdBy, null, 'the demo runs on the shipped standard');
  // As a database from before CS-61/CS-62: its current version lacks them.
  await db.update(inspectionStandards).set({ items: DEFAULT_STANDARD_ITEMS.filter((i) => !['CS-61', 'CS-62'].includes(i.code)) }).where(eq(inspectionStandards.id, before.id));
  const up = await db.transaction((tx) => ensureDefaultStandard(tx, quality.companyId, new Date()));
  assert.equal(up.version, before.version + 1);
  assert.ok(up.items.some((i) => i.code === 'CS-61') && up.items.some((i) => i.code === 'CS-62'));
  const [old] = await db.select().from(inspectionStandards).where(eq(inspectionStandards.id, before.id));
  assert.ok(old.supersededAt, 'the old version stays, superseded, for the inspections made on it');
  assert.equal((await db.transaction((tx) => ensureDefaultStandard(tx, quality.companyId, new Date()))).id, up.id, 'unchanged items: no new version');
  // A version the company made is theirs: the product's items do not replace it.
  await db.update(inspectionStandards).set({ createdBy: quality.userId, items: up.items.slice(0, 10) }).where(eq(inspectionStandards.id, up.id));
  assert.equal((await db.transaction((tx) => ensureDefaultStandard(tx, quality.companyId, new Date()))).id, up.id);
});

test('QI-03 CS-52..CS-55 (SV-01..SV-04): no survey in 12 months, a closed survey\'s weak item without a measure, its results unpublished, a measure overdue, answers forged or never called back — each with its records; a survey still open is judged on forged answers only; a kept survey is clean', async () => {
  const keeper = await principalOf(db, 'bs-keeper');
  const clerk = await userId(db, 'bs-clerk');
  // May 2025: the demo's survey is of 2026 — none in the 12 months up to the month.
  assert.deepEqual(await run('CS-52', bsy, '2025-05'), { count: 1, records: ['survey_missing:2025-05'] });
  for (const code of ['CS-53', 'CS-54', 'CS-55']) assert.deepEqual(await run(code, bsy, '2025-05'), { count: 0, records: [] }, code);

  const [q] = await db.select().from(surveyQuestionnaires).where(and(eq(surveyQuestionnaires.companyId, keeper.companyId), sql`superseded_at is null`));
  const codes = q.items.map((i) => i.code);
  const [weak, measured] = codes;
  const us = (await db.select({ id: units.id }).from(units).where(eq(units.projectId, bsy)).limit(4)).map((u) => u.id);
  const survey = async (opensOn: string, closesOn: string, extra: Partial<typeof surveys.$inferInsert> = {}) =>
    (
      await db
        .insert(surveys)
        .values({ companyId: keeper.companyId, projectId: bsy, title: `${opensOn} 满意度调查`, year: 2025, questionnaireId: q.id, samplingRatio: 10, verifyRatio: 50, seed: randomUUID(), opensOn, closesOn, closesAt: at(`${closesOn}T23:59`), status: 'closed', closedAt: at(`${closesOn}T23:59`), createdAt: at(`${opensOn}T09:00`), ...extra })
        .returning()
    )[0];
  const answer = (surveyId: string, unitId: string, day: string, rating: (code: string) => 'satisfied' | 'unsatisfied', extra: Partial<typeof surveyAnswers.$inferInsert> = {}) =>
    db.insert(surveyAnswers).values({ companyId: keeper.companyId, projectId: bsy, surveyId, unitId, channel: 'phone', respondent: '业主', ratings: codes.map((code) => ({ code, rating: rating(code) })), recordedBy: clerk, answeredAt: at(`${day}T10:00`), ...extra }).returning();

  // June: the survey ran 1–20 June; two items rated unsatisfied, a measure for one of them overdue since the 25th;
  // one answer found forged, one drawn for a call never made, one confirmed; not published.
  const june = await survey('2025-06-01', '2025-06-20');
  const low = (c: string) => (c === weak || c === measured ? 'unsatisfied' : 'satisfied');
  const [forged] = await answer(june.id, us[0], '2025-06-02', () => 'satisfied', { verifySelectedAt: at('2025-06-03T09:00'), verifyOutcome: 'never_asked', verifiedAt: at('2025-06-04T09:00'), forged: true });
  const [uncalled] = await answer(june.id, us[1], '2025-06-05', low, { verifySelectedAt: at('2025-06-06T09:00') });
  await answer(june.id, us[2], '2025-06-07', low, { verifySelectedAt: at('2025-06-08T09:00'), verifyOutcome: 'confirmed', verifiedAt: at('2025-06-09T09:00') });
  await answer(june.id, us[3], '2025-06-08', low);
  const [late] = await db.insert(surveyMeasures).values({ companyId: keeper.companyId, projectId: bsy, surveyId: june.id, itemCode: measured, action: '增加保洁频次', ownerId: keeper.userId, dueOn: '2025-06-25', dueAt: at('2025-06-25T23:59'), createdBy: keeper.userId, createdAt: at('2025-06-21T10:00') }).returning();
  assert.deepEqual(await run('CS-52', bsy, '2025-06'), { count: 1, records: [`survey_item:${june.id}/${weak}`] });
  assert.deepEqual(await run('CS-53', bsy, '2025-06'), { count: 1, records: [`survey:${june.id}`] });
  assert.deepEqual(await run('CS-54', bsy, '2025-06'), { count: 1, records: [`survey_measure:${june.id}/${late.id}`] });
  assert.deepEqual(await run('CS-55', bsy, '2025-06'), { count: 2, records: [`survey_answer:${june.id}/${forged.id}`, `survey_answer:${june.id}/${uncalled.id}`] });
  // Judged on 10 June, the survey still taking answers: only the forged answer counts.
  const tenth = at('2025-06-10T12:00');
  for (const code of ['CS-52', 'CS-53', 'CS-54']) assert.deepEqual(await run(code, bsy, '2025-06', tenth), { count: 0, records: [] }, code);
  assert.deepEqual(await run('CS-55', bsy, '2025-06', tenth), { count: 1, records: [`survey_answer:${june.id}/${forged.id}`] });
  // A measure closed after its deadline was overdue in June, not once closed: judged in July it is done.
  await db.update(surveyMeasures).set({ status: 'done', closedAt: at('2025-07-02T10:00') }).where(eq(surveyMeasures.id, late.id));
  assert.equal((await run('CS-54', bsy, '2025-06')).count, 1);
  assert.equal((await run('CS-54', bsy, '2025-07')).count, 0);

  // August: a survey kept — every weak item measured and its measure done in time, every drawn answer
  // called back and confirmed, the results published.
  const aug = await survey('2025-08-01', '2025-08-10', { status: 'published', publishedAt: at('2025-08-15T10:00') });
  await answer(aug.id, us[0], '2025-08-02', low, { verifySelectedAt: at('2025-08-03T09:00'), verifyOutcome: 'confirmed', verifiedAt: at('2025-08-04T09:00') });
  await answer(aug.id, us[1], '2025-08-03', () => 'satisfied');
  for (const code of [weak, measured])
    await db.insert(surveyMeasures).values({ companyId: keeper.companyId, projectId: bsy, surveyId: aug.id, itemCode: code, action: '整改', ownerId: keeper.userId, dueOn: '2025-08-20', dueAt: at('2025-08-20T23:59'), status: 'done', closedAt: at('2025-08-18T10:00'), createdBy: keeper.userId, createdAt: at('2025-08-11T10:00') });
  for (const code of ['CS-52', 'CS-53', 'CS-54', 'CS-55']) assert.deepEqual(await run(code, bsy, '2025-08'), { count: 0, records: [] }, code);
  // Another project's survey proves nothing here: 翠湖苑 in May 2025 has none of its own.
  assert.deepEqual(await run('CS-52', chy, '2025-05'), { count: 1, records: ['survey_missing:2025-05'] });
});
