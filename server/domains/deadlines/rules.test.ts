// deadline rules are per-project settings with versions; records keep the version they were computed under.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { repairCase } from '../../test/desk';
import { deadlines } from './tables';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

test('X-01 the manager changes a rule; new orders use the new version, existing ones keep theirs', async () => {
  const old = (await repairCase(t.database.db, 'ch-clerk', chy)).orders[0];
  const mgr = await t.as('ch-manager');
  const current = (await mgr.get(`/api/projects/${chy}/desk-rules`)).body;
  assert.equal(current.version, 0);
  assert.deepEqual(current.rules.reply, { clock: 'elapsed_hours', hours: 24 });
  const rules = { ...current.rules, completion: { ...current.rules.completion, normal: { clock: 'working_days', days: 2 } } };
  assert.equal((await (await t.as('ch-clerk')).put(`/api/projects/${chy}/desk-rules`, { rules, version: 0 })).status, 403);
  assert.equal((await (await t.as('gm-manager')).put(`/api/projects/${chy}/desk-rules`, { rules, version: 0 })).status, 404);
  assert.equal((await mgr.put(`/api/projects/${chy}/desk-rules`, { rules: { ...rules, followupSampleRate: 0.1 }, version: 0 })).status, 400, 'WO-07: never below 30%');
  const saved = await mgr.put(`/api/projects/${chy}/desk-rules`, { rules, version: 0 });
  assert.equal(saved.status, 200);
  assert.equal(saved.body.version, 1);
  assert.equal((await mgr.put(`/api/projects/${chy}/desk-rules`, { rules, version: 0 })).status, 409);

  const fresh = (await repairCase(t.database.db, 'ch-clerk', chy, { now: new Date('2026-11-27T16:00:00+08:00') })).orders[0];
  assert.equal(fresh.ruleVersion, 1);
  assert.equal(old.ruleVersion, 0);
  const [due] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, fresh.id), eq(deadlines.kind, 'completion')));
  // Friday 16:00 + 2 working days → Tuesday at the end of business (17:30).
  assert.equal(due.dueAt.toISOString(), '2026-12-01T09:30:00.000Z');
  assert.equal(due.ruleVersion, 1);
});
