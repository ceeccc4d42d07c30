// QI-01..QI-03: versioned standards, inspections out of 100 with capped deductions, the refusals, the
// computed findings (archives, KPIs) confirmed or rejected, corrections after submission, the ranking.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreOf } from '../../../common/inspections';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { nextInspectionMonth } from '../../test/inspection-fixtures';
import { eq } from 'drizzle-orm';
import { DEFAULT_STANDARD_ITEMS } from './default-standard';
import { kpiMonths } from '../kpi/tables';
import { projects } from '../org/tables';

let t: TestApp;
let chy: string;
let gmzx: string;
let quality: Client;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gmzx = await t.projectId('GMZX');
  quality = await t.as('quality');
});
after(() => t.close());

const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  const p = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return p.toISOString().slice(0, 7);
};

/** A draft of CHY in a month of its own, with any computed proposals rejected so only test findings count. */
async function draft(client = quality, projectId = chy) {
  const res = await client.post('/api/inspections', { projectId, month: nextInspectionMonth() });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  let d = res.body;
  for (const f of d.findings.filter((x: { status: string }) => x.status === 'proposed')) {
    const r = await client.post(`/api/inspections/${d.id}/findings/${f.id}/review`, { version: d.version, decision: 'reject', reason: '测试中不计' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    d = r.body;
  }
  assert.equal(d.score, 100);
  return d;
}

test('QI-01 the default standard has a row for every numbered item of the source standard, plus environment, engineering and security skeletons', async () => {
  const list = (await quality.get('/api/inspection-standards')).body.items;
  const cur = list.find((s: { current: boolean; code: string }) => s.current && s.code === 'default');
  assert.ok(cur, 'the demo company has its default standard');
  const std = (await quality.get(`/api/inspection-standards/${cur.id}`)).body;
  const cs = std.items.filter((i: { code: string }) => /^CS-/.test(i.code)).map((i: { code: string }) => i.code);
  assert.ok(cs.length >= 60, 'the 60 items of the source, and CS-61, CS-62 for the handover log and the cash (QI-03)');
  for (let n = 1; n <= 60; n++) assert.ok(cs.includes(`CS-${String(n).padStart(2, '0')}`), `item ${n}`);
  for (const c of ['客服', '环境', '工程', '秩序']) assert.ok(std.items.some((i: { category: string }) => i.category === c), c);
  for (const i of DEFAULT_STANDARD_ITEMS) assert.ok(i.cap >= i.deduction && i.methods.length > 0, i.code);
  assert.ok(std.items.some((i: { appliesTo: string }) => i.appliesTo === 'vacant_units'));
});

test('QI-01 a revision adds a version; an inspection keeps the version it used; stale version 409; only a company-wide grant revises; bad items 400', async () => {
  const admin = await t.as('admin');
  const d = await draft();
  const std = (await admin.get(`/api/inspection-standards/${d.standardId}`)).body;
  const items = std.items.map((i: { code: string; deduction: number }) => (i.code === 'CS-13' ? { ...i, deduction: 1, cap: 2 } : i));
  const manager = await t.as('ch-manager');
  assert.equal((await manager.post(`/api/inspection-standards/${std.id}/versions`, { version: std.version, name: std.name, items })).status, 403);
  const bad = await admin.post(`/api/inspection-standards/${std.id}/versions`, { version: std.version, name: std.name, items: [{ ...items[0], deduction: 2, cap: 1 }] });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.fields?.some((f: { path: string }) => f.path.includes('cap')), JSON.stringify(bad.body));
  const rev = await admin.post(`/api/inspection-standards/${std.id}/versions`, { version: std.version, name: std.name, items });
  assert.equal(rev.status, 201, JSON.stringify(rev.body));
  assert.equal(rev.body.version, std.version + 1);
  assert.equal((await admin.post(`/api/inspection-standards/${std.id}/versions`, { version: std.version, name: std.name, items })).status, 409);
  // The draft started before still scores CS-13 at the old 0.5 per non-conformity.
  const added = await quality.post(`/api/inspections/${d.id}/findings`, { version: d.version, itemCode: 'CS-13', count: 1, note: '未报工号' });
  assert.equal(added.status, 201);
  assert.equal(added.body.standardId, std.id);
  assert.equal(added.body.score, 99.5);
  // A new inspection uses the new version.
  const next = await quality.post('/api/inspections', { projectId: chy, month: nextInspectionMonth() });
  assert.equal(next.body.standardId, rev.body.id);
  assert.equal(next.body.standardVersion, std.version + 1);
});

test('QI-02 only the quality inspector and the company admin inspect: a clerk or manager 403, another project 404', async () => {
  for (const u of ['ch-clerk', 'ch-manager', 'ch-super']) {
    const c = await t.as(u);
    assert.equal((await c.post('/api/inspections', { projectId: chy, month: nextInspectionMonth() })).status, 403, u);
  }
  const clerk = await t.as('ch-clerk');
  const d = await draft(quality, gmzx);
  assert.equal((await clerk.get(`/api/inspections/${d.id}`)).status, 403, 'a clerk holds no inspection action at all');
  const manager = await t.as('ch-manager');
  assert.equal((await manager.get(`/api/inspections/${d.id}`)).status, 404, "another project's inspection");
  assert.equal((await manager.post(`/api/inspections/${d.id}/findings`, { version: d.version, itemCode: 'CS-13', count: 1 })).status, 403, 'a manager never inspects');
  const own = await draft();
  assert.equal((await manager.get(`/api/inspections/${own.id}`)).status, 200, 'the manager reads his project');
  assert.equal((await manager.post(`/api/inspections/${own.id}/findings`, { version: own.version, itemCode: 'CS-13', count: 1 })).status, 403);
  assert.equal((await (await t.as('admin')).post('/api/inspections', { projectId: chy, month: '2099-01' })).status, 400, 'a month not yet begun');
});

test('QI-02 the score starts at 100, each item is capped, ≥80 passes; bad input 400 with fields; stale version 409; a month once', async () => {
  const d = await draft();
  // CS-39: 1 point each, capped at 2 — five uniforms off take 2, not 5.
  let r = await quality.post(`/api/inspections/${d.id}/findings`, { version: d.version, itemCode: 'CS-39', count: 5, note: '5人未戴工牌', evidence: 'https://files.example/photo-1.jpg' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.score, 98);
  const f39 = r.body.findings.find((f: { itemCode: string }) => f.itemCode === 'CS-39');
  assert.equal(f39.points, 2);
  assert.equal(f39.evidence, 'https://files.example/photo-1.jpg');
  // A second finding of the same item adds nothing past the cap.
  r = await quality.post(`/api/inspections/${d.id}/findings`, { version: r.body.version, itemCode: 'CS-39', count: 1, note: '又一人' });
  assert.equal(r.body.score, 98);
  const stale = await quality.post(`/api/inspections/${d.id}/findings`, { version: d.version, itemCode: 'CS-13', count: 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error, 'stale_version');
  const bad = await quality.post(`/api/inspections/${d.id}/findings`, { version: r.body.version, itemCode: 'CS-13', count: 0 });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.fields.some((f: { path: string }) => f.path === 'count'));
  // CS-36 applies to offices and villas only: not to this residential project, but to the office tower.
  const notHere = await quality.post(`/api/inspections/${d.id}/findings`, { version: r.body.version, itemCode: 'CS-36', count: 1 });
  assert.equal(notHere.status, 400);
  assert.ok(notHere.body.fields.some((f: { path: string }) => f.path === 'itemCode'));
  const office = await draft(quality, gmzx);
  assert.equal((await quality.post(`/api/inspections/${office.id}/findings`, { version: office.version, itemCode: 'CS-36', count: 1, note: '通知无签收记录' })).status, 201);
  const unknown = await quality.post(`/api/inspections/${d.id}/findings`, { version: r.body.version, itemCode: 'XX-99', count: 1 });
  assert.equal(unknown.status, 400);
  assert.ok(unknown.body.fields.some((f: { path: string }) => f.path === 'itemCode'));
  // Enough heavy items to fail: 2+2+2+2 (capped) + 2 + 0.5×… down below 80.
  let v = r.body.version;
  for (const [itemCode, count] of [['CS-11', 1], ['CS-50', 3], ['CS-55', 1], ['CS-48', 4], ['CS-41', 2], ['CS-43', 2], ['CS-07', 9], ['CS-05', 9], ['CS-04', 9], ['EN-01', 9], ['ZX-02', 9]] as const) {
    r = await quality.post(`/api/inspections/${d.id}/findings`, { version: v, itemCode, count });
    assert.equal(r.status, 201);
    v = r.body.version;
  }
  assert.equal(r.body.score, 76);
  assert.equal(r.body.passed, false);
  // Editing a manual finding rescored.
  const f11 = r.body.findings.find((f: { itemCode: string }) => f.itemCode === 'ZX-02');
  r = await quality.put(`/api/inspections/${d.id}/findings/${f11.id}`, { version: v, count: 1, note: '已核实一处' });
  assert.equal(r.status, 200);
  assert.equal(r.body.score, 77);
  const again = await quality.post('/api/inspections', { projectId: chy, month: d.month });
  assert.equal(again.status, 409);
  assert.equal(again.body.error, 'inspection_exists');
  // The rule itself, on a standard's items.
  assert.deepEqual(scoreOf([{ code: 'A', deduction: 0.5, cap: 1 }], [{ itemCode: 'A', count: 3, status: 'recorded' }, { itemCode: 'A', count: 3, status: 'rejected' }]).score, 99);
  assert.equal(scoreOf([{ code: 'A', deduction: 20, cap: 20 }], [{ itemCode: 'A', count: 1, status: 'confirmed' }]).passed, true);
});

test('QI-02 a submitted inspection is not edited (409); it changes only by a correction with a reason, listed with its author', async () => {
  const d = await draft();
  let r = await quality.post(`/api/inspections/${d.id}/findings`, { version: d.version, itemCode: 'CS-21', count: 2, note: '两次去电未自我介绍' });
  const fid = r.body.findings.find((f: { itemCode: string }) => f.itemCode === 'CS-21').id;
  r = await quality.post(`/api/inspections/${d.id}/submit`, { version: r.body.version });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.status, 'submitted');
  assert.equal(r.body.score, 99);
  assert.deepEqual(r.body.actions, ['correct']);
  const v = r.body.version;
  const edit = await quality.post(`/api/inspections/${d.id}/findings`, { version: v, itemCode: 'CS-39', count: 1 });
  assert.equal(edit.status, 409);
  assert.equal(edit.body.error, 'inspection_submitted');
  assert.equal((await quality.put(`/api/inspections/${d.id}/findings/${fid}`, { version: v, count: 1 })).status, 409);
  assert.equal((await quality.post(`/api/inspections/${d.id}/submit`, { version: v })).status, 409);
  const noReason = await quality.post(`/api/inspections/${d.id}/corrections`, { version: v, findingId: fid, count: 1 });
  assert.equal(noReason.status, 400);
  assert.ok(noReason.body.fields.some((f: { path: string }) => f.path === 'reason'));
  const c = await quality.post(`/api/inspections/${d.id}/corrections`, { version: v, reason: '复听录音，其中一次已报工号', findingId: fid, count: 1 });
  assert.equal(c.status, 200, JSON.stringify(c.body));
  assert.equal(c.body.score, 99.5);
  assert.equal(c.body.corrections.length, 1);
  assert.equal(c.body.corrections[0].reason, '复听录音，其中一次已报工号');
  assert.ok(c.body.corrections[0].userName);
  assert.equal((await quality.post(`/api/inspections/${d.id}/corrections`, { version: v, reason: '再改', findingId: fid, count: 0 })).status, 409, 'stale');
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.post(`/api/inspections/${d.id}/corrections`, { version: c.body.version, reason: '想改', findingId: fid, count: 0 })).status, 403);
  const gmManager = await t.as('gm-manager');
  assert.equal((await gmManager.get(`/api/inspections/${d.id}`)).status, 404, "another project's inspection");
});

test('QI-03 starting an inspection computes the archive findings equal to the archive figures; the inspector confirms or rejects (with a reason)', async () => {
  const month = thisMonth();
  const figures = (await quality.get(`/api/projects/${chy}/archive-figures?month=${month}`)).body;
  const res = await quality.post('/api/inspections', { projectId: chy, month });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const d = res.body;
  const byItem = (code: string) => d.findings.find((f: { itemCode: string; source: string }) => f.itemCode === code && f.source === 'computed');
  const owner = figures.byKind.find((k: { kind: string }) => k.kind === 'owner').missingItems;
  assert.ok(owner > 0, 'the demo has owner archives missing documents');
  assert.equal(byItem('CS-05').count, owner);
  assert.equal(byItem('CS-05').status, 'proposed');
  assert.ok(byItem('CS-05').records.length > 0, 'the archives that prove it');
  if (figures.overdue > 0) assert.equal(byItem('CS-04').count, figures.overdue);
  else assert.equal(byItem('CS-04'), undefined);
  const tenant = figures.byKind.find((k: { kind: string }) => k.kind === 'tenant').missingItems;
  assert.equal(byItem('CS-06')?.count ?? 0, tenant);
  assert.equal(d.score, 100, 'proposals take nothing off until confirmed');
  assert.ok(d.autoItems.some((a: { itemCode: string; automatic: boolean }) => a.itemCode === 'CS-05' && a.automatic));
  assert.ok(d.autoItems.some((a: { itemCode: string; automatic: boolean }) => a.itemCode === 'CS-41' && a.automatic), 'key-customer visits are computed (QI-03)');
  assert.ok(d.autoItems.some((a: { itemCode: string; automatic: boolean }) => a.itemCode === 'CS-20' && !a.automatic), 'the repair slips\' archiving stays manual');
  const early = await quality.post(`/api/inspections/${d.id}/submit`, { version: d.version });
  assert.equal(early.status, 400, 'proposals not yet reviewed');
  const noReason = await quality.post(`/api/inspections/${d.id}/findings/${byItem('CS-05').id}/review`, { version: d.version, decision: 'reject' });
  assert.equal(noReason.status, 400);
  let r = await quality.post(`/api/inspections/${d.id}/findings/${byItem('CS-05').id}/review`, { version: d.version, decision: 'confirm' });
  assert.equal(r.status, 200);
  assert.equal(r.body.score, 100 - Math.min(2, owner * 0.5));
  assert.equal((await quality.post(`/api/inspections/${d.id}/findings/${byItem('CS-05').id}/review`, { version: r.body.version, decision: 'reject', reason: '重复' })).status, 409);
  for (const f of r.body.findings.filter((x: { status: string }) => x.status === 'proposed')) {
    r = await quality.post(`/api/inspections/${d.id}/findings/${f.id}/review`, { version: r.body.version, decision: 'reject', reason: '现场核实资料已补齐' });
    assert.equal(r.status, 200);
    assert.equal(r.body.findings.find((x: { id: string }) => x.id === f.id).reason, '现场核实资料已补齐');
  }
  r = await quality.post(`/api/inspections/${d.id}/submit`, { version: r.body.version });
  assert.equal(r.status, 200);
});

test('QI-03 the KPI items read the month rollup: the CS-14 count equals the repairs not dispatched the same day', async () => {
  const admin = await t.as('admin');
  // The demo's past months are already inspected; the current GMZX month is compared with its rollup.
  const kpi = (await admin.get(`/api/projects/${gmzx}/kpis?month=${thisMonth()}`)).body;
  const res = await admin.post('/api/inspections', { projectId: gmzx, month: thisMonth() });
  assert.equal(res.status, 201);
  const late = kpi.counts.repairCycles - kpi.counts.dispatchedSameDay;
  const f = res.body.findings.find((x: { itemCode: string }) => x.itemCode === 'CS-14');
  assert.ok((f?.count ?? 0) >= late, 'late dispatches, and late follow-ups of free repairs (QI-03)');
  if (f) assert.equal(f.status, 'proposed');
  // A month whose rollup has late dispatches, missed paid follow-ups and late replies: each a proposed finding.
  const month = nextInspectionMonth();
  const [p] = await t.database.db.select({ companyId: projects.companyId }).from(projects).where(eq(projects.id, gmzx));
  await t.database.db.insert(kpiMonths).values({ projectId: gmzx, month, companyId: p.companyId, repairCycles: 10, dispatchedSameDay: 7, closedPaid: 4, followedPaid: 3, closedFree: 10, followedFree: 1, repliesDue: 6, repliedInTime: 4, complaintFollowupsDue: 2, complaintFollowedInTime: 2 });
  const r = await admin.post('/api/inspections', { projectId: gmzx, month });
  assert.equal(r.status, 201);
  const count = (code: string) => r.body.findings.find((x: { itemCode: string }) => x.itemCode === code)?.count ?? 0;
  assert.equal(count('CS-14'), 3, 'same-day dispatch');
  assert.equal(count('CS-19'), 2, 'one paid follow-up missed, and free follow-ups below 30 %');
  assert.equal(count('CS-47'), 2, '24 h replies');
  assert.equal(count('CS-49'), 0, 'complaint follow-ups all in time');
});

test('QI-04 the month ranking: one query, best first, pass rate, last month beside; a manager sees only his project', async () => {
  const month = lastMonth();
  const r = await quality.get(`/api/inspections/ranking?month=${month}`);
  assert.equal(r.status, 200);
  const items = r.body.items;
  assert.ok(items.length >= 2, 'the demo inspects every project');
  for (let k = 1; k < items.length; k++) assert.ok(items[k - 1].score >= items[k].score);
  assert.ok(items.some((i: { passed: boolean }) => !i.passed), 'one demo project fails the latest month');
  assert.equal(r.body.passRate, Math.round((items.filter((i: { passed: boolean }) => i.passed).length / items.length) * 10000) / 10000);
  assert.ok(items.every((i: { previousScore: number | null }) => i.previousScore !== null));
  const manager = await t.as('ch-manager');
  const own = (await manager.get(`/api/inspections/ranking?month=${month}`)).body.items;
  assert.deepEqual(own.map((i: { projectId: string }) => i.projectId), [chy]);
  assert.equal((await (await t.as('ch-clerk')).get(`/api/inspections/ranking?month=${month}`)).status, 403);
  assert.equal((await quality.get('/api/inspections/ranking?month=2026-13')).status, 400);
});
