// FD-02: the shift handover log — the incoming person reads and signs the previous log before writing
// theirs; open matters carry over computed from the registers; an unsigned log past its due is flagged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { frontdeskFixtures, today } from '../../test/frontdesk-fixtures';
import { shiftLogs } from './tables';
import { repairCase } from '../../test/desk';

let t: TestApp;
let chy: string;
let clerk: Client;
let clerk2: Client;
let fx: ReturnType<typeof frontdeskFixtures>;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  clerk2 = await t.as('ch-clerk2');
  fx = frontdeskFixtures(t.database.db, t.storage, 'ch', chy);
});
after(() => t.close());

const start = (c: Client, shift: 'day' | 'night' = 'night') => c.post('/api/shift-logs', { projectId: chy, shiftDate: today(), shift, notes: '接班，已阅上一班记录。' });

test('FD-02 writing a handover log before signing the previous one is refused; the writer cannot sign their own', async () => {
  const head = await fx.shiftLog('ch-clerk');
  const early = await start(clerk2);
  assert.equal(early.status, 409);
  assert.equal(early.body.error, 'sign_previous_first');
  // The writer of the previous log cannot start the next shift either: someone must take it over.
  assert.equal((await start(clerk)).body.error, 'sign_previous_first');
  const own = await clerk.post(`/api/shift-logs/${head.id}/sign`, { version: head.version, readConfirmed: true });
  assert.equal(own.status, 409);
  assert.equal(own.body.error, 'sign_own_log');
  const stale = await clerk2.post(`/api/shift-logs/${head.id}/sign`, { version: head.version + 1, readConfirmed: true });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error, 'stale_version');
  const unread = await clerk2.post(`/api/shift-logs/${head.id}/sign`, { version: head.version, readConfirmed: false });
  assert.equal(unread.status, 400);
  const signed = await clerk2.post(`/api/shift-logs/${head.id}/sign`, { version: head.version, readConfirmed: true });
  assert.equal(signed.status, 200, JSON.stringify(signed.body));
  assert.equal(signed.body.signedByName.length > 0, true);
  // Signed by clerk2: clerk2 writes the next log, nobody else.
  const keeper = await t.as('ch-keeper');
  assert.equal((await start(keeper)).body.error, 'sign_previous_first');
  const mine = await start(clerk2);
  assert.equal(mine.status, 201, JSON.stringify(mine.body));
  assert.deepEqual(mine.body.actions, ['edit']);
  // Two starts at once after the same signature: one successor per log.
  const again = await start(clerk2, 'day');
  assert.equal(again.status, 409);
});

test('FD-02 only the writer edits a log, and not once it is signed; open matters carry over computed and are fixed at signing', async () => {
  const pass = await fx.pass();
  const lost = await fx.lost('found');
  const kase = await repairCase(t.database.db, 'ch-clerk', chy);
  const log = await fx.shiftLog('ch-clerk');
  const open = await clerk.get(`/api/shift-logs/${log.id}`);
  assert.ok(open.body.carried.passes.some((x: { id: string }) => x.id === pass.id), 'a pass not yet used is carried over');
  assert.ok(open.body.carried.lostItems.some((x: { id: string }) => x.id === lost.id), 'an unclaimed found item is carried over');
  assert.ok(open.body.carried.cases.some((x: { id: string }) => x.id === kase.id), 'an open case is carried over');
  assert.ok(open.body.carried.orders.some((x: { id: string }) => x.id === kase.orders[0].id), 'its open work order too');
  assert.equal((await clerk2.put(`/api/shift-logs/${log.id}`, { version: log.version, notes: '改写' })).status, 403);
  const edited = await clerk.put(`/api/shift-logs/${log.id}`, { version: log.version, notes: '夜班：22:10 3号楼电梯困人，已通知工程部处理。' });
  assert.equal(edited.status, 200);
  const signed = await clerk2.post(`/api/shift-logs/${log.id}/sign`, { version: edited.body.version, readConfirmed: true });
  assert.equal(signed.status, 200);
  // After signing, the carried list stays as handed over even when the pass is used later.
  await clerk.post(`/api/release-passes/${pass.id}/use`, { gate: '东门' });
  const later = await clerk.get(`/api/shift-logs/${log.id}`);
  assert.ok(later.body.carried.passes.some((x: { id: string }) => x.id === pass.id));
  const late = await clerk.put(`/api/shift-logs/${log.id}`, { version: signed.body.version, notes: '补记' });
  assert.equal(late.status, 409);
  assert.equal(late.body.error, 'log_signed');
});

test("FD-02 a log not signed by its due time is flagged and counted; another project's log is a 404", async () => {
  const log = await fx.shiftLog('ch-clerk');
  await t.database.db.update(shiftLogs).set({ dueAt: new Date(Date.now() - 60_000) }).where(eq(shiftLogs.id, log.id));
  const month = today().slice(0, 7);
  const list = await clerk2.get(`/api/shift-logs?projectId=${chy}&month=${month}`);
  const row = list.body.items.find((x: { id: string }) => x.id === log.id);
  assert.equal(row.unsigned, true);
  assert.equal(list.body.latestUnsignedId, log.id);
  assert.equal(list.body.canStart, false);
  assert.equal((await clerk.get(`/api/shift-logs?projectId=${chy}&month=${month}`)).body.latestUnsignedId, null, 'the writer is not asked to sign their own log');
  const fig = (await clerk.get(`/api/projects/${chy}/frontdesk-figures?month=${month}`)).body;
  assert.ok(fig.handoversUnsigned >= 1);
  const signed = await clerk2.post(`/api/shift-logs/${log.id}/sign`, { version: log.version, readConfirmed: true });
  assert.equal(signed.body.unsigned, false);
  assert.equal(signed.body.signedLate, true);
  const after = (await clerk.get(`/api/projects/${chy}/frontdesk-figures?month=${month}`)).body;
  assert.equal(after.handoversUnsigned, fig.handoversUnsigned - 1);
  assert.equal(after.handoversSignedLate, fig.handoversSignedLate + 1);
  const gm = await t.as('gm-clerk');
  assert.equal((await gm.get(`/api/shift-logs/${log.id}`)).status, 404);
  assert.equal((await gm.post(`/api/shift-logs/${log.id}/sign`, { version: 1, readConfirmed: true })).status, 404);
});
