// under concurrency: two writers of one order — one wins, one gets 409; two sweeper
// processes at the same instant — each notice written once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { repairCase } from '../../test/desk';
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

test('X-02 two clerks change the same order at once: one wins, the other gets 409', async () => {
  const o = (await repairCase(t.database.db, 'ch-clerk', chy)).orders[0];
  const [a, b] = await Promise.all([t.as('ch-clerk'), t.as('ch-clerk2')]);
  const body = { action: 'progress_note', version: o.version, note: '' };
  const [r1, r2] = await Promise.all([
    a.post(`/api/work-orders/${o.id}/transitions`, { ...body, note: '甲' }),
    b.post(`/api/work-orders/${o.id}/transitions`, { ...body, note: '乙' }),
  ]);
  assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
  const detail = (await a.get(`/api/work-orders/${o.id}`)).body;
  assert.equal(detail.version, o.version + 1);
  assert.equal(detail.events.filter((e: { action: string }) => e.action === 'progress_note').length, 1, 'the loser left no event');
});

test('X-01 two sweepers at the same instant notify once (separate processes on PostgreSQL)', async () => {
  const o = (await repairCase(t.database.db, 'ch-clerk', chy)).orders[0];
  const [d] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, o.id), eq(deadlines.kind, 'dispatch')));
  const at = new Date(d.dueAt.getTime() + 60_000);
  if (t.database.url) {
    const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/sweep-once.ts', at.toISOString()], { env: { ...process.env, DATABASE_URL: t.database.url } });
    const outs = await Promise.all([run(), run()]);
    const claimed = outs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop()!).claimed as number);
    assert.ok(claimed.reduce((x, y) => x + y, 0) >= 1);
  } else {
    // PGlite is one process; two sweeps still race for the same rows inside it.
    await Promise.all([sweepOverdue(t.database.db, at), sweepOverdue(t.database.db, at)]);
  }
  const notes = await t.database.db.select().from(notifications).where(and(eq(notifications.entityId, o.id), eq(notifications.kind, 'overdue_dispatch')));
  assert.ok(notes.length >= 1);
  assert.equal(new Set(notes.map((n) => n.userId)).size, notes.length, 'one notice per person');
  const [after] = await t.database.db.select().from(deadlines).where(eq(deadlines.id, d.id));
  assert.equal(after.notifiedLevel, 1);
});
