// X-02, IN-01, WO-03: histories are read by people — every event, of every type a page shows, names
// people (and units, customers, cases) instead of showing their ids.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { fixtures } from '../../test/fixtures';
import { repairCase, userId } from '../../test/desk';
import { rowsOf } from '../../platform/db';
import { eventsOf } from './queries';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('IN-01 X-02 a case transfer names both owners, in the event and in the case history', async () => {
  const clerk = await t.as('ch-clerk');
  const kase = (await repairCase(t.database.db, 'ch-clerk', chy)).id;
  const c = (await clerk.get(`/api/cases/${kase}`)).body;
  const moved = await clerk.post(`/api/cases/${kase}/transfer`, { version: c.version, toUserId: await userId(t.database.db, 'ch-keeper'), reason: '楼栋管家跟进' });
  assert.equal(moved.status, 200);
  const e = moved.body.events.find((x: { action: string }) => x.action === 'transfer');
  assert.deepEqual(e.before, { ownerName: c.ownerName });
  assert.equal(e.after.ownerName, moved.body.ownerName);
  assert.notEqual(e.before.ownerName, e.after.ownerName);
  assert.doesNotMatch(JSON.stringify([e.before, e.after]), UUID);
  const [stored] = rowsOf(await t.database.db.execute(sql`select before, after from audit_events where entity = 'case' and entity_id = ${kase} and action = 'transfer'`));
  assert.equal((stored.before as { ownerName: string }).ownerName, c.ownerName, 'the stored event itself names the owners');
});

test('X-02 every event type shown on a page names people, units and cases, never their ids', async () => {
  const db = t.database.db;
  const f = fixtures(db, t.storage, 'ch', chy);
  const eng = await t.as('ch-eng');
  const sup = await t.as('ch-super');
  // One of each hand-over: dispatch, reassignment, return, complaint assignment, a follow-up, a receipt, a file.
  const order = (await f.repair()).orders[0];
  let o = (await eng.post(`/api/work-orders/${order.id}/transitions`, { action: 'dispatch', version: order.version, assigneeId: await userId(db, 'ch-tech') })).body;
  o = (await eng.post(`/api/work-orders/${order.id}/transitions`, { action: 'reassign', version: o.version, assigneeId: await userId(db, 'ch-tech2'), reason: '换人' })).body;
  assert.equal(o.events.at(-1).after.assigneeName, o.assigneeName);
  assert.ok(o.events.at(-1).after.previousAssigneeName);
  const back = await (await t.as('ch-tech2')).post(`/api/work-orders/${order.id}/transitions`, { action: 'return', version: o.version, reason: '不是我的片区' });
  assert.equal(back.status, 200);
  const k = await f.complaint();
  const assigned = await sup.post(`/api/complaints/${k.id}/actions`, { action: 'assign', version: k.version, handlerId: await userId(db, 'ch-eng') });
  assert.ok(assigned.body.events.at(-1).after.handlerName);
  await f.followup();
  await f.receipt();
  await f.file();

  // Every event of every record a page shows, as the pages get them.
  const records = rowsOf(await db.execute(sql`select distinct entity, entity_id from audit_events where entity in ('case', 'work_order', 'paid_order', 'complaint', 'unit', 'customer', 'project', 'calendar')`));
  const [{ company_id: companyId }] = rowsOf(await db.execute(sql`select company_id from projects where id = ${chy}`));
  const actions = new Set<string>();
  for (const r of records) {
    for (const e of await eventsOf(db, String(companyId), String(r.entity), String(r.entity_id))) {
      actions.add(`${r.entity}.${e.action}`);
      assert.doesNotMatch(JSON.stringify([e.before, e.after]), UUID, `${r.entity}.${e.action} shows an id`);
    }
  }
  for (const a of ['case.create', 'case.transfer', 'work_order.create', 'work_order.dispatch', 'work_order.reassign', 'work_order.return', 'complaint.assign', 'paid_order.register'])
    assert.ok(actions.has(a), `checked ${a}`);
});
