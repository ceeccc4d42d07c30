// RV-02 with CR-02: home visits join the supervision samples beside return visits — the CS supervisor
// re-checks 30 %, the project manager 10 %, each their own; a visit found not genuine is told to the
// manager and the quality department.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { toLocal } from '../../platform/clock';
import { testApp, type TestApp } from '../../test/harness';
import { principalOf, userId } from '../../test/desk';
import { notifications } from '../notifications/tables';
import { units } from '../org/tables';
import { recordVisit } from './commands/record-visit';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

interface Item {
  id: string;
  source: string;
  level: string;
  visitId: string | null;
  orderId: string | null;
  visitNote: string;
  mayCheck: boolean;
  version: number;
}

test('RV-02 CR-02 home visits are drawn 30 % for the CS supervisor and 10 % for the manager, and checked by each at their own level', async () => {
  const db = t.database.db;
  const keeper = await principalOf(db, 'ch-keeper');
  const rooms = await db.select().from(units).where(eq(units.projectId, chy)).limit(10);
  for (const [i, u] of rooms.entries()) await recordVisit(db, keeper, { projectId: chy, unitId: u.id, mode: i % 2 ? 'phone' : 'face', personMet: '业主本人', content: `入户走访第${i + 1}户，了解居住情况` });

  const month = toLocal(new Date(), 'Asia/Shanghai').date.slice(0, 7);
  const sup = await t.as('ch-super');
  const s = (await sup.get(`/api/supervision?projectId=${chy}&month=${month}`)).body;
  const ratios = s.ratios.filter((r: { source: string }) => r.source === 'visit');
  assert.deepEqual(ratios.map((r: { level: string; target: number }) => [r.level, r.target]), [['supervisor', 0.3], ['manager', 0.1]]);
  for (const r of ratios) {
    assert.ok(r.visits >= 10, 'the month’s home visits are counted');
    assert.equal(r.selected, Math.ceil(r.visits * r.target - 1e-9), `${r.level}: ceil(visits × rate) drawn`);
  }
  const items: Item[] = s.items.filter((i: Item) => i.source === 'visit');
  assert.ok(items.every((i) => i.visitId && !i.orderId));
  assert.ok(items.some((i) => i.visitNote.startsWith('入户走访')), 'this test’s visits are among them');

  // the desk does not see who is checked; each level checks only its own sample
  assert.equal((await (await t.as('ch-clerk')).get(`/api/supervision?projectId=${chy}&month=${month}`)).status, 404);
  const managers = items.find((i) => i.level === 'manager')!;
  assert.equal((await sup.post(`/api/supervision/${managers.id}`, { version: managers.version, outcome: 'genuine' })).status, 403);
  const mine = items.filter((i) => i.level === 'supervisor' && i.mayCheck);
  assert.ok(mine.length >= 2);
  assert.equal((await sup.post(`/api/supervision/${mine[0].id}`, { version: mine[0].version, outcome: 'genuine' })).status, 200);
  const fake = await sup.post(`/api/supervision/${mine[1].id}`, { version: mine[1].version, outcome: 'not_genuine', note: '业主称当天无人上门' });
  assert.equal(fake.status, 200);
  assert.equal((await sup.post(`/api/supervision/${mine[1].id}`, { version: fake.body.version, outcome: 'genuine' })).body.error, 'already_checked');

  const afterwards = (await sup.get(`/api/supervision?projectId=${chy}&month=${month}&level=supervisor`)).body;
  const ratio = afterwards.ratios.find((r: { source: string }) => r.source === 'visit');
  assert.ok(ratio.checked >= 2 && ratio.notGenuine >= 1);
  assert.equal(ratio.achieved, ratio.checked / ratio.visits);

  const told = await db.select().from(notifications).where(and(eq(notifications.kind, 'fake_visit'), eq(notifications.entityId, mine[1].visitId!)));
  const manager = await userId(db, 'ch-manager');
  const quality = await userId(db, 'quality');
  assert.ok(told.some((n) => n.userId === manager) && told.some((n) => n.userId === quality), 'the manager and quality hear of it');
  const note = (await (await t.as('ch-manager')).get('/api/notifications')).body.items.find((n: { entityId: string }) => n.entityId === mine[1].visitId);
  assert.match(note.title, /督导发现走访记录不实/);

  const mgr = await t.as('ch-manager');
  const m = (await mgr.get(`/api/supervision?projectId=${chy}&month=${month}&level=manager`)).body.items.find((i: Item) => i.source === 'visit' && i.mayCheck);
  assert.equal((await mgr.post(`/api/supervision/${m.id}`, { version: m.version, outcome: 'unreachable' })).status, 200);
});
