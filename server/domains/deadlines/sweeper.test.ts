// overdue deadlines notify the responsible person, then their supervisor — once each, even
// with two sweepers at the same moment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { repairCase, userId } from '../../test/desk';
import { notifications } from '../notifications/tables';
import { sweepOverdue } from './jobs';
import { deadlines } from './tables';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

const H = 3600_000;

test('X-01 an undispatched order: the engineering supervisor hears first, then the project manager; once each', async () => {
  const kase = await repairCase(t.database.db, 'ch-clerk', chy);
  const order = kase.orders[0];
  const [dispatch] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, order.id), eq(deadlines.kind, 'dispatch')));
  const eng = await userId(t.database.db, 'ch-eng');
  const manager = await userId(t.database.db, 'ch-manager');
  const notesFor = async (u: string) =>
    t.database.db.select().from(notifications).where(and(eq(notifications.userId, u), eq(notifications.entityId, order.id)));

  await sweepOverdue(t.database.db, new Date(dispatch.dueAt.getTime() - 60_000));
  assert.equal((await notesFor(eng)).length, 0, 'nothing before the due time');

  const late = new Date(dispatch.dueAt.getTime() + 60_000);
  const [a, b] = await Promise.all([sweepOverdue(t.database.db, late), sweepOverdue(t.database.db, late)]);
  assert.ok(a.claimed + b.claimed >= 1);
  const first = await notesFor(eng);
  assert.deepEqual(first.map((n) => n.kind), ['overdue_dispatch'], 'two sweepers at once: one notice');
  assert.equal((await notesFor(manager)).length, 0, 'the manager is not told yet');

  const engClient = await t.as('ch-eng');
  const list = await engClient.get('/api/notifications');
  assert.ok(list.body.unread >= 1);
  assert.match(list.body.items.find((n: { entityId: string }) => n.entityId === order.id).title, new RegExp(`工单 ${order.number} 未按时派单`));

  await sweepOverdue(t.database.db, new Date(dispatch.dueAt.getTime() + 3 * H));
  await sweepOverdue(t.database.db, new Date(dispatch.dueAt.getTime() + 4 * H));
  assert.deepEqual((await notesFor(manager)).map((n) => n.kind), ['escalated_dispatch']);
  assert.equal((await notesFor(eng)).length, 1);

  await engClient.post('/api/notifications/read', {});
  assert.equal((await engClient.get('/api/notifications')).body.unread, 0);
});

test('X-01 a case not answered in 24 h: its owner, then the CS supervisor; a met deadline is never swept', async () => {
  const clerk = await t.as('ch-clerk');
  const open = (await clerk.post('/api/cases', { projectId: chy, channel: 'walk_in', category: 'other', callerName: '赵', callerPhone: '13700000000', content: '咨询装修时间', confirmedWithCaller: true })).body;
  const answered = (await clerk.post('/api/cases', { projectId: chy, channel: 'walk_in', category: 'other', callerName: '钱', callerPhone: '13700000001', content: '咨询', confirmedWithCaller: true, answerNow: '已答复' })).body;
  const due = new Date(open.replyDueAt);
  await sweepOverdue(t.database.db, new Date(due.getTime() + 60_000));
  await sweepOverdue(t.database.db, new Date(due.getTime() + 3 * H));
  const rows = await t.database.db.select().from(notifications).where(inArray(notifications.entityId, [open.id, answered.id]));
  const clerkId = await userId(t.database.db, 'ch-clerk');
  const sup = await userId(t.database.db, 'ch-super');
  assert.deepEqual(
    rows.map((n) => [n.entityId === open.id, n.userId === clerkId ? 'owner' : n.userId === sup ? 'supervisor' : 'other', n.kind]).sort(),
    [
      [true, 'owner', 'overdue_reply'],
      [true, 'supervisor', 'escalated_reply'],
    ],
  );
});
