// FD-01 with ORG-05: the gate guard (门岗/秩序维护员) signs in, sees their own project, looks a pass up by
// its number or check code and lets it through once — and reads nothing else of the desk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/harness';
import { frontdeskFixtures } from '../../test/frontdesk-fixtures';

let t: TestApp;
let chy: string;
let gm: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gm = await t.projectId('GMZX');
});
after(() => t.close());

test('FD-01 the gate guard signs in, sees their project, finds a pass by check code or number and lets it through once', async () => {
  const guard = await t.as('ch-guard');
  const me = (await guard.get('/api/me')).body;
  assert.deepEqual(me.roles.map((r: { role: string }) => r.role), ['security_guard']);
  const projects = (await guard.get('/api/projects')).body;
  const ids = (projects.items ?? projects).map((p: { id: string }) => p.id);
  assert.ok(ids.includes(chy) && !ids.includes(gm), 'their own project only');

  const pass = await frontdeskFixtures(t.database.db, t.storage, 'ch', chy).pass();
  const byCode = await guard.get(`/api/release-passes/check?projectId=${chy}&q=${pass.checkCode}`);
  assert.equal(byCode.status, 200);
  assert.deepEqual(byCode.body.items.map((p: { id: string }) => p.id), [pass.id]);
  assert.doesNotMatch(JSON.stringify(byCode.body), /13700001111/, 'the bearer’s phone is masked for the gate');
  const byNumber = await guard.get(`/api/release-passes/check?projectId=${chy}&q=${pass.number}`);
  assert.deepEqual(byNumber.body.items.map((p: { id: string }) => p.id), [pass.id]);

  const used = await guard.post(`/api/release-passes/${pass.id}/use`, { gate: '东门' });
  assert.equal(used.status, 200);
  assert.equal(used.body.state, 'used');
  const again = await guard.post(`/api/release-passes/${pass.id}/use`, { gate: '南门' });
  assert.equal(again.status, 409);
  assert.equal(again.body.error, 'pass_used');
});

test('FD-01 ORG-05 the gate guard is refused the rest of the desk: customers, cases, orders, the registers, another project’s gate', async () => {
  const guard = await t.as('ch-guard');
  const pass = await frontdeskFixtures(t.database.db, t.storage, 'ch', chy).pass();
  const refused = async (res: Promise<{ status: number }>, what: string) => assert.ok([403, 404].includes((await res).status), `${what} is refused`);
  await refused(guard.get(`/api/customers?projectId=${chy}`), 'the customer register');
  await refused(guard.get(`/api/cases?projectId=${chy}`), 'the cases');
  await refused(guard.post('/api/cases', { projectId: chy, channel: 'walk_in', category: 'other', callerName: '赵', callerPhone: '13700000000', content: '咨询', confirmedWithCaller: true }), 'opening a case');
  await refused(guard.get(`/api/work-orders?projectId=${chy}`), 'the work orders');
  await refused(guard.get(`/api/release-passes?projectId=${chy}&month=2026-11`), 'the pass register');
  await refused(guard.get(`/api/release-passes/${pass.id}`), 'a pass’s record');
  await refused(guard.post(`/api/release-passes/${pass.id}/void`, { version: pass.version, reason: '取消' }), 'voiding a pass');
  await refused(guard.get(`/api/shift-logs?projectId=${chy}&month=2026-11`), 'the handover logs');
  await refused(guard.get(`/api/lost-items?projectId=${chy}`), 'lost and found');
  await refused(guard.get(`/api/units?projectId=${chy}`), 'the units');
  const other = await frontdeskFixtures(t.database.db, t.storage, 'gm', gm).pass();
  assert.equal((await guard.get(`/api/release-passes/check?projectId=${gm}&q=${other.checkCode}`)).status, 404, 'another project’s gate');
  assert.equal((await guard.post(`/api/release-passes/${other.id}/use`, { gate: '东门' })).status, 404);
});
