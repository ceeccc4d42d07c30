// CP-01..CP-04 complaints and their flags; RV-02 supervision of return visits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { closedPaidOrder, paidOrder, principalOf, userId } from '../../test/desk';
import { createCase } from '../cases/commands/create-case';
import { sweepOverdue } from '../deadlines/jobs';
import { recordAttempt } from '../followups/commands/record-attempt';
import { followups } from '../followups/tables';
import { notifications } from '../notifications/tables';
import { toLocal } from '../../platform/clock';

let t: TestApp;
let chy: string;
let clerk: Client;
let sup: Client;
let unitIds: string[];
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  sup = await t.as('ch-super');
  // Units with no desk history, so the flags each test expects are its own.
  unitIds = rowsOf<{ id: string }>(await t.database.db.execute(sql`select u.id from units u where u.project_id = ${chy} and not exists (select 1 from cases c where c.unit_id = u.id) order by u.sort_key limit 20`)).map((r) => r.id);
  assert.equal(unitIds.length, 20);
});
after(() => t.close());

const complaint = (unitId: string, extra: Record<string, unknown> = {}) => ({
  projectId: chy,
  channel: 'phone',
  unitId,
  callerName: '周先生',
  callerPhone: '13611112222',
  content: '维修师傅上门态度很差，说话不耐烦',
  confirmedWithCaller: true,
  type: 'attitude',
  ...extra,
});

test('CP-01 a complaint is recorded, classified, assigned, resolved, answered within 24 h and followed up with the verdict', async () => {
  assert.equal((await (await t.as('ch-tech')).post('/api/complaints', complaint(unitIds[0]))).status, 403);
  assert.equal((await clerk.post('/api/complaints', complaint(unitIds[0], { type: 'smell' }))).status, 400);
  const res = await clerk.post('/api/complaints', complaint(unitIds[0]));
  assert.equal(res.status, 201);
  let k = res.body;
  assert.equal(k.type, 'attitude');
  assert.equal(k.severity, 'normal');
  const reply = k.deadlines.find((d: { kind: string }) => d.kind === 'reply');
  assert.equal(new Date(reply.dueAt).getTime() - new Date(k.createdAt).getTime(), 24 * 3_600_000);

  const handler = await userId(t.database.db, 'ch-eng');
  assert.equal((await clerk.post(`/api/complaints/${k.id}/actions`, { action: 'assign', version: k.version, handlerId: handler })).status, 403, 'the desk does not assign');
  assert.equal((await (await t.as('gm-super')).post(`/api/complaints/${k.id}/actions`, { action: 'assign', version: k.version, handlerId: handler })).status, 404);
  k = (await sup.post(`/api/complaints/${k.id}/actions`, { action: 'assign', version: k.version, handlerId: handler })).body;
  assert.equal(k.handlerName !== null, true);
  assert.equal((await clerk.post(`/api/complaints/${k.id}/actions`, { action: 'followup', version: k.version, verdict: 'satisfied' })).body.error, 'not_resolved');
  const eng = await t.as('ch-eng');
  k = (await eng.post(`/api/complaints/${k.id}/actions`, { action: 'resolve', version: k.version, resolution: '已约谈维修工并向业主道歉', valid: true })).body;
  assert.equal(k.status, 'resolved');
  const fu = k.deadlines.find((d: { kind: string }) => d.kind === 'cp_followup');
  assert.ok(new Date(fu.dueAt).getTime() - new Date(k.resolvedAt).getTime() > 6 * 86_400_000, 'CP-01: a week for the follow-up');
  assert.equal((await clerk.post(`/api/complaints/${k.id}/actions`, { action: 'followup', version: k.version, verdict: 'satisfied' })).body.error, 'not_replied');

  const kase = (await clerk.get(`/api/cases/${k.caseId}`)).body;
  assert.ok(!kase.actions.includes('close'));
  const replied = (await clerk.post(`/api/cases/${k.caseId}/reply`, { version: kase.version, reply: '已处理并致歉' })).body;
  assert.equal((await clerk.post(`/api/cases/${k.caseId}/close`, { version: replied.version })).body.error, 'complaint_needs_followup');
  // Unsatisfied: back to handling; satisfied: the complaint and its case close.
  k = (await clerk.post(`/api/complaints/${k.id}/actions`, { action: 'followup', version: k.version, verdict: 'unsatisfied', note: '仍不满意' })).body;
  assert.equal(k.status, 'open');
  k = (await eng.post(`/api/complaints/${k.id}/actions`, { action: 'resolve', version: k.version, resolution: '调换维修人员并再次上门致歉', valid: true })).body;
  k = (await clerk.post(`/api/complaints/${k.id}/actions`, { action: 'followup', version: k.version, verdict: 'fairly_satisfied' })).body;
  assert.equal(k.status, 'closed');
  assert.equal(k.caseStatus, 'closed');
  assert.ok(k.deadlines.every((d: { metAt: string | null }) => d.metAt));
  assert.equal((await sup.post(`/api/complaints/${k.id}/actions`, { action: 'progress', version: k.version, note: 'x' })).body.error, 'complaint_closed');
  // CP-02: the valid attitude complaint is flagged.
  assert.ok(k.flags.some((f: { kind: string }) => f.kind === 'valid_attitude'));
});

test('CP-02 repeat complaints and requests turned complaints are flagged on arrival, with the case they relate to', async () => {
  const first = (await clerk.post('/api/complaints', complaint(unitIds[1], { type: 'noise', content: '楼上夜间装修噪音' }))).body;
  assert.deepEqual(first.flags, []);
  const other = (await clerk.post('/api/complaints', complaint(unitIds[1], { type: 'fee', content: '物业费计算有误' }))).body;
  assert.deepEqual(other.flags, [], 'another issue is not a repeat');
  const again = (await clerk.post('/api/complaints', complaint(unitIds[1], { type: 'noise', content: '噪音问题仍未解决' }))).body;
  assert.deepEqual(
    again.flags.map((f: { kind: string; relatedCaseNumber: string }) => [f.kind, f.relatedCaseNumber]),
    [['repeat_complaint', first.caseNumber]],
  );

  // An unanswered repair request of the same unit, and then the owner complains.
  const p = await principalOf(t.database.db, 'ch-clerk');
  const repair = await createCase(t.database.db, p, { projectId: chy, channel: 'phone', category: 'repair', unitId: unitIds[2], callerName: '吴女士', callerPhone: '13622223333', content: '卫生间漏水', confirmedWithCaller: true });
  const turned = (await clerk.post('/api/complaints', complaint(unitIds[2], { type: 'quality', content: '报修三天没人来' }))).body;
  assert.deepEqual(turned.flags.map((f: { kind: string; relatedCaseId: string }) => [f.kind, f.relatedCaseId]), [['request_turned_complaint', repair.id]]);
  // The clerk may name the request explicitly.
  const named = (await clerk.post('/api/complaints', complaint(unitIds[3], { type: 'quality', relatedCaseId: repair.id }))).body;
  assert.equal(named.flags[0].relatedCaseNumber, repair.number);
});

test('CP-02 a request turned complaint is the same matter: a noise complaint is not flagged for a faucet repair of the unit a minute earlier', async () => {
  const p = await principalOf(t.database.db, 'ch-clerk');
  const faucet = await createCase(t.database.db, p, {
    projectId: chy, channel: 'phone', category: 'repair', unitId: unitIds[5], callerName: '周先生', callerPhone: '13622224444', content: '厨房水龙头滴水', confirmedWithCaller: true,
    order: { trade: 'water', priority: 'normal', locationKind: 'unit', description: '厨房水龙头滴水', department: 'engineering' },
  });
  const noise = (await clerk.post('/api/complaints', complaint(unitIds[5], { type: 'noise', content: '楼上夜间噪音' }))).body;
  assert.deepEqual(noise.flags, [], 'noise is another matter than a faucet');
  const cleaning = (await clerk.post('/api/complaints', complaint(unitIds[5], { type: 'environment', content: '楼道长期无人打扫' }))).body;
  assert.deepEqual(cleaning.flags, [], 'a water repair is not an environment matter');
  const facility = (await clerk.post('/api/complaints', complaint(unitIds[5], { type: 'facility', content: '水龙头报修至今无人处理' }))).body;
  assert.deepEqual(facility.flags.map((f: { kind: string; relatedCaseId: string }) => [f.kind, f.relatedCaseId]), [['request_turned_complaint', faucet.id]]);
  // The type is required: a complaint without one is refused with the field named, nothing is saved.
  const { type: _type, ...untyped } = complaint(unitIds[6], { content: '没有选择类型' });
  const refused = await clerk.post('/api/complaints', untyped);
  assert.equal(refused.status, 400);
  assert.ok(refused.body.fields.some((f: { path: string }) => f.path === 'type'));
});

test('CP-02 a request with no action past its deadline is flagged by the sweeper and listed with the month’s flags', async () => {
  const p = await principalOf(t.database.db, 'ch-clerk');
  const at = new Date(Date.now() - 30 * 3_600_000);
  const ignored = await createCase(t.database.db, p, { projectId: chy, channel: 'phone', category: 'consultation', unitId: unitIds[4], callerName: '郑先生', callerPhone: '13633334444', content: '咨询停车位租赁', confirmedWithCaller: true }, at);
  const answered = await createCase(t.database.db, p, { projectId: chy, channel: 'phone', category: 'consultation', unitId: unitIds[5], callerName: '冯女士', callerPhone: '13633335555', content: '咨询门禁卡补办', confirmedWithCaller: true, answerNow: '带身份证到前台补办' }, at);
  await sweepOverdue(t.database.db);
  const month = toLocal(new Date(), 'Asia/Shanghai').date.slice(0, 7);
  const flags = (await sup.get(`/api/flags?projectId=${chy}&month=${month}&kind=no_action`)).body;
  assert.ok(flags.items.some((f: { caseId: string }) => f.caseId === ignored.id));
  assert.ok(!flags.items.some((f: { caseId: string }) => f.caseId === answered.id));
  assert.ok(flags.counts.no_action >= 1);
  assert.equal((await (await t.as('gm-super')).get(`/api/flags?projectId=${chy}&month=${month}`)).status, 404);
  assert.equal((await (await t.as('ch-tech')).get(`/api/flags?projectId=${chy}&month=${month}`)).status, 403);
});

test('CP-03 a major complaint raises severity and tells the project manager and the quality department', async () => {
  const db = t.database.db;
  const [manager, quality] = await Promise.all([userId(db, 'ch-manager'), userId(db, 'quality')]);
  const major = (await clerk.post('/api/complaints', complaint(unitIds[6], { type: 'facility', majorReasons: ['media', 'collective'], content: '多户业主联名投诉电梯频繁故障，已联系电视台' }))).body;
  assert.equal(major.severity, 'major');
  const told = await db.select().from(notifications).where(and(eq(notifications.entityId, major.id), eq(notifications.kind, 'major_complaint')));
  assert.deepEqual(told.map((n) => n.userId).sort(), [manager, quality].sort());
  const managerView = (await (await t.as('ch-manager')).get('/api/notifications')).body.items.find((n: { entityId: string }) => n.entityId === major.id);
  assert.match(managerView.title, /重大投诉.*设施设备/);
  assert.equal(managerView.link, `/complaints/${major.id}`);

  const normal = (await clerk.post('/api/complaints', complaint(unitIds[7], { type: 'environment' }))).body;
  assert.equal((await clerk.post(`/api/complaints/${normal.id}/actions`, { action: 'escalate', version: normal.version, majorReasons: ['group_escalation'] })).status, 403);
  const escalated = (await sup.post(`/api/complaints/${normal.id}/actions`, { action: 'escalate', version: normal.version, majorReasons: ['group_escalation'] })).body;
  assert.equal(escalated.severity, 'major');
  assert.equal((await db.select().from(notifications).where(and(eq(notifications.entityId, normal.id), eq(notifications.kind, 'major_complaint')))).length, 2);
});

test('CP-04 company-level complaints: contact within 24 h and a progress report to quality every 2 days until closed', async () => {
  const k0 = (await clerk.post('/api/complaints', complaint(unitIds[8], { channel: 'group_hotline', type: 'quality', content: '集团热线转来：外墙渗水多次报修未解决' }))).body;
  assert.equal(k0.companyLevel, true);
  const dl = (k: { deadlines: { kind: string; dueAt: string; metAt: string | null }[] }, kind: string) => k.deadlines.find((d) => d.kind === kind)!;
  assert.equal(new Date(dl(k0, 'cp_contact').dueAt).getTime() - new Date(k0.createdAt).getTime(), 24 * 3_600_000);
  const firstProgress = new Date(dl(k0, 'cp_progress').dueAt).getTime();
  assert.ok(firstProgress - new Date(k0.createdAt).getTime() > 2 * 86_400_000 - 86_400_000 && firstProgress - new Date(k0.createdAt).getTime() <= 3 * 86_400_000);

  const manager = await t.as('ch-manager');
  const contacted = (await manager.post(`/api/complaints/${k0.id}/actions`, { action: 'contact', version: k0.version, note: '项目经理已电话联系业主，约定明日上门查看' })).body;
  assert.ok(dl(contacted, 'cp_contact').metAt);
  const reported = (await manager.post(`/api/complaints/${k0.id}/actions`, { action: 'progress', version: contacted.version, note: '已安排外墙打胶，预计周五完工' })).body;
  assert.equal(dl(reported, 'cp_progress').metAt, null, 'the next report is due until the complaint closes');
  assert.ok(new Date(dl(reported, 'cp_progress').dueAt).getTime() >= firstProgress);
  const quality = await userId(t.database.db, 'quality');
  assert.ok((await t.database.db.select().from(notifications).where(and(eq(notifications.entityId, k0.id), eq(notifications.kind, 'complaint_progress')))).some((n) => n.userId === quality));

  const local = (await clerk.post('/api/complaints', complaint(unitIds[9], { type: 'noise' }))).body;
  assert.equal((await sup.post(`/api/complaints/${local.id}/actions`, { action: 'contact', version: local.version, note: '联系' })).body.error, 'not_company_level');
  assert.ok(!local.deadlines.some((d: { kind: string }) => d.kind.startsWith('cp_')));
});

test('RV-02 the supervisor re-checks 30% and the manager 10% of return visits; outcomes and achieved ratios are kept', async () => {
  const db = t.database.db;
  const desk = await principalOf(db, 'ch-clerk');
  for (let i = 0; i < 7; i++) {
    const o = await closedPaidOrder(db, t.storage, 'ch', await paidOrder(db, 'ch-clerk', chy));
    const [f] = await db.select().from(followups).where(eq(followups.orderId, o.id));
    await recordAttempt(db, desk, f.id, { version: f.version, outcome: 'reached', channel: 'phone', verdict: 'satisfied', solved: true, note: '客户表示满意' });
  }
  const month = toLocal(new Date(), 'Asia/Shanghai').date.slice(0, 7);
  const s = (await sup.get(`/api/supervision?projectId=${chy}&month=${month}`)).body;
  for (const r of s.ratios) assert.equal(r.selected, Math.ceil(r.visits * r.target - 1e-9), `${r.level}: ceil(visits × rate) drawn`);
  assert.deepEqual(s.ratios.map((r: { source: string; target: number }) => `${r.source} ${r.target}`), ['followup 0.3', 'followup 0.1', 'visit 0.3', 'visit 0.1'], 'return visits and home visits (CR-02), each at both levels');

  const mine = s.items.find((i: { source: string; level: string; mayCheck: boolean }) => i.source === 'followup' && i.level === 'supervisor' && i.mayCheck);
  const managers = s.items.find((i: { source: string; level: string }) => i.source === 'followup' && i.level === 'manager');
  assert.equal((await sup.post(`/api/supervision/${managers.id}`, { version: managers.version, outcome: 'genuine' })).status, 403, 'the manager’s sample is the manager’s');
  assert.equal((await clerk.get(`/api/supervision?projectId=${chy}&month=${month}`)).status, 404, 'the desk does not see who is checked');
  const checked = await sup.post(`/api/supervision/${mine.id}`, { version: mine.version, outcome: 'not_genuine', note: '客户称未接到回访电话' });
  assert.equal(checked.status, 200);
  assert.equal((await sup.post(`/api/supervision/${mine.id}`, { version: checked.body.version, outcome: 'genuine' })).body.error, 'already_checked');
  const after = (await sup.get(`/api/supervision?projectId=${chy}&month=${month}&level=supervisor`)).body;
  const ratio = after.ratios[0];
  assert.equal(ratio.notGenuine, 1);
  assert.equal(ratio.achieved, ratio.checked / ratio.visits);
  const flags = (await sup.get(`/api/flags?projectId=${chy}&month=${month}&kind=fake_followup`)).body;
  assert.ok(flags.items.some((f: { note: string }) => f.note === '客户称未接到回访电话'));
  const mgr = await t.as('ch-manager');
  const m = (await mgr.get(`/api/supervision?projectId=${chy}&month=${month}&level=manager`)).body.items.find((i: { mayCheck: boolean }) => i.mayCheck);
  assert.equal((await mgr.post(`/api/supervision/${m.id}`, { version: m.version, outcome: 'unreachable' })).status, 200);
});
