// IN-01..IN-06: intake, first-inquiry ownership, transfer, the 24 h reply and closing a case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { principalOf, repairCase, userId } from '../../test/desk';
import { auditEvents } from '../../platform/tables';
import { units } from '../org/tables';
import { deadlines } from '../deadlines/tables';
import { replyCase } from './commands/manage-case';

let t: TestApp;
let chy: string;
let clerk: Client;
let unitId: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  [{ id: unitId }] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.projectId, chy)).limit(1);
});
after(() => t.close());

const call = (extra: Record<string, unknown> = {}) => ({
  projectId: chy,
  channel: 'phone',
  category: 'consultation',
  unitId,
  callerName: '李女士',
  callerPhone: '13912345678',
  content: '请问物业费可以微信缴纳吗',
  confirmedWithCaller: true,
  ...extra,
});

test('IN-06 a question answered on the spot is recorded, answered and closed at once', async () => {
  const res = await clerk.post('/api/cases', call({ answerNow: '可以，关注服务号后在线缴纳' }));
  assert.equal(res.status, 201);
  assert.equal(res.body.status, 'closed');
  assert.match(res.body.number, /^KF-\d{4}-\d{6}$/);
  assert.equal(res.body.overdue, false);
});

test('IN-01 / IN-05 the receiver owns the case and its 24-hour reply deadline', async () => {
  const res = await clerk.post('/api/cases', call({ category: 'suggestion', content: '建议小区增设快递柜' }));
  assert.equal(res.body.status, 'open');
  assert.equal(res.body.ownerId, await userId(t.database.db, 'ch-clerk'));
  const created = new Date(res.body.createdAt).getTime();
  assert.equal(new Date(res.body.replyDueAt).getTime(), created + 24 * 3600_000);
  const [d] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, res.body.id), eq(deadlines.kind, 'reply')));
  assert.equal(d.responsibleId, res.body.ownerId);
});

test('IN-01 a transfer is explicit, needs a reason, goes only to desk staff, is logged, and moves the deadline', async () => {
  const c = (await clerk.post('/api/cases', call({ category: 'other' }))).body;
  const keeperId = await userId(t.database.db, 'ch-keeper');
  assert.equal((await clerk.post(`/api/cases/${c.id}/transfer`, { version: c.version, toUserId: keeperId })).status, 400, 'reason required');
  const tech = await clerk.post(`/api/cases/${c.id}/transfer`, { version: c.version, toUserId: await userId(t.database.db, 'ch-tech'), reason: '转维修' });
  assert.equal(tech.status, 400);
  assert.equal((await (await t.as('ch-clerk2')).post(`/api/cases/${c.id}/transfer`, { version: c.version, toUserId: keeperId, reason: '换人' })).status, 403, 'not the owner');
  const ok = await clerk.post(`/api/cases/${c.id}/transfer`, { version: c.version, toUserId: keeperId, reason: '该楼栋由管家跟进' });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.ownerId, keeperId);
  const [ev] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.action, 'transfer')));
  assert.deepEqual(ev.after, { ownerId: keeperId, ownerName: ok.body.ownerName, reason: '该楼栋由管家跟进' }, 'X-02: the event names the new owner');
  const [d] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, c.id), eq(deadlines.kind, 'reply')));
  assert.equal(d.responsibleId, keeperId);
  assert.equal((await clerk.post(`/api/cases/${c.id}/reply`, { version: ok.body.version, reply: 'x' })).status, 403, 'the former owner no longer answers');
});

test('IN-05 a reply after 24 h must record the contact made and the reason', async () => {
  const p = await principalOf(t.database.db, 'ch-clerk');
  const earlier = new Date(Date.now() - 30 * 3600_000);
  const c = (await clerk.post('/api/cases', call({ category: 'other' }))).body;
  await t.database.db.update(deadlines).set({ dueAt: new Date(earlier.getTime() + 24 * 3600_000) }).where(eq(deadlines.entityId, c.id));
  const late = await clerk.post(`/api/cases/${c.id}/reply`, { version: c.version, reply: '已处理' });
  assert.equal(late.status, 400);
  assert.equal(late.body.fields[0].path, 'lateReason');
  const ok = await replyCase(t.database.db, p, c.id, { version: c.version, reply: '已处理', lateReason: '昨日两次致电未接通，今日上午联系上' });
  assert.equal(ok.status, 'replied');
  assert.equal(ok.lateReason, '昨日两次致电未接通，今日上午联系上');
});

test('IN-04 a repair opens its order with the case; the case closes only when replied and its orders are done', async () => {
  const kase = await repairCase(t.database.db, 'ch-clerk', chy);
  assert.equal(kase.orders.length, 1);
  assert.equal(kase.orders[0].caseId, kase.id);
  assert.equal((await clerk.post(`/api/cases/${kase.id}/close`, { version: kase.version })).body.error, 'not_replied');
  assert.deepEqual(kase.actions.sort(), ['add_order', 'reply', 'transfer'], 'no close before the customer is answered');
  const replied = (await clerk.post(`/api/cases/${kase.id}/reply`, { version: kase.version, reply: '已安排维修师傅今天下午上门' })).body;
  assert.deepEqual(replied.actions.sort(), ['add_order', 'close', 'transfer']);
  const blocked = await clerk.post(`/api/cases/${kase.id}/close`, { version: replied.version });
  assert.equal(blocked.status, 409);
  assert.equal(blocked.body.error, 'orders_open');
  const two = await clerk.post(`/api/cases/${kase.id}/orders`, {
    version: replied.version,
    order: { trade: 'cleaning', locationKind: 'unit', description: '漏水后清理地面', department: 'environment' },
  });
  assert.equal(two.status, 200);
  assert.equal(two.body.orders.length, 2, 'one case, several orders with their own departments');
  assert.deepEqual(two.body.orders.map((o: { department: string }) => o.department).sort(), ['engineering', 'environment']);
});

test('IN-03 bad intake answers with field errors; another project and other roles are refused', async () => {
  const bad = await clerk.post('/api/cases', call({ channel: 'pigeon', callerPhone: 'abc', content: '', confirmedWithCaller: 'yes' }));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.fields.map((f: { path: string }) => f.path).sort(), ['callerPhone', 'channel', 'confirmedWithCaller', 'content']);
  const gm = await (await t.as('gm-clerk')).post('/api/cases', call());
  assert.equal(gm.status, 404);
  assert.equal((await (await t.as('ch-tech')).post('/api/cases', call())).status, 403);
  const repairNoUnit = await clerk.post('/api/cases', call({ unitId: undefined, category: 'repair', order: { trade: 'water', locationKind: 'unit', description: '漏水' } }));
  assert.equal(repairNoUnit.status, 400);
  assert.equal(repairNoUnit.body.fields[0].path, 'unitId');
  const c = (await clerk.post('/api/cases', call())).body;
  assert.equal((await (await t.as('gm-clerk')).get(`/api/cases/${c.id}`)).status, 404);
  assert.equal((await (await t.as('ch-tech')).get(`/api/cases/${c.id}`)).status, 403);
});

test('IN-06 the FAQ is searched on the call; entries unreviewed for 6 months are flagged stale', async () => {
  const sup = await t.as('ch-super');
  const created = await sup.post('/api/faq', { projectId: chy, question: '停车月卡怎么办理', answer: '携带行驶证到物业服务中心办理' });
  assert.equal(created.status, 201);
  assert.equal((await clerk.post('/api/faq', { projectId: chy, question: 'x', answer: 'y' })).status, 403);
  const { faqEntries } = await import('../faq/tables');
  await t.database.db.update(faqEntries).set({ reviewedAt: new Date(Date.now() - 200 * 86_400_000) }).where(eq(faqEntries.id, created.body.id));
  const found = await clerk.get(`/api/faq?projectId=${chy}&q=${encodeURIComponent('月卡')}`);
  assert.equal(found.body.items.length, 1);
  assert.equal(found.body.items[0].stale, true);
  const reviewed = await sup.put(`/api/faq/${created.body.id}`, { question: created.body.question, answer: created.body.answer, version: created.body.version });
  assert.equal(reviewed.body.stale, false);
});

test('X-05 the case list exports to Excel with the same scope', async () => {
  const clerk = await t.as('ch-clerk');
  const xlsx = await clerk.get(`/api/cases/export?projectId=${chy}`);
  assert.equal(xlsx.status, 200);
  assert.match(String(xlsx.headers['content-disposition']), /filename\*=UTF-8''/);
  assert.equal((await (await t.as('gm-clerk')).get(`/api/cases/export?projectId=${chy}`)).status, 404);
});
