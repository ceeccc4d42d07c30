// QI-04 / QI-05: the monthly KPIs are counted from the event history (the first dispatch of each cycle,
// the project's own WO-02 deadline, replies and follow-ups within their deadlines), served from the
// monthly rollup the commands keep, and equal to a recount from the raw events.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { testApp, testDatabase, type TestApp } from '../../test/harness';
import { closedPaidOrder, paidOrder, principalOf, repairCase, SIGNATURE } from '../../test/desk';
import { localStorage } from '../../platform/storage';
import type { Db } from '../../platform/db';
import { toLocal } from '../../platform/clock';
import { seedDemo } from '../../seed/demo';
import { testVault } from '../../test/templates';
import { seedHistory } from '../../seed/history';
import { createCase } from '../cases/commands/create-case';
import { replyCase } from '../cases/commands/manage-case';
import { complaintAction } from '../complaints/commands/complaint-action';
import { registerComplaint } from '../complaints/commands/register-complaint';
import { recordAttempt } from '../followups/commands/record-attempt';
import { followups } from '../followups/tables';
import { transitionSeen } from '../workorders/commands/transition-order';
import { workOrders } from '../workorders/tables';
import { projects } from '../org/tables';
import { recountProject, zeroCounts } from './recount';
import { kpiMonths } from './tables';
import { KPI_COUNTERS } from './rollup';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

const at = (s: string) => new Date(s + ':00+08:00');
const kpisOf = async (month: string) => (await (await t.as('ch-manager')).get(`/api/projects/${chy}/kpis?month=${month}`)).body;

/** A repair reported at `reported`, then taken through `steps` by the usual actors at the given local times. */
async function repair(reported: string, steps: [string, string][]) {
  const db = t.database.db;
  const [eng, tech, clerk] = await Promise.all([principalOf(db, 'ch-eng'), principalOf(db, 'ch-tech'), principalOf(db, 'ch-clerk')]);
  let o = (await repairCase(db, 'ch-clerk', chy, { now: at(reported) })).orders[0];
  for (const [action, when] of steps) {
    const who = action === 'dispatch' ? eng : action === 'close' ? clerk : tech;
    const extra = action === 'dispatch' ? { assigneeId: tech.userId } : action === 'complete' ? { result: '好', materials: [], signature: SIGNATURE } : {};
    o = await transitionSeen(db, t.storage, who, o.id, { action, version: o.version, ...extra } as never, at(when));
  }
  return o;
}
const done = (day: string): [string, string][] => [
  ['dispatch', `${day} 12:00`],
  ['accept', `${day} 12:10`],
  ['start', `${day} 12:20`],
  ['complete', `${day} 13:00`],
  ['close', `${day} 14:00`],
];

async function visit(orderId: string, when: Date, solved: boolean) {
  const db = t.database.db;
  const [f] = await db.select().from(followups).where(eq(followups.orderId, orderId));
  assert.ok(f, 'selected for a follow-up');
  await recordAttempt(db, await principalOf(db, 'ch-clerk'), f.id, { version: f.version, outcome: 'reached', channel: 'phone', verdict: solved ? 'satisfied' : 'unsatisfied', solved, note: '' }, when);
}

test('WO-02 QI-05 dispatch is counted per cycle from its first dispatch, against the project\'s deadline, with the strict same-day figure beside it', async () => {
  const db = t.database.db;
  // Dispatched on its day, closed, then reopened by an unsolved follow-up and dispatched again: two cycles, both in time.
  const a = await repair('2026-10-05 09:00', done('2026-10-05'));
  await visit(a.id, at('2026-10-06 10:00'), false);
  const [reopened] = await db.select().from(workOrders).where(eq(workOrders.id, a.id));
  await transitionSeen(db, t.storage, await principalOf(db, 'ch-eng'), a.id, { action: 'dispatch', version: reopened.version, assigneeId: (await principalOf(db, 'ch-tech')).userId }, at('2026-10-06 11:00'));
  const [again] = await db.select().from(workOrders).where(eq(workOrders.id, a.id));
  assert.equal(toLocal(again.dispatchedAt!, 'Asia/Shanghai').date, '2026-10-06', 'the field now holds the second dispatch only');
  await repair('2026-10-06 23:30', [['dispatch', '2026-10-07 09:30']]); // after the 20:00 cut-off, by 10:00 next morning: in time, not the same day
  await repair('2026-10-07 23:30', [['dispatch', '2026-10-08 11:00']]); // after 10:00 next morning: late
  await repair('2026-10-31 23:50', []); // still October in Beijing, never dispatched
  await repair('2026-11-01 00:10', [['dispatch', '2026-11-01 08:00']]); // October 31 in UTC, November in Beijing

  const oct = await kpisOf('2026-10');
  assert.equal(oct.counts.repairCycles, 5);
  assert.equal(oct.counts.dispatchedInTime, 3);
  assert.equal(oct.counts.dispatchedSameDay, 2);
  assert.equal(oct.rates.dispatchRate, 0.6);
  assert.equal(oct.rates.sameDayDispatchRate, 0.4);
  assert.equal(oct.counts.completed, 1);
  assert.equal(oct.counts.reworks, 1);
  assert.equal(oct.counts.closedFree, 1);
  assert.equal(oct.counts.followedFree, 1, 'the visit that found it unsolved was done, within 3 days');
  assert.ok(oct.score > 0 && oct.score <= 100);
  const nov = await kpisOf('2026-11');
  assert.equal(nov.counts.repairCycles, 1);
  assert.equal(nov.counts.dispatchedSameDay, 1);
  assert.equal((await (await t.as('ch-manager')).get(`/api/projects/${chy}/kpis?month=2026-13`)).status, 400);
});

test('IN-05 CP-01 the reply rate counts cases replied within their deadline among those due in the month; complaints also by reply and follow-up', async () => {
  const db = t.database.db;
  const clerk = await principalOf(db, 'ch-clerk');
  const ask = (when: string, answerNow?: string) =>
    createCase(db, clerk, { projectId: chy, channel: 'phone', category: 'consultation', callerName: '李女士', callerPhone: '13900001111', content: '停水什么时候恢复', confirmedWithCaller: true, answerNow }, at(when));
  const before = (await kpisOf('2026-09')).counts;
  const c1 = await ask('2026-09-10 09:00');
  await replyCase(db, clerk, c1.id, { version: c1.version, reply: '已告知预计 18 点恢复' }, at('2026-09-10 20:00'));
  const c2 = await ask('2026-09-11 09:00');
  await replyCase(db, clerk, c2.id, { version: c2.version, reply: '已回复', lateReason: '业主电话未接通，次日联系上' }, at('2026-09-12 10:00'));
  await ask('2026-09-12 09:00', '当场答复：明早 8 点恢复供水');
  await ask('2026-09-30 10:00'); // due October 1: not September's
  const k = await registerComplaint(
    db,
    clerk,
    { projectId: chy, channel: 'phone', callerName: '周先生', callerPhone: '13611112222', content: '维修工态度差', confirmedWithCaller: true, type: 'attitude', majorReasons: [] },
    at('2026-09-15 09:00'),
  );
  const kase = (await (await t.as('ch-clerk')).get(`/api/cases/${k.caseId}`)).body;
  await replyCase(db, clerk, k.caseId, { version: kase.version, reply: '已致歉，安排主管处理' }, at('2026-09-15 12:00'));
  const sup = await principalOf(db, 'ch-super');
  const resolved = await complaintAction(db, sup, k.id, { action: 'resolve', version: k.version, resolution: '约谈维修工并上门致歉', valid: true }, at('2026-09-16 10:00'));
  await complaintAction(db, clerk, k.id, { action: 'followup', version: resolved.version, verdict: 'satisfied', note: '' }, at('2026-09-20 10:00'));

  const c = (await kpisOf('2026-09')).counts;
  assert.equal(c.repliesDue - before.repliesDue, 4, 'three questions and the complaint; the case of the 30th falls due in October');
  assert.equal(c.repliedInTime - before.repliedInTime, 3, 'in time, on the spot, and the complaint; the reply after 25 h is late');
  assert.equal(c.complaintRepliesDue - before.complaintRepliesDue, 1);
  assert.equal(c.complaintRepliedInTime - before.complaintRepliedInTime, 1);
  assert.equal(c.complaintFollowupsDue - before.complaintFollowupsDue, 1);
  assert.equal(c.complaintFollowedInTime - before.complaintFollowedInTime, 1, 'followed up 4 days after the resolution, within the week');
});

test('WO-07 PS-08 paid and free follow-up rates apart, each counting follow-ups done within their 3-day deadline', async () => {
  const db = t.database.db;
  const month = toLocal(new Date(), 'Asia/Shanghai').date.slice(0, 7);
  const before = (await kpisOf(month)).counts;
  const p1 = await closedPaidOrder(db, t.storage, 'ch', await paidOrder(db, 'ch-clerk', chy));
  const p2 = await closedPaidOrder(db, t.storage, 'ch', await paidOrder(db, 'ch-clerk', chy));
  await visit(p1.id, new Date(Date.now() + 86_400_000), true);
  await visit(p2.id, new Date(Date.now() + 5 * 86_400_000), true); // after its 3-day deadline: not counted
  const c = (await kpisOf(month)).counts;
  assert.equal(c.closedPaid - before.closedPaid, 2);
  assert.equal(c.followedPaid - before.followedPaid, 1);
  assert.equal(c.closedFree - before.closedFree, 0, 'paid orders never count toward the free rate');

  // Free repairs in August: the first close of the month is sampled; its visit comes too late.
  const f1 = await repair('2026-08-03 09:00', done('2026-08-03'));
  await repair('2026-08-04 09:00', done('2026-08-04'));
  await visit(f1.id, at('2026-08-10 10:00'), true);
  const aug = await kpisOf('2026-08');
  assert.equal(aug.counts.closedFree, 2);
  assert.equal(aug.counts.followedFree, 0);
  assert.equal(aug.rates.freeFollowupRate, 0);
});

/** Every project's rollup rows against the recount from its events. */
async function assertRollupEqualsRecount(db: Db) {
  for (const { id } of await db.select({ id: projects.id }).from(projects)) {
    const recount = await recountProject(db, id);
    const rows = await db.select().from(kpiMonths).where(eq(kpiMonths.projectId, id));
    const months = new Set([...recount.keys(), ...rows.map((r) => r.month)]);
    for (const m of months) {
      const row = rows.find((r) => r.month === m);
      const rolled = Object.fromEntries(KPI_COUNTERS.map((c) => [c, row ? row[c] : 0]));
      assert.deepEqual(rolled, recount.get(m) ?? zeroCounts(), `project ${id}, month ${m}`);
    }
  }
}

test('QI-05 the rollup equals a recount from the raw events, for every project and month written above', () => assertRollupEqualsRecount(t.database.db));

test('QI-05 generated desk history (all of October 2026): the rollup equals the recount, and October\'s KPIs from the KPI query equal the recount from the events', async () => {
  const database = await testDatabase('empty');
  try {
    const db = database.db;
    const storage = localStorage(`${process.env.TMPDIR ?? '/tmp'}/kpi-history-files-${process.pid}`);
    const demo = (await seedDemo(db, { small: true, vault: testVault }))!;
    const now = new Date('2026-11-04T12:00:00+08:00');
    await seedHistory(db, storage, demo, { days: 38, perDay: 2, now });
    await assertRollupEqualsRecount(db);

    // The last whole month, read through the KPI query, against the recount of the same project's events.
    const ch = demo.projects.find((p) => p.key === 'ch')!;
    const month = '2026-10';
    const { projectKpis } = await import('./queries');
    const admin = await principalOf(db, 'admin');
    const served = await projectKpis(db, admin, ch.id, month);
    const recounted = (await recountProject(db, ch.id)).get(month);
    assert.ok(recounted && recounted.repairCycles > 10, `a month with repairs to compare (${JSON.stringify(recounted)})`);
    assert.deepEqual(served.counts, recounted);
  } finally {
    await database.close();
  }
});

test('QI-04 the ranking lists the projects the user may see, best score first', async () => {
  const admin = (await (await t.as('admin')).get('/api/kpis/ranking?month=2026-10')).body;
  assert.equal(admin.items.length, 3);
  const scores = admin.items.map((i: { score: number }) => i.score);
  assert.deepEqual(scores, [...scores].sort((a: number, b: number) => b - a));
  const clerk = (await (await t.as('ch-clerk')).get('/api/kpis/ranking?month=2026-10')).body;
  assert.deepEqual(clerk.items.map((i: { projectId: string }) => i.projectId), [chy]);
});
