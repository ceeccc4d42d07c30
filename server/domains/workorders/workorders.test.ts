// WO-01..WO-06, WO-10, X-01, X-02: the work order through the API, with every refusal that matters.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { repairCase, SIGNATURE, userId } from '../../test/desk';
import { auditEvents } from '../../platform/tables';
import { deadlines } from '../deadlines/tables';
import { workOrders } from './tables';

let t: TestApp;
let chy: string;
let clerk: Client;
let eng: Client;
let tech: Client;
let techId: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  eng = await t.as('ch-eng');
  tech = await t.as('ch-tech');
  techId = await userId(t.database.db, 'ch-tech');
});
after(() => t.close());

const act = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/work-orders/${id}/transitions`, body);

async function fresh(opts: Parameters<typeof repairCase>[3] = {}) {
  const kase = await repairCase(t.database.db, 'ch-clerk', chy, opts);
  return kase.orders[0];
}

/** Drives an order through the given actions as the usual actors; returns the last answer. */
async function drive(id: string, steps: string[]) {
  let r = (await eng.get(`/api/work-orders/${id}`)).body;
  for (const s of steps) {
    const body: Record<string, unknown> = { action: s, version: r.version };
    const who = ['accept', 'start', 'complete'].includes(s) ? tech : ['dispatch', 'hold', 'resume'].includes(s) ? eng : clerk;
    if (s === 'dispatch') body.assigneeId = techId;
    if (s === 'complete') Object.assign(body, { result: '已更换阀芯', signature: SIGNATURE, materials: [{ name: '阀芯', quantity: 1, unit: '个' }] });
    if (s === 'hold') body.reason = 'waiting_parts';
    const res = await act(who, id, body);
    assert.equal(res.status, 200, `${s}: ${JSON.stringify(res.body)}`);
    r = res.body;
  }
  return r;
}

test('WO-01 orders get readable numbers per project and year, in sequence', async () => {
  const a = await fresh();
  const b = await fresh();
  const year = new Date().getFullYear();
  assert.match(a.number, new RegExp(`^BX-${year}-\\d{6}$`));
  assert.equal(Number(b.number.slice(-6)), Number(a.number.slice(-6)) + 1);
});

test('WO-03 the whole lifecycle: dispatch → accept → start → complete with signature → close, each step an event', async () => {
  const o = await fresh();
  assert.equal(o.status, 'reported');
  assert.deepEqual(o.actions, ['cancel', 'progress_note'], 'the clerk may cancel or note, not dispatch');
  const done = await drive(o.id, ['dispatch', 'accept', 'start', 'complete', 'close']);
  assert.equal(done.status, 'closed');
  assert.equal(done.acceptance.kind, 'signature');
  assert.ok(done.signatureUrl);
  const sig = await clerk.get(done.signatureUrl);
  assert.equal(sig.status, 200);
  assert.deepEqual(done.events.map((e: { action: string }) => e.action), ['create', 'dispatch', 'accept', 'start', 'complete', 'close']);
  assert.ok(done.events.every((e: { actorName: string | null }) => e.actorName));
  const dl = new Map(done.deadlines.map((d: { kind: string; metAt: string | null }) => [d.kind, d.metAt]));
  assert.ok(dl.get('dispatch') && dl.get('completion'), 'dispatch and completion deadlines are met');
});

test('WO-03 a technician at the door starts straight from dispatched: one tap, one start event, then completes', async () => {
  const o = await fresh();
  const dispatched = await drive(o.id, ['dispatch']);
  const seen = (await tech.get(`/api/work-orders/${o.id}`)).body;
  assert.ok(seen.actions.includes('start') && seen.actions.includes('accept'), 'both offered on a dispatched order');
  const done = await drive(o.id, ['start', 'complete']);
  assert.equal(dispatched.status, 'dispatched');
  assert.equal(done.status, 'completed');
  assert.deepEqual(done.events.map((e: { action: string }) => e.action), ['create', 'dispatch', 'start', 'complete']);
  // Another technician may not start it.
  const other = await repairCase(t.database.db, 'ch-clerk', chy, {});
  await drive(other.orders[0].id, ['dispatch']);
  const v = (await eng.get(`/api/work-orders/${other.orders[0].id}`)).body.version;
  assert.equal((await act(await t.as('ch-tech2'), other.orders[0].id, { action: 'start', version: v })).status, 404);
});

test('WO-04 an order that is not completed can never be closed: 409 from every other state', async () => {
  const states: [string[], string][] = [
    [[], 'reported'],
    [['dispatch'], 'dispatched'],
    [['dispatch', 'accept'], 'accepted'],
    [['dispatch', 'accept', 'start'], 'in_progress'],
    [['dispatch', 'accept', 'start', 'hold'], 'on_hold'],
  ];
  for (const [steps, status] of states) {
    const o = await fresh();
    const r = await drive(o.id, steps);
    assert.equal(r.status, status);
    const refused = await act(clerk, o.id, { action: 'close', version: r.version });
    assert.equal(refused.status, 409, status);
    assert.equal(refused.body.error, 'not_completed');
    assert.equal(refused.body.message, '工单尚未完成维修，不允许销项');
    const [row] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, o.id));
    assert.equal(row.status, status, 'nothing changed');
  }
});

test('WO-05 without a signature the desk records the consent before closing; public areas need an on-site confirmation', async () => {
  const o = await fresh();
  let r = await drive(o.id, ['dispatch', 'accept', 'start']);
  r = (await act(tech, o.id, { action: 'complete', version: r.version, result: '已修复' })).body;
  assert.equal((await act(clerk, o.id, { action: 'close', version: r.version })).body.error, 'acceptance_missing');
  r = (await act(clerk, o.id, { action: 'record_acceptance', version: r.version, consent: true, customerOpinion: '满意', contactedBy: 'phone' })).body;
  assert.equal(r.acceptance.kind, 'consent');
  assert.equal((await act(clerk, o.id, { action: 'close', version: r.version })).status, 200);

  const pub = await fresh({ public: true });
  let q = await drive(pub.id, ['dispatch', 'accept', 'start', 'complete']);
  assert.equal((await act(clerk, pub.id, { action: 'record_acceptance', version: q.version, consent: true, customerOpinion: '好', contactedBy: 'phone' })).body.error, 'public_needs_onsite');
  assert.equal((await act(clerk, pub.id, { action: 'close', version: q.version })).status, 409);
  const keeper = await t.as('ch-keeper');
  q = (await act(keeper, pub.id, { action: 'confirm_onsite', version: q.version, note: '已查看' })).body;
  assert.ok(q.onsiteConfirmedBy);
  assert.equal((await act(clerk, pub.id, { action: 'close', version: q.version })).status, 200);
});

test('WO-03 refusals: wrong role 403, another technician or another project 404, stale version 409, bad input 400', async () => {
  const o = await fresh();
  assert.equal((await act(clerk, o.id, { action: 'dispatch', version: o.version, assigneeId: techId })).status, 403);
  const r = await drive(o.id, ['dispatch']);
  const tech2 = await t.as('ch-tech2');
  assert.equal((await act(tech2, o.id, { action: 'accept', version: r.version })).status, 404, 'not their order: not even visible');
  assert.equal((await tech2.get(`/api/work-orders/${o.id}`)).status, 404);
  const gmEng = await t.as('gm-eng');
  assert.equal((await act(gmEng, o.id, { action: 'reassign', version: r.version, assigneeId: techId, reason: 'x' })).status, 404);
  assert.equal((await act(tech, o.id, { action: 'accept', version: r.version - 1 })).status, 409);
  const bad = await act(eng, o.id, { action: 'reassign', version: r.version, assigneeId: await userId(t.database.db, 'ch-clerk'), reason: '换人' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.fields[0].path, 'assigneeId');
  const gmTech = await act(eng, o.id, { action: 'reassign', version: r.version, assigneeId: await userId(t.database.db, 'gm-tech'), reason: '换人' });
  assert.equal(gmTech.status, 400, 'a technician of another project cannot take the order');
  assert.equal((await act(tech, o.id, { action: 'explode', version: r.version })).status, 400);
  assert.equal((await act(tech, o.id, { action: 'hold', version: r.version })).status, 400, 'hold needs a typed reason');
  assert.equal((await act(tech, o.id, { action: 'complete', version: r.version, result: 'x', signature: 'data:text/html,<script>' })).status, 400);
  const [row] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, o.id));
  assert.equal(row.version, r.version, 'no refusal changed the order');
});

test('X-01 a typed pause moves the completion deadline by exactly its length; the rule version is kept', async () => {
  const start = new Date(Date.now() - 10 * 3600_000);
  const o = await fresh({ now: start, priority: 'emergency' });
  const due0 = (await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, o.id), eq(deadlines.kind, 'completion'))))[0].dueAt;
  assert.equal(due0.getTime(), start.getTime() + 4 * 3600_000, 'emergency: 4 hours');
  await drive(o.id, ['dispatch', 'accept', 'hold']);
  const [paused] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, o.id), eq(deadlines.kind, 'completion')));
  assert.ok(paused.pausedAt, 'the clock is paused while waiting');
  // Rewrite the hold/resume events to a known 90-minute pause and recompute from history.
  const r = await drive(o.id, ['resume']);
  const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, o.id));
  const hold = events.find((e) => e.action === 'hold')!;
  const resume = events.find((e) => e.action === 'resume')!;
  await t.database.db.update(auditEvents).set({ at: new Date(resume.at.getTime() - 90 * 60_000) }).where(eq(auditEvents.id, hold.id));
  const { recomputeOrderDeadlines } = await import('./recompute');
  await t.database.db.transaction((tx) => recomputeOrderDeadlines(tx, o.id));
  const [moved] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, o.id), eq(deadlines.kind, 'completion')));
  assert.equal(moved.dueAt.getTime(), due0.getTime() + 90 * 60_000);
  assert.equal(moved.pausedAt, null);
  assert.equal(r.ruleVersion, 0, 'computed under the default rules (version 0)');
});

test('WO-06 an open order gets a monthly progress-note deadline, renewed by each note', async () => {
  const start = new Date(Date.now() - 40 * 86_400_000);
  const o = await fresh({ now: start });
  const [before] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, o.id), eq(deadlines.kind, 'progress')));
  assert.ok(before.dueAt < new Date(), 'a month has passed without a note');
  const r = (await act(clerk, o.id, { action: 'progress_note', version: o.version, note: '等待厂家配件，预计下周到货' })).body;
  assert.equal(r.status, 'reported');
  const [afterNote] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, o.id), eq(deadlines.kind, 'progress')));
  assert.ok(afterNote.dueAt > new Date(Date.now() + 27 * 86_400_000));
  assert.equal(afterNote.notifiedLevel, 0);
});

test('WO-10 one record: the desk, the dispatcher and the technician read the same order; lists filter and page', async () => {
  const o = await fresh();
  await drive(o.id, ['dispatch']);
  const desk = await clerk.get(`/api/work-orders?projectId=${chy}&q=${o.number}`);
  const board = await eng.get(`/api/work-orders?projectId=${chy}&status=dispatched&department=engineering&limit=200`);
  const mine = await tech.get(`/api/work-orders?projectId=${chy}&assigneeId=me&limit=200`);
  assert.equal(desk.body.items[0].id, o.id);
  assert.ok(board.body.items.some((x: { id: string }) => x.id === o.id));
  assert.ok(mine.body.items.some((x: { id: string }) => x.id === o.id));
  const techAll = await tech.get(`/api/work-orders?projectId=${chy}&limit=200`);
  assert.ok(techAll.body.items.every((x: { assigneeId: string }) => x.assigneeId === techId), 'a technician lists only their own orders');
  const page1 = await clerk.get(`/api/work-orders?projectId=${chy}&limit=2`);
  const page2 = await clerk.get(`/api/work-orders?projectId=${chy}&limit=2&cursor=${page1.body.nextCursor}`);
  assert.equal(page1.body.items.length, 2);
  assert.ok(!page2.body.items.some((x: { id: string }) => page1.body.items.some((y: { id: string }) => y.id === x.id)));
  const xlsx = await clerk.get(`/api/work-orders/export?projectId=${chy}`);
  assert.equal(xlsx.status, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  assert.equal((await (await t.as('gm-clerk')).get(`/api/work-orders?projectId=${chy}`)).status, 404);
});

test('WO-10 the unit page lists the orders of one unit; a bad unit id is a field error', async () => {
  const o = await fresh();
  const mine = await clerk.get(`/api/work-orders?projectId=${chy}&unitId=${o.unitId}&limit=200`);
  assert.equal(mine.status, 200);
  assert.ok(mine.body.items.some((x: { id: string }) => x.id === o.id));
  assert.ok(mine.body.items.every((x: { unitId: string }) => x.unitId === o.unitId));
  const other = await clerk.get(`/api/work-orders?projectId=${chy}&unitId=00000000-0000-4000-8000-000000000000`);
  assert.deepEqual(other.body.items, []);
  assert.equal((await clerk.get(`/api/work-orders?projectId=${chy}&unitId=nope`)).status, 400);
  assert.equal((await clerk.get(`/api/complaints?projectId=${chy}&unitId=${o.unitId}`)).status, 200);
});

test('WO-10 the date filter follows the project timezone: a report at 07:30 Beijing time is that Beijing day', async () => {
  const at = new Date('2026-03-10T07:30:00+08:00'); // 2026-03-09 23:30 UTC
  const o = await fresh({ now: at });
  const day = await clerk.get(`/api/work-orders?projectId=${chy}&from=2026-03-10&to=2026-03-10`);
  assert.deepEqual(day.body.items.map((x: { id: string }) => x.id), [o.id]);
  const before = await clerk.get(`/api/work-orders?projectId=${chy}&from=2026-03-09&to=2026-03-09`);
  assert.equal(before.body.items.length, 0);
  assert.equal((await clerk.get(`/api/work-orders?projectId=${chy}&from=2026-02-30`)).status, 400);
});

// WO-03: transitions that change who may see the order answer with what the caller may still see.
for (const from of [['dispatch'], ['dispatch', 'accept']]) {
  test(`WO-03 the technician returns an order (${from.at(-1)}): 200 with a short acknowledgement, the return kept, the order back with the dispatcher`, async () => {
    const o = await fresh();
    const r = await drive(o.id, from);
    const res = await act(tech, o.id, { action: 'return', version: r.version, reason: '不是我的片区' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { id: o.id, number: o.number, status: 'reported', version: r.version + 1, visible: false });
    const [row] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, o.id));
    assert.equal(row.status, 'reported');
    assert.equal(row.assigneeId, null);
    assert.equal((await tech.get(`/api/work-orders/${o.id}`)).status, 404, 'no longer theirs');
    const seen = await eng.get(`/api/work-orders/${o.id}`);
    assert.equal(seen.body.status, 'reported');
    assert.ok(seen.body.actions.includes('dispatch'));
    assert.equal(seen.body.events.at(-1).action, 'return');
  });
}

test('WO-03 a reassignment answers the dispatcher with the full order; the first technician loses it, the second sees it', async () => {
  const o = await fresh();
  const r = await drive(o.id, ['dispatch', 'accept']);
  const tech2Id = await userId(t.database.db, 'ch-tech2');
  const res = await act(eng, o.id, { action: 'reassign', version: r.version, assigneeId: tech2Id, reason: '换人' });
  assert.equal(res.status, 200);
  assert.equal(res.body.assigneeId, tech2Id);
  assert.ok(Array.isArray(res.body.events));
  assert.equal((await tech.get(`/api/work-orders/${o.id}`)).status, 404);
  assert.equal((await (await t.as('ch-tech2')).get(`/api/work-orders/${o.id}`)).status, 200);
});
