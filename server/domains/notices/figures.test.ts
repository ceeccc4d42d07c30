// NT-02..NT-05 computed figures of one project and month: the overdue take-down, the board's staleness,
// the briefing's deadline and its 15 days, the annual publication in Q1 and the delivery coverage.
// Everything happens in 2025 (commands run with a given clock), where the demo has no notices.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { NOTICE_STATUSES, type TNoticeAction, type TNoticeDraft } from '../../../common/notices';
import { toLocal } from '../../platform/clock';
import type { Principal } from '../../platform/policy';
import { principalOf, SIGNATURE } from '../../test/desk';
import { testApp, type TestApp } from '../../test/harness';
import { noticeInput } from '../../test/notice-fixtures';
import { units } from '../org/tables';
import { draftNotice } from './commands/draft-notice';
import { attachNoticePhoto, recordDeliveries } from './commands/record-delivery';
import { transitionNotice } from './commands/transition-notice';
import { expireNotices } from './jobs';
import { notices } from './tables';

let t: TestApp;
let bsy: string;
let clerk: Principal;
let manager: Principal;
before(async () => {
  t = await testApp();
  bsy = await t.projectId('BSY');
  clerk = await principalOf(t.database.db, 'bs-clerk');
  manager = await principalOf(t.database.db, 'bs-manager');
});
after(() => t.close());

/** Local time in Shenzhen. */
const at = (local: string) => new Date(`${local}:00+08:00`);

/** Drafts at `times[0]`, then each step at the next time; the manager approves. */
async function through(input: Partial<TNoticeDraft>, steps: [TNoticeAction, string][], draftedAt: string) {
  const db = t.database.db;
  let n = await draftNotice(db, clerk, noticeInput(bsy, input), at(draftedAt));
  for (const [action, when] of steps) n = await transitionNotice(db, action === 'approve' ? manager : clerk, n.id, { action, version: n.version }, at(when));
  return n;
}
const approved = (day: string): [TNoticeAction, string][] => [
  ['submit', `${day}T09:00`],
  ['approve', `${day}T10:00`],
];

test('NT-01..NT-05 the demo: notices in every state, one overdue take-down, deliveries at the office and the villas, the villas\' stale board', async () => {
  const db = t.database.db;
  const rows = await db.select({ projectId: notices.projectId, status: notices.status, due: notices.takeDownDueAt, deliveries: sql<number>`(select count(*) from notice_deliveries d where d.notice_id = "notices"."id")::int` }).from(notices);
  const now = new Date();
  for (const code of ['CHY', 'GMZX', 'BSY']) {
    const pid = await t.projectId(code);
    assert.deepEqual([...new Set(rows.filter((r) => r.projectId === pid).map((r) => r.status))].sort(), [...NOTICE_STATUSES].sort(), code);
    const delivered = rows.filter((r) => r.projectId === pid).reduce((s, r) => s + r.deliveries, 0);
    assert.equal(delivered > 0, code !== 'CHY', `${code} deliveries`);
  }
  const overdue = rows.filter((r) => (r.status === 'published' || r.status === 'expired') && r.due && r.due < now);
  assert.equal(overdue.length, 1);
  assert.equal(overdue[0].projectId, await t.projectId('CHY'));
  const month = toLocal(now, 'Asia/Shanghai').date.slice(0, 7);
  const quality = await t.as('quality');
  const bs = (await quality.get(`/api/projects/${bsy}/notice-figures?month=${month}`)).body;
  assert.equal(bs.boardStale, true);
  assert.equal(bs.delivery.required, true);
  const ch = (await quality.get(`/api/projects/${await t.projectId('CHY')}/notice-figures?month=${month}`)).body;
  assert.equal(ch.boardStale, false);
  assert.equal(ch.overdueTakeDowns, 1);
  assert.equal(ch.delivery.required, false);
});

test('NT-02..NT-05 the month figures: overdue take-down, board staleness, briefing deadline and days up, annual publication, coverage', async () => {
  const db = t.database.db;
  // NT-05: February's briefing on time (the 5th) but taken down after 10 days.
  await through({ kind: 'briefing', subject: '1月工作总结及2月工作计划', template: 'briefing', validFrom: '2025-02-05', validTo: '2025-02-28' }, [...approved('2025-02-05'), ['publish', '2025-02-05T11:00'], ['take_down', '2025-02-15T11:00']], '2025-02-04T16:00');
  // NT-05: the annual publication in Q1, up a month.
  await through({ kind: 'annual', subject: '2024年度合同履行情况、收支情况及2025年度预算公示', template: 'annual', validFrom: '2025-02-20', validTo: '2025-03-31' }, [...approved('2025-02-20'), ['publish', '2025-02-20T11:00'], ['take_down', '2025-03-22T09:00']], '2025-02-19T16:00');
  // NT-02: a short notice valid 1–5 March, taken down on the 8th: its take-down was due on the 7th at 00:00.
  const cut = await through({ subject: '计划停水', validFrom: '2025-03-01', validTo: '2025-03-05' }, [...approved('2025-02-28'), ['publish', '2025-03-01T08:00']], '2025-02-27T15:00');
  assert.equal(cut.number, '碧山-通-2025-003');
  assert.equal(cut.takeDownDueAt, at('2025-03-07T00:00').toISOString());
  // the expiry job moves it (and nothing of today's demo) at the end of its validity
  assert.equal(await expireNotices(db, at('2025-03-05T23:00')), 0);
  assert.ok((await expireNotices(db, at('2025-03-06T00:05'))) >= 1);
  let late = await transitionNotice(db, clerk, cut.id, { action: 'take_down', version: cut.version + 1 }, at('2025-03-08T10:00'));
  assert.equal(late.status, 'taken_down');
  assert.equal(late.expiredAt, at('2025-03-06T00:00').toISOString());
  assert.equal(late.takenDownLate, true);
  assert.deepEqual(late.events.map((e) => [e.action, e.actorName === null]), [['draft', false], ['submit', false], ['approve', false], ['publish', false], ['expire', true], ['take_down', false]]);
  await attachNoticePhoto(db, t.storage, clerk, cut.id, { kind: 'posting', name: '公告栏.png', data: SIGNATURE });
  // NT-04: delivered to two villas
  const villas = await db.select({ id: units.id }).from(units).where(eq(units.projectId, bsy));
  await recordDeliveries(db, clerk, cut.id, { unitIds: villas.slice(0, 2).map((v) => v.id), method: 'receipt', recipient: '业主', note: '' }, at('2025-03-01T15:00'));
  // NT-05: March's briefing comes on the 12th — late.
  await through({ kind: 'briefing', subject: '2月工作总结及3月工作计划', template: 'briefing', validFrom: '2025-03-12', validTo: '2025-03-31' }, [...approved('2025-03-12'), ['publish', '2025-03-12T11:00'], ['take_down', '2025-04-01T09:00']], '2025-03-11T16:00');

  const admin = await t.as('quality');
  const feb = (await admin.get(`/api/projects/${bsy}/notice-figures?month=2025-02`)).body;
  assert.equal(feb.published, 2);
  assert.deepEqual(feb.publishedByKind, { general: 0, briefing: 1, annual: 1 });
  assert.equal(feb.briefing.onTime, true);
  assert.equal(feb.briefing.overdue, false);
  assert.equal(feb.briefing.upDays, 10);
  assert.equal(feb.briefing.keptUp, false, 'NT-05: taken down before 15 days');
  assert.equal(feb.overdueTakeDowns, 0);

  const mar = (await admin.get(`/api/projects/${bsy}/notice-figures?month=2025-03`)).body;
  assert.equal(mar.published, 2);
  assert.equal(mar.expired, 1);
  assert.equal(mar.takenDown, 2);
  assert.equal(mar.overdueTakeDowns, 1, 'NT-02: up past its 24 h');
  assert.equal(mar.withoutPostingPhoto, 1, 'NT-03: the briefing has no posting photo');
  assert.equal(mar.boardStale, false);
  assert.equal(mar.briefing.dueAt, at('2025-03-10T00:00').toISOString());
  assert.equal(mar.briefing.onTime, false);
  assert.equal(mar.briefing.overdue, true);
  assert.equal(mar.briefing.keptUp, true);
  assert.equal(mar.annual.onTime, true);
  assert.equal(mar.annual.upDays, 29);
  assert.equal(mar.annual.keptUp, true);
  assert.deepEqual(mar.delivery, { required: true, notices: 2, units: villas.length, delivered: 2, ratio: Math.round((2 / (2 * villas.length)) * 1000) / 1000, fullyDelivered: 0 });

  // NT-03: nothing new since 12 March: by the end of May the board has gone stale (2 months), not by the end of April.
  const apr = (await admin.get(`/api/projects/${bsy}/notice-figures?month=2025-04`)).body;
  assert.equal(apr.boardStale, false);
  assert.equal(apr.published, 0);
  const may = (await admin.get(`/api/projects/${bsy}/notice-figures?month=2025-05`)).body;
  assert.equal(may.boardStale, true);
  assert.equal(may.boardLastChangedAt, at('2025-03-12T11:00').toISOString());
  assert.equal(may.briefing.publishedAt, null);
  assert.equal(may.briefing.overdue, true, 'NT-05: no briefing in May');
  // another project's figures are not shown to this project's staff
  assert.equal((await (await t.as('gm-clerk')).get(`/api/projects/${bsy}/notice-figures?month=2025-03`)).status, 404);
});

test('NT-02 an expired notice still up past 24 h is flagged on the list and counted as overdue this month', async () => {
  const now = new Date();
  // valid until 3 days ago (local), published 10 days ago: due for take-down 2 days ago
  const local = (offset: number) => new Date(now.getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const n = await through({ subject: '电梯年检', validFrom: local(-10), validTo: local(-4) }, [
    ['submit', `${local(-11)}T09:00`],
    ['approve', `${local(-11)}T10:00`],
    ['publish', `${local(-10)}T09:00`],
  ], `${local(-12)}T09:00`);
  await expireNotices(t.database.db);
  const clerkClient = await t.as('bs-clerk');
  const detail = (await clerkClient.get(`/api/notices/${n.id}`)).body;
  assert.equal(detail.status, 'expired');
  assert.equal(detail.takeDownOverdue, true);
  const listed = (await clerkClient.get(`/api/notices?projectId=${bsy}&overdue=1`)).body.items;
  assert.ok(listed.some((x: { id: string }) => x.id === n.id));
  assert.ok(listed.every((x: { takeDownOverdue: boolean }) => x.takeDownOverdue));
  const month = local(0).slice(0, 7);
  const figures = (await clerkClient.get(`/api/projects/${bsy}/notice-figures?month=${month}`)).body;
  assert.ok(figures.overdueTakeDowns >= 1);
});

test('NT-05, X-01 the briefing\'s publish-by-the-10th due time is a shared deadline per project and month: written at the month\'s start, told to the CS supervisor when missed, on the workbench, met by the publication', async () => {
  const db = t.database.db;
  const { deadlines } = await import('../deadlines/tables');
  const { notifications } = await import('../notifications/tables');
  const { sweepOverdue } = await import('../deadlines/jobs');
  const { briefingDeadlineId, ensureBriefingDeadlines } = await import('./briefing-deadline');
  const row = async (month: string) => (await db.select().from(deadlines).where(eq(deadlines.entityId, briefingDeadlineId(bsy, month))))[0];
  // June 2025: the sweeper's round on the 1st writes every project's row once.
  assert.ok((await ensureBriefingDeadlines(db, at('2025-06-01T08:00'))) >= 3);
  assert.equal(await ensureBriefingDeadlines(db, at('2025-06-02T08:00')), 0, 'written once per month');
  let june = await row('2025-06');
  assert.equal(june.kind, 'nt_briefing');
  assert.equal(june.entity, 'briefing');
  assert.equal(june.projectId, bsy);
  assert.equal(june.dueAt.toISOString(), at('2025-06-10T00:00').toISOString());
  assert.equal(june.metAt, null);
  assert.equal(june.responsibleId, null, 'the CS supervisor\'s role answers for it');
  // Missed: the sweeper tells the CS supervisor, naming the month.
  await sweepOverdue(db, at('2025-06-10T01:00'));
  const sup = await principalOf(db, 'bs-super');
  const told = await db.select().from(notifications).where(sql`${notifications.kind} = 'overdue_nt_briefing' and ${notifications.projectId} = ${bsy}`);
  assert.deepEqual(told.map((n) => n.userId), [sup.userId]);
  assert.equal((told[0].params as { number: string }).number, '2025-06');
  // The workbench lists it to the CS supervisor, titled by the month, opening the notices.
  const res = await (await t.as('bs-super')).get('/api/me/todos');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const todos = res.body.items as { kind: string; entityId: string; title: string; link: string }[];
  const todo = todos.find((i) => i.entityId === june.entityId);
  assert.ok(todo, 'on the CS supervisor\'s workbench');
  assert.deepEqual([todo.kind, todo.title, todo.link], ['nt_briefing', '2025-06', '/notices']);
  assert.ok(!(await (await t.as('ch-super')).get('/api/me/todos')).body.items.some((i: { entityId: string }) => i.entityId === june.entityId), 'not another project\'s');
  // Published late on the 12th: met then; a second briefing of the month leaves the time as it was.
  await through({ kind: 'briefing', subject: '5月工作总结及6月工作计划', template: 'briefing', validFrom: '2025-06-12', validTo: '2025-06-30' }, [...approved('2025-06-12'), ['publish', '2025-06-12T11:00']], '2025-06-11T16:00');
  june = await row('2025-06');
  assert.equal(june.metAt?.toISOString(), at('2025-06-12T11:00').toISOString());
  await through({ kind: 'briefing', subject: '6月工作计划补充', template: 'briefing', validFrom: '2025-06-15', validTo: '2025-06-30' }, [...approved('2025-06-15'), ['publish', '2025-06-15T11:00']], '2025-06-14T16:00');
  assert.equal((await row('2025-06')).metAt?.toISOString(), at('2025-06-12T11:00').toISOString());
  assert.ok(!(await (await t.as('bs-super')).get('/api/me/todos')).body.items.some((i: { entityId: string }) => i.entityId === june.entityId), 'met: off the workbench');
  // July, kept: published on the 5th before the month's row was written — the row comes met, nobody is told.
  await through({ kind: 'briefing', subject: '6月工作总结及7月工作计划', template: 'briefing', validFrom: '2025-07-05', validTo: '2025-07-25' }, [...approved('2025-07-05'), ['publish', '2025-07-05T10:00']], '2025-07-04T16:00');
  await ensureBriefingDeadlines(db, at('2025-07-06T08:00'));
  assert.equal((await row('2025-07')).metAt?.toISOString(), at('2025-07-05T10:00').toISOString());
  await sweepOverdue(db, at('2025-07-11T01:00'));
  assert.equal((await db.select().from(notifications).where(sql`${notifications.kind} like '%nt_briefing' and ${notifications.projectId} = ${bsy}`)).length, 1, 'only June\'s miss was told');
});
