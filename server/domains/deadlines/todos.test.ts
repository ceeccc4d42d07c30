// X-01, QI-05: the role home page's to-dos — only the projects the user's roles cover, only their own
// assignments (and the unassigned work their role acts on), nearest due first, counts per kind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { principalOf, repairCase } from '../../test/desk';
import { transitionSeen } from '../workorders/commands/transition-order';
import { workOrders } from '../workorders/tables';
import type { TTodos } from '../../../common/desk';

let t: TestApp;
let chy: string;
let gm: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gm = await t.projectId('GMZX');
});
after(() => t.close());

const todos = async (user: string): Promise<TTodos> => {
  const r = await (await t.as(user)).get('/api/me/todos');
  assert.equal(r.status, 200);
  return r.body;
};

test('QI-05 X-01 a clerk sees the replies they owe in their project, not a colleague\'s nor another project\'s; nearest first, with counts per kind and links', async () => {
  const mine = await repairCase(t.database.db, 'ch-clerk', chy);
  const colleague = await repairCase(t.database.db, 'ch-clerk2', chy);
  const elsewhere = await repairCase(t.database.db, 'gm-clerk', gm);
  const list = await todos('ch-clerk');
  const ids = list.items.map((i) => i.entityId);
  assert.ok(ids.includes(mine.id), 'the reply of their own case');
  assert.ok(!ids.includes(colleague.id), 'not a colleague\'s case');
  assert.ok(!ids.includes(elsewhere.id), 'nothing of another project');
  assert.ok(list.items.every((i) => i.projectId === chy));
  const reply = list.items.find((i) => i.entityId === mine.id)!;
  assert.equal(reply.kind, 'reply');
  assert.equal(reply.link, `/cases/${mine.id}`);
  assert.equal(reply.title, mine.number);
  assert.ok(reply.mine);
  // A clerk dispatches nothing: the new orders' dispatch deadlines are the supervisors'.
  assert.ok(!list.items.some((i) => i.kind === 'dispatch'));
  const dues = list.items.map((i) => i.dueAt);
  assert.deepEqual(dues, [...dues].sort(), 'countdown order: the nearest (or most overdue) first');
  const counted: Record<string, number> = {};
  for (const i of list.items) counted[i.kind] = (counted[i.kind] ?? 0) + 1;
  assert.deepEqual(list.counts, counted);

  // The engineering supervisor dispatches: the project's orders to dispatch, not another project's.
  const eng = await todos('ch-eng');
  assert.ok(eng.items.some((i) => i.kind === 'dispatch' && i.entityId === mine.orders[0].id && i.link === `/orders/${mine.orders[0].id}`));
  assert.ok(!eng.items.some((i) => i.entityId === elsewhere.orders[0].id));
  assert.ok(!eng.items.some((i) => i.kind === 'reply'), 'the desk\'s replies are not theirs');
  // Finance confirms the day's cash and nothing else (PS-07).
  assert.ok((await todos('ch-finance')).items.every((i) => i.kind === 'cash_confirm' && i.projectId === chy && i.link === '/cash'));
  // The company-wide quality inspector answers for none of these.
  assert.ok(!(await todos('quality')).items.some((i) => [mine.id, colleague.id, elsewhere.id].includes(i.entityId)));
});

test('QI-05 X-01 a technician sees only the orders assigned to them', async () => {
  const db = t.database.db;
  const [eng, tech, tech2] = await Promise.all([principalOf(db, 'ch-eng'), principalOf(db, 'ch-tech'), principalOf(db, 'ch-tech2')]);
  const a = (await repairCase(db, 'ch-clerk', chy)).orders[0];
  const b = (await repairCase(db, 'ch-clerk', chy)).orders[0];
  await transitionSeen(db, t.storage, eng, a.id, { action: 'dispatch', version: a.version, assigneeId: tech.userId }, new Date());
  await transitionSeen(db, t.storage, eng, b.id, { action: 'dispatch', version: b.version, assigneeId: tech2.userId }, new Date());
  const list = await todos('ch-tech');
  assert.ok(list.items.some((i) => i.entityId === a.id && i.kind === 'completion' && i.mine));
  assert.ok(!list.items.some((i) => i.entityId === b.id), 'not a colleague\'s order');
  // PT-03: besides their orders, a technician keeps the equipment's maintenance checks; no cases, complaints or archives.
  assert.ok(list.items.length > 0 && list.items.every((i) => i.entity === 'work_order' || i.kind === 'pt_maintenance'), 'a technician has orders (and checks) only');
  const own = list.items.filter((i) => i.entity === 'work_order');
  const orders = await db.select({ id: workOrders.id, assigneeId: workOrders.assigneeId }).from(workOrders).where(inArray(workOrders.id, own.map((i) => i.entityId)));
  assert.equal(orders.length, new Set(own.map((i) => i.entityId)).size);
  assert.ok(orders.every((o) => o.assigneeId === tech.userId), 'every one assigned to them');
  const [after] = await db.select().from(workOrders).where(eq(workOrders.id, a.id));
  assert.equal(after.assigneeId, tech.userId);
});

test('QI-05 the to-dos need a session', async () => {
  const r = await t.anonymous.get('/api/me/todos');
  assert.equal(r.status, 401);
});

test('QI-04, SV-02 the workbench lists a survey measure to its owner, titled by its item and action and opening its survey', async () => {
  const db = t.database.db;
  const { surveys, surveyMeasures } = await import('../surveys/tables');
  const { syncDeadlines } = await import('./sync');
  const sup = await principalOf(db, 'ch-super');
  const [s] = await db.select().from(surveys).where(eq(surveys.projectId, chy)).limit(1);
  assert.ok(s, 'the demo has a survey per project');
  const due = new Date(Date.now() + 2 * 86_400_000);
  const [m] = await db.insert(surveyMeasures).values({ companyId: sup.companyId, projectId: chy, surveyId: s.id, itemCode: 'Q05', action: '维修回访增加满意度确认', ownerId: sup.userId, dueOn: due.toISOString().slice(0, 10), dueAt: due, createdBy: sup.userId, createdAt: new Date() }).returning();
  await db.transaction((tx) => syncDeadlines(tx, { companyId: sup.companyId, projectId: chy, entity: 'survey_measure', entityId: m.id, ruleVersion: 1 }, [{ kind: 'survey_measure', dueAt: due, metAt: null, responsibleId: sup.userId }]));
  const item = (await todos('ch-super')).items.find((i) => i.entityId === m.id);
  assert.ok(item, 'the owner sees the measure');
  assert.equal(item.kind, 'survey_measure');
  assert.equal(item.title, 'Q05 维修回访增加满意度确认');
  assert.equal(item.link, `/surveys/${s.id}`);
  assert.ok(item.mine);
  assert.ok(!(await todos('gm-super')).items.some((i) => i.entityId === m.id), 'nothing of another project');
});
