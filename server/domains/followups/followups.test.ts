// WO-07, WO-09, RV-01: the follow-up sampler, attempts with a retry limit, verdicts and free rework.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { closedPaidOrder, paidOrder, principalOf, repairCase, SIGNATURE } from '../../test/desk';
import { transitionSeen } from '../workorders/commands/transition-order';
import { workOrders } from '../workorders/tables';
import { systematicPick } from './sampler';

let t: TestApp;
let chy: string;
let clerk: Client;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
});
after(() => t.close());


/** A repair taken to "closed" through the same commands the API uses. */
async function closedOrder(paid = false) {
  const db = t.database.db;
  if (paid) return closedPaidOrder(db, t.storage, 'ch', await paidOrder(db, 'ch-clerk', chy));
  const [eng, tech, desk] = await Promise.all([principalOf(db, 'ch-eng'), principalOf(db, 'ch-tech'), principalOf(db, 'ch-clerk')]);
  const o = (await repairCase(db, 'ch-clerk', chy)).orders[0];
  let r = await transitionSeen(db, t.storage, eng, o.id, { action: 'dispatch', version: o.version, assigneeId: tech.userId });
  r = await transitionSeen(db, t.storage, tech, o.id, { action: 'accept', version: r.version });
  r = await transitionSeen(db, t.storage, tech, o.id, { action: 'start', version: r.version });
  r = await transitionSeen(db, t.storage, tech, o.id, { action: 'complete', version: r.version, result: '已修复', materials: [], signature: SIGNATURE });
  return transitionSeen(db, t.storage, desk, o.id, { action: 'close', version: r.version });
}

test('WO-07 the systematic sampler selects at least the rate at every moment, and exactly ceil(n × rate) of n', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0.3, max: 1, noNaN: true }), (n, rate) => {
      let picked = 0;
      for (let i = 1; i <= n; i++) if (systematicPick(i, rate)) picked++;
      return picked === Math.ceil(n * rate - 1e-9) && picked >= n * rate - 1e-9;
    }),
  );
});

test('WO-07 100% of paid orders and ≥30% of free repairs are selected; the achieved rate is shown', async () => {
  const free = [];
  for (let i = 0; i < 10; i++) free.push(await closedOrder());
  const paid = [await closedOrder(true), await closedOrder(true)];
  assert.equal(free.filter((o) => o.followupSelected).length, 3, 'ceil(10 × 0.3)');
  assert.ok(free[0].followupSelected, 'the first free order of the month is selected, so the rate never starts below target');
  assert.ok(paid.every((o) => o.followupSelected));
  const queue = await clerk.get(`/api/followups?projectId=${chy}`);
  assert.equal(queue.status, 200);
  assert.equal(queue.body.rate.closedFree, 10);
  assert.equal(queue.body.rate.selectedFree, 3);
  assert.equal(queue.body.rate.closedPaid, 2);
  assert.equal(queue.body.rate.selectedPaid, 2);
  assert.equal(queue.body.items.length, 5);
  assert.ok(queue.body.items.every((f: { dueAt: string }) => new Date(f.dueAt) > new Date()), 'due within 3 days of completion');
});

test('RV-01 attempts: not reached until the retry limit, then unreachable; a finished follow-up takes no more', async () => {
  await closedOrder(true);
  const queue = (await clerk.get(`/api/followups?projectId=${chy}`)).body.items;
  let f = queue[queue.length - 1];
  for (let i = 1; i <= 3; i++) {
    const r = await clerk.post(`/api/followups/${f.id}/attempts`, { version: f.version, outcome: 'not_reached', channel: 'phone' });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, i < 3 ? 'pending' : 'unreachable');
    f = { ...f, version: r.body.version };
  }
  const more = await clerk.post(`/api/followups/${f.id}/attempts`, { version: f.version, outcome: 'not_reached', channel: 'phone' });
  assert.equal(more.status, 409);
});

test('RV-01 / WO-09 a reached customer gives a verdict; unsolved reopens the order as free rework; solved ends it', async () => {
  const o = await closedOrder(true);
  const f = (await clerk.get(`/api/followups?projectId=${chy}`)).body.items.find((x: { orderId: string }) => x.orderId === o.id);
  const noVerdict = await clerk.post(`/api/followups/${f.id}/attempts`, { version: f.version, outcome: 'reached', channel: 'phone' });
  assert.equal(noVerdict.status, 400);
  assert.equal(noVerdict.body.fields[0].path, 'verdict');
  const unsolved = await clerk.post(`/api/followups/${f.id}/attempts`, { version: f.version, outcome: 'reached', channel: 'phone', verdict: 'unsatisfied', solved: false, note: '仍有滴水' });
  assert.equal(unsolved.status, 200);
  const [reopened] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, o.id));
  assert.equal(reopened.status, 'reported');
  assert.equal(reopened.reworkCount, 1);
  assert.equal(reopened.acceptance, null);

  // The rework is done and closed again: its follow-up is mandatory, and this time the customer is satisfied.
  const db = t.database.db;
  const [eng, tech, desk] = await Promise.all([principalOf(db, 'ch-eng'), principalOf(db, 'ch-tech'), principalOf(db, 'ch-clerk')]);
  let r = await transitionSeen(db, t.storage, eng, o.id, { action: 'dispatch', version: reopened.version, assigneeId: tech.userId });
  r = await transitionSeen(db, t.storage, tech, o.id, { action: 'accept', version: r.version });
  r = await transitionSeen(db, t.storage, tech, o.id, { action: 'start', version: r.version });
  r = await transitionSeen(db, t.storage, tech, o.id, { action: 'complete', version: r.version, result: '更换整套龙头', materials: [], signature: SIGNATURE });
  r = await transitionSeen(db, t.storage, desk, o.id, { action: 'close', version: r.version });
  assert.equal(r.followupSelected, true);
  const f2 = (await clerk.get(`/api/followups?projectId=${chy}`)).body.items.find((x: { orderId: string }) => x.orderId === o.id);
  const ok = await clerk.post(`/api/followups/${f2.id}/attempts`, { version: f2.version, outcome: 'reached', channel: 'on_site', verdict: 'satisfied', solved: true });
  assert.equal(ok.body.status, 'done');
  const detail = (await clerk.get(`/api/work-orders/${o.id}`)).body;
  assert.equal(detail.status, 'followed_up');
  assert.equal(detail.reworkCount, 1);
  assert.deepEqual(
    detail.events.map((e: { action: string }) => e.action).filter((a: string) => ['rework', 'followed_up'].includes(a)),
    ['rework', 'followed_up'],
  );
  assert.equal((await (await t.as('ch-tech')).get(`/api/followups?projectId=${chy}`)).status, 403);
  assert.equal((await (await t.as('gm-clerk')).get(`/api/followups?projectId=${chy}`)).status, 404);
});
