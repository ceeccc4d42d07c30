// QI-05 / QI-04: monthly repair KPIs equal a recount from the orders' event history; the ranking orders projects by score.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { principalOf, repairCase, SIGNATURE } from '../../test/desk';
import { auditEvents } from '../../platform/tables';
import { toLocal } from '../../platform/clock';
import { transitionSeen } from '../workorders/commands/transition-order';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

const at = (s: string) => new Date(s + ':00+08:00');

test('QI-05 the month\'s KPIs equal a recount from the event history, in the project\'s timezone', async () => {
  const db = t.database.db;
  const [eng, tech, clerk] = await Promise.all([principalOf(db, 'ch-eng'), principalOf(db, 'ch-tech'), principalOf(db, 'ch-clerk')]);
  const run = async (reported: string, steps: [string, string][]) => {
    let o = (await repairCase(db, 'ch-clerk', chy, { now: at(reported) })).orders[0];
    for (const [action, when] of steps) {
      const who = action === 'dispatch' ? eng : action === 'close' ? clerk : tech;
      const extra = action === 'dispatch' ? { assigneeId: tech.userId } : action === 'complete' ? { result: '好', materials: [], signature: SIGNATURE } : {};
      o = await transitionSeen(db, t.storage, who, o.id, { action, version: o.version, ...extra } as never, at(when));
    }
    return o.id;
  };
  const full = (day: string, dispatchDay = day): [string, string][] => [
    ['dispatch', `${dispatchDay} 12:00`],
    ['accept', `${dispatchDay} 12:10`],
    ['start', `${dispatchDay} 12:20`],
    ['complete', `${dispatchDay} 13:00`],
    ['close', `${dispatchDay} 14:00`],
  ];
  const ids = [
    await run('2026-10-05 09:00', full('2026-10-05')),
    await run('2026-10-06 23:30', full('2026-10-07')), // dispatched the next morning: not the same day
    await run('2026-10-31 23:50', []), // 15:50 UTC, still October in Beijing
    await run('2026-11-01 00:10', full('2026-11-01')), // October 31 in UTC, November in Beijing
  ];

  const k = (await (await t.as('ch-manager')).get(`/api/projects/${chy}/kpis?month=2026-10`)).body;
  // Recount from the events: orders created in Beijing October, dispatched on their creation day, completed, closed.
  const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'work_order'), inArray(auditEvents.entityId, ids)));
  const day = (d: Date) => toLocal(d, 'Asia/Shanghai').date;
  const october = ids.filter((id) => day(events.find((e) => e.entityId === id && e.action === 'create')!.at).startsWith('2026-10'));
  const first = (id: string, action: string) => events.find((e) => e.entityId === id && e.action === action);
  assert.equal(k.reported, october.length);
  assert.equal(k.reported, 3);
  assert.equal(k.dispatchedSameDay, october.filter((id) => first(id, 'dispatch') && day(first(id, 'dispatch')!.at) === day(first(id, 'create')!.at)).length);
  assert.equal(k.dispatchedSameDay, 1);
  assert.equal(k.completed, october.filter((id) => first(id, 'complete')).length);
  assert.equal(k.closed, 2);
  assert.equal(k.sameDayDispatchRate, 0.3333);
  assert.ok(k.score > 0 && k.score <= 100);
  const nov = (await (await t.as('ch-manager')).get(`/api/projects/${chy}/kpis?month=2026-11`)).body;
  assert.ok(nov.reported >= 1);
  assert.equal((await (await t.as('ch-manager')).get(`/api/projects/${chy}/kpis?month=2026-13`)).status, 400);
});

test('QI-04 the ranking lists the projects the user may see, best score first', async () => {
  const admin = (await (await t.as('admin')).get('/api/kpis/ranking?month=2026-10')).body;
  assert.equal(admin.items.length, 3);
  const scores = admin.items.map((i: { score: number }) => i.score);
  assert.deepEqual(scores, [...scores].sort((a: number, b: number) => b - a));
  const clerk = (await (await t.as('ch-clerk')).get('/api/kpis/ranking?month=2026-10')).body;
  assert.deepEqual(clerk.items.map((i: { projectId: string }) => i.projectId), [chy]);
});
