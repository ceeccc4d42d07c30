// QI-04: the month's results, the numbered bulletin (refused while a project has no submitted inspection,
// sent to every department's heads), and rectifications (deadline mirrored for the sweeper, closed with
// evidence by the project manager, accepted or returned by the inspector, overdue flagged and escalated).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { nextInspectionMonth } from '../../test/inspection-fixtures';
import { principalOf, SIGNATURE } from '../../test/desk';
import { auditEvents } from '../../platform/tables';
import { deadlines } from '../deadlines/tables';
import { sweepOverdue } from '../deadlines/jobs';
import { startInspection } from './commands/start-inspection';
import { submitInspection } from './commands/submit-inspection';
import { inspectionFindings, rectifications } from './tables';
import { projects } from '../org/tables';

let t: TestApp;
let chy: string;
let quality: Client;
let projectIds: string[];
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  quality = await t.as('quality');
  const { companyId } = await principalOf(t.database.db, 'admin');
  projectIds = (await t.database.db.select({ id: projects.id }).from(projects).where(eq(projects.companyId, companyId))).map((p) => p.id);
});
after(() => t.close());

/** Starts, reviews (proposals rejected) and submits an inspection of a project, with manual findings. */
async function inspect(projectId: string, month: string, findings: { itemCode: string; count: number }[] = []) {
  let d = (await quality.post('/api/inspections', { projectId, month })).body;
  assert.ok(d.id, JSON.stringify(d));
  for (const f of d.findings.filter((x: { status: string }) => x.status === 'proposed')) d = (await quality.post(`/api/inspections/${d.id}/findings/${f.id}/review`, { version: d.version, decision: 'reject', reason: '测试中不计' })).body;
  for (const f of findings) d = (await quality.post(`/api/inspections/${d.id}/findings`, { version: d.version, ...f, note: '现场检查' })).body;
  const s = await quality.post(`/api/inspections/${d.id}/submit`, { version: d.version });
  assert.equal(s.status, 200, JSON.stringify(s.body));
  return s.body;
}

const rectsOf = async (client: Client, inspectionId: string) =>
  (await client.get(`/api/rectifications?projectId=${chy}`)).body.items.filter((r: { inspectionId: string }) => r.inspectionId === inspectionId);

test('QI-04 publication is refused while a project of the month has no submitted inspection; then it is numbered, ranked and sent to every department', async () => {
  const month = nextInspectionMonth();
  const [last, ...rest] = projectIds;
  for (const [k, pid] of rest.entries()) await inspect(pid, month, k === 0 ? [{ itemCode: 'CS-13', count: 1 }] : []);
  const d = await quality.post('/api/inspection-bulletins', { month, remarks: '请各项目按期整改' });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  assert.equal(d.body.number, null, 'a draft has no number yet');
  assert.equal((await quality.post('/api/inspection-bulletins', { month })).status, 409, 'one bulletin per month');
  const missing = d.body.items.find((i: { projectId: string }) => i.projectId === last);
  assert.equal(missing.score, null);
  const refused = await quality.post(`/api/inspection-bulletins/${d.body.id}/publish`, { version: d.body.version });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error, 'bulletin_incomplete');
  // A draft is not shown to the departments.
  assert.equal((await (await t.as('ch-manager')).get(`/api/inspection-bulletins/${d.body.id}`)).status, 404);

  await inspect(last, month, [{ itemCode: 'CS-13', count: 2 }, { itemCode: 'CS-39', count: 1 }]);
  const p = await quality.post(`/api/inspection-bulletins/${d.body.id}/publish`, { version: d.body.version });
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.match(p.body.number, /^品质通报-\d{4}-\d{3}$/);
  assert.equal(p.body.status, 'published');
  assert.ok(p.body.items.every((i: { rank: number | null }) => i.rank !== null));
  assert.equal(p.body.items[p.body.items.length - 1].projectId, last, 'the lowest score ranks last');
  assert.equal(p.body.passRate, 1);
  assert.equal((await quality.put(`/api/inspection-bulletins/${d.body.id}`, { version: p.body.version, remarks: '改' })).status, 409, 'a published bulletin is frozen');
  for (const u of ['ch-manager', 'ch-super', 'gm-manager', 'ch-eng']) {
    const n = (await (await t.as(u)).get('/api/notifications')).body.items;
    assert.ok(n.some((x: { kind: string; title: string }) => x.kind === 'bulletin_published' && x.title.includes(p.body.number)), u);
  }
  assert.ok(!(await (await t.as('ch-clerk')).get('/api/notifications')).body.items.some((x: { kind: string }) => x.kind === 'bulletin_published'));
  const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'inspection_bulletin'), eq(auditEvents.entityId, d.body.id)));
  assert.deepEqual(events.map((e) => e.action).sort(), ['draft', 'publish']);
  // The results page shows the month with its bulletin.
  const r = (await (await t.as('ch-manager')).get(`/api/inspections/results?month=${month}`)).body;
  assert.equal(r.bulletin.number, p.body.number);
  assert.deepEqual(r.items.map((i: { projectId: string }) => i.projectId), [chy], 'a project manager sees his own project only');
});

test('QI-04 bulletins are numbered by the company without gaps, in the order they are published', async () => {
  const numbers: string[] = [];
  for (let k = 0; k < 2; k++) {
    const month = nextInspectionMonth();
    for (const pid of projectIds) await inspect(pid, month);
    const d = (await quality.post('/api/inspection-bulletins', { month })).body;
    numbers.push((await quality.post(`/api/inspection-bulletins/${d.id}/publish`, { version: d.version })).body.number);
  }
  const [a, b] = numbers.map((n) => Number(n.split('-')[2]));
  assert.equal(b, a + 1, numbers.join(' '));
  assert.equal(numbers[0].split('-')[1], numbers[1].split('-')[1]);
});

test('QI-04 only a company-wide inspector drafts bulletins; a clerk is refused; a manager of another project cannot close a rectification', async () => {
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.post('/api/inspection-bulletins', { month: nextInspectionMonth() })).status, 403);
  assert.equal((await clerk.get('/api/rectifications')).status, 403);
  assert.equal((await (await t.as('ch-manager')).post('/api/inspection-bulletins', { month: nextInspectionMonth() })).status, 403);
  const i = await inspect(chy, nextInspectionMonth(), [{ itemCode: 'CS-39', count: 1 }]);
  const [r] = await rectsOf(quality, i.id);
  assert.equal((await (await t.as('gm-manager')).post(`/api/rectifications/${r.id}/close`, { version: r.version, note: '已整改' })).status, 404);
  assert.equal((await quality.post(`/api/rectifications/${r.id}/close`, { version: r.version, note: '已整改' })).status, 403, 'the inspector does not close for the project');
  assert.equal((await (await t.as('ch-manager')).post(`/api/rectifications/${r.id}/review`, { version: r.version, decision: 'accept' })).status, 403, 'the manager does not accept his own work');
});

test('QI-04 each finding becomes a rectification due in 7 days; closed with evidence, returned (open again, new deadline), closed, accepted', async () => {
  const i = await inspect(chy, nextInspectionMonth(), [{ itemCode: 'CS-13', count: 1 }, { itemCode: 'CS-39', count: 2 }]);
  const rs = await rectsOf(quality, i.id);
  assert.equal(rs.length, 2);
  const r = rs.find((x: { itemCode: string }) => x.itemCode === 'CS-39');
  assert.equal(r.state, 'open');
  assert.match(r.number, /^ZG-\d{4}-\d{6}$/);
  const days = (Date.parse(r.dueAt) - Date.parse(i.submittedAt)) / 86_400_000;
  assert.ok(days > 7 && days <= 8, `due in 7 calendar days (end of day): ${days}`);
  const [dl] = await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, r.id));
  assert.equal(dl.kind, 'rectification');
  assert.equal(dl.dueAt.toISOString(), r.dueAt);
  assert.equal(dl.metAt, null);

  const pm = await t.as('ch-manager');
  assert.equal((await pm.post(`/api/rectifications/${r.id}/close`, { version: r.version, note: '' })).status, 400, 'a note is required');
  const c = await pm.post(`/api/rectifications/${r.id}/close`, { version: r.version, note: '已组织前台员工佩戴工牌', photos: [{ name: 'a.png', data: SIGNATURE }] });
  assert.equal(c.status, 200, JSON.stringify(c.body));
  assert.equal(c.body.state, 'closed');
  assert.equal(c.body.photos.length, 1);
  assert.equal((await pm.get(c.body.photos[0].url)).status, 200);
  assert.equal((await (await t.as('gm-manager')).get(c.body.photos[0].url)).status, 404);
  assert.ok((await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, r.id)))[0].metAt, 'closing meets the deadline');
  assert.equal((await pm.post(`/api/rectifications/${r.id}/close`, { version: c.body.version, note: '再次' })).status, 409);

  assert.equal((await quality.post(`/api/rectifications/${r.id}/review`, { version: c.body.version, decision: 'return' })).status, 400, 'a return needs its reason');
  const back = await quality.post(`/api/rectifications/${r.id}/review`, { version: c.body.version, decision: 'return', note: '照片看不到工牌' });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal(back.body.state, 'open');
  assert.equal(back.body.round, 2);
  assert.ok(Date.parse(back.body.dueAt) >= Date.parse(r.dueAt));
  const [dl2] = await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, r.id));
  assert.equal(dl2.metAt, null, 'returned: the deadline runs again');
  assert.equal(dl2.dueAt.toISOString(), back.body.dueAt);

  const c2 = (await pm.post(`/api/rectifications/${r.id}/close`, { version: back.body.version, note: '已补拍佩戴工牌照片' })).body;
  const ok = await quality.post(`/api/rectifications/${r.id}/review`, { version: c2.version, decision: 'accept' });
  assert.equal(ok.body.state, 'accepted');
  assert.equal(ok.body.actions.length, 0);
  assert.equal((await quality.post(`/api/rectifications/${r.id}/review`, { version: ok.body.version, decision: 'return', note: '再退' })).status, 409);
  const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'rectification'), eq(auditEvents.entityId, r.id)));
  assert.deepEqual(events.map((e) => e.action), ['open', 'close', 'return', 'close', 'accept']);
  // Filters: the accepted item is found by state, not among the open ones.
  assert.ok((await quality.get(`/api/rectifications?projectId=${chy}&state=accepted`)).body.items.some((x: { id: string }) => x.id === r.id));
  assert.ok(!(await quality.get(`/api/rectifications?projectId=${chy}&state=open`)).body.items.some((x: { id: string }) => x.id === r.id));
});

test('QI-04 a correction that withdraws a finding withdraws its rectification and closes its deadline', async () => {
  const i = await inspect(chy, nextInspectionMonth(), [{ itemCode: 'CS-13', count: 1 }]);
  const [r] = await rectsOf(quality, i.id);
  const f = i.findings.find((x: { itemCode: string; status: string }) => x.itemCode === 'CS-13' && x.status === 'recorded');
  const c = await quality.post(`/api/inspections/${i.id}/corrections`, { version: i.version, reason: '复核录音后确认已报工号', findingId: f.id, count: 0 });
  assert.equal(c.status, 200, JSON.stringify(c.body));
  const [after] = await t.database.db.select().from(rectifications).where(eq(rectifications.id, r.id));
  assert.equal(after.state, 'withdrawn');
  assert.ok((await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, r.id)))[0].metAt);
});

test('QI-04, X-01 an overdue rectification is flagged: the sweeper tells the project manager, then escalates to the quality department', async () => {
  const qp = await principalOf(t.database.db, 'quality');
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
  const month = nextInspectionMonth();
  const d = await startInspection(t.database.db, qp, { projectId: chy, month }, tenDaysAgo);
  await t.database.db.update(inspectionFindings).set({ status: 'rejected', reason: '测试' }).where(eq(inspectionFindings.inspectionId, d.id));
  const withFinding = (await quality.post(`/api/inspections/${d.id}/findings`, { version: d.version, itemCode: 'CS-39', count: 1, note: '未佩戴工牌' })).body;
  await submitInspection(t.database.db, qp, d.id, { version: withFinding.version }, tenDaysAgo);
  const [r] = await rectsOf(quality, d.id);
  assert.equal(r.overdue, true);
  assert.equal(r.notifiedLevel, 0);
  assert.ok((await quality.get(`/api/rectifications?projectId=${chy}&overdue=true`)).body.items.some((x: { id: string }) => x.id === r.id));
  assert.ok(!(await quality.get(`/api/rectifications?projectId=${chy}&overdue=false`)).body.items.some((x: { id: string }) => x.id === r.id));
  // Sweep until nothing is left to claim (the demo company has older overdue deadlines too).
  for (let k = 0; k < 50; k++) if ((await sweepOverdue(t.database.db, new Date(), 5000)).claimed === 0) break;
  const flagged = (await quality.get(`/api/rectifications/${r.id}`)).body;
  assert.equal(flagged.notifiedLevel, 2);
  const pmNotes = (await (await t.as('ch-manager')).get('/api/notifications')).body.items;
  assert.ok(pmNotes.some((n: { kind: string; title: string; link: string }) => n.kind === 'overdue_rectification' && n.title.includes(r.number) && n.link === `/rectifications/${r.id}`));
  const qNotes = (await quality.get('/api/notifications')).body.items;
  assert.ok(qNotes.some((n: { kind: string; title: string }) => n.kind === 'escalated_rectification' && n.title.includes(r.number)));
});
