// ORG-01..ORG-03: projects, the space tree and units, scoped to the user's projects.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { auditEvents } from '../../platform/tables';
import { units } from './tables';

let t: TestApp;
let chy: string;
let gmzx: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gmzx = await t.projectId('GMZX');
});
after(() => t.close());

test('ORG-01 a clerk sees only the projects of their roles; the company admin sees all', async () => {
  const clerk = await t.as('ch-clerk');
  const mine = await clerk.get('/api/projects');
  assert.equal(mine.status, 200);
  assert.deepEqual(mine.body.map((p: { code: string }) => p.code), ['CHY']);
  assert.equal(mine.body[0].serviceLevel, 4);
  assert.equal(mine.body[0].unitCount, (await t.database.db.select().from(units).where(eq(units.projectId, chy))).length);
  assert.equal(mine.body[0].areaCount, 2);
  const admin = await t.as('admin');
  assert.deepEqual((await admin.get('/api/projects')).body.map((p: { code: string }) => p.code).sort(), ['BSY', 'CHY', 'GMZX']);
});

test('ORG-02 the space tree lists areas and buildings; another project answers 404', async () => {
  const clerk = await t.as('ch-clerk');
  const tree = await clerk.get(`/api/projects/${chy}/space`);
  assert.equal(tree.status, 200);
  assert.deepEqual(tree.body.areas.map((a: { name: string }) => a.name), ['A区', 'B区']);
  const b = tree.body.areas[0].buildings[0];
  const counted = (await t.database.db.select().from(units).where(eq(units.buildingId, b.id))).length;
  assert.ok(counted > 0);
  assert.equal(b.unitCount, counted);
  assert.equal((await clerk.get(`/api/projects/${gmzx}/space`)).status, 404);
});

test('ORG-02 units are found by "区域-栋号-楼层-房号" and pages follow a keyset cursor', async () => {
  const clerk = await t.as('ch-clerk');
  const hit = await clerk.get(`/api/units?projectId=${chy}&q=${encodeURIComponent('A区-1栋-2层-201')}`);
  assert.equal(hit.status, 200);
  assert.equal(hit.body.items.length, 1);
  assert.equal(hit.body.items[0].path, 'A区-1栋-2层-201');

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: { path: string }[]; nextCursor: string | null } } = await clerk.get(
      `/api/units?projectId=${chy}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
    );
    seen.push(...page.body.items.map((u) => u.path));
    cursor = page.body.nextCursor;
  } while (cursor);
  const total = (await t.database.db.select().from(units).where(eq(units.projectId, chy))).length;
  assert.equal(seen.length, total, 'every unit exactly once');
  assert.equal(new Set(seen).size, total);
  // Natural order: 2层 before 10层, building by building.
  const rows = await t.database.db.select().from(units).where(eq(units.projectId, chy)).orderBy(units.sortKey);
  assert.deepEqual(seen, rows.map((u) => u.path));
  const floors = seen.filter((p) => p.startsWith('A区-1栋-')).map((p) => Number(p.split('-')[2].replace('层', '')));
  assert.deepEqual(floors, [...floors].sort((a, b) => a - b), 'floors ascend numerically');
  assert.equal((await clerk.get(`/api/units?projectId=${chy}&cursor=garbage`)).status, 400);
});

test('ORG-02 units are found by the forms a clerk types: numbers only, with or without 区/栋/层, full-width digits', async () => {
  const clerk = await t.as('ch-clerk');
  for (const q of ['1-201', '1栋201', 'A-1-2-201', '１栋２０１', 'a区1栋2层201', '1-2-201', 'A区 1栋 201']) {
    const res = await clerk.get(`/api/units?projectId=${chy}&q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, q);
    assert.deepEqual(res.body.items.map((u: { path: string }) => u.path), ['A区-1栋-2层-201'], q);
    const lookup = await clerk.get(`/api/lookup?projectId=${chy}&q=${encodeURIComponent(q)}`);
    assert.ok(lookup.body.hits.some((h: { path: string }) => h.path === 'A区-1栋-2层-201'), `lookup ${q}`);
  }
  // A different building or room is not matched by a looser pattern ("11栋", "1201").
  assert.ok((await clerk.get(`/api/units?projectId=${chy}&q=1-101`)).body.items.every((u: { path: string }) => /-1栋-\d+层-101$/.test(u.path)));
  assert.equal((await clerk.get(`/api/units?projectId=${chy}&q=${encodeURIComponent('99栋101')}`)).body.items.length, 0);
});

test('ORG-02 a clerk of one project cannot read or change another project\'s units (404, no leak in lists)', async () => {
  const gmClerk = await t.as('gm-clerk');
  const [chyUnit] = await t.database.db.select().from(units).where(eq(units.projectId, chy)).limit(1);
  assert.equal((await gmClerk.get(`/api/units/${chyUnit.id}`)).status, 404);
  // A clerk may change units nowhere, so the route itself refuses before any record is looked at.
  assert.equal((await gmClerk.put(`/api/units/${chyUnit.id}`, { state: 'vacant', version: chyUnit.version })).status, 403);
  const gmSuper = await t.as('gm-super');
  assert.equal((await gmSuper.put(`/api/units/${chyUnit.id}`, { state: 'vacant', version: chyUnit.version })).status, 404);
  assert.equal((await gmClerk.get(`/api/units?projectId=${chy}`)).status, 404);
  const [after] = await t.database.db.select().from(units).where(eq(units.id, chyUnit.id));
  assert.equal(after.version, chyUnit.version, 'nothing changed');
});

test('ORG-03 a supervisor changes a unit state with an audit event; a clerk may read but not change (403)', async () => {
  const [u] = await t.database.db.select().from(units).where(and(eq(units.projectId, chy), eq(units.state, 'owner_occupied'))).limit(1);
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.get(`/api/units/${u.id}`)).status, 200);
  assert.equal((await clerk.put(`/api/units/${u.id}`, { state: 'decorating', version: u.version })).status, 403);

  const sup = await t.as('ch-super');
  const res = await sup.put(`/api/units/${u.id}`, { state: 'decorating', version: u.version });
  assert.equal(res.status, 200);
  assert.equal(res.body.state, 'decorating');
  assert.equal(res.body.version, u.version + 1);
  const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'update')));
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].before, { state: 'owner_occupied' });
  assert.deepEqual(events[0].after, { state: 'decorating' });
});

test('X-02 a stale version answers 409 and leaves the newer change in place', async () => {
  const [u] = await t.database.db.select().from(units).where(and(eq(units.projectId, chy), eq(units.state, 'rented'))).limit(1);
  const sup = await t.as('ch-super');
  assert.equal((await sup.put(`/api/units/${u.id}`, { areaM2: 99.5, version: u.version })).status, 200);
  const stale = await sup.put(`/api/units/${u.id}`, { areaM2: 10, version: u.version });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error, 'stale_version');
  const [now] = await t.database.db.select().from(units).where(eq(units.id, u.id));
  assert.equal(now.areaM2, 99.5);
});

test('bad unit input answers 400 with field errors and writes nothing', async () => {
  const [u] = await t.database.db.select().from(units).where(eq(units.projectId, chy)).limit(1);
  const sup = await t.as('ch-super');
  const res = await sup.put(`/api/units/${u.id}`, { state: 'sold', areaM2: -3, handoverDate: '2026-13-40', version: u.version });
  assert.equal(res.status, 400);
  assert.deepEqual(res.body.fields.map((f: { path: string }) => f.path).sort(), ['areaM2', 'handoverDate', 'state']);
  assert.equal((await sup.get('/api/units/not-a-uuid')).status, 400);
  assert.equal((await sup.get('/api/units/00000000-0000-4000-8000-000000000000')).status, 404);
  const [same] = await t.database.db.select().from(units).where(eq(units.id, u.id));
  assert.equal(same.version, u.version);
});

test('ORG-01 the project manager edits the service level; a clerk is refused', async () => {
  const mgr = await t.as('ch-manager');
  const [p] = (await mgr.get('/api/projects')).body;
  assert.equal((await (await t.as('ch-clerk')).put(`/api/projects/${chy}`, { serviceLevel: 5, version: p.version })).status, 403);
  assert.equal((await mgr.put(`/api/projects/${chy}`, { serviceLevel: 6, version: p.version })).status, 400);
  const ok = await mgr.put(`/api/projects/${chy}`, { serviceLevel: 5, version: p.version });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.serviceLevel, 5);
  assert.equal((await mgr.put(`/api/projects/${gmzx}`, { serviceLevel: 5, version: 1 })).status, 404);
});

test('ORG-01 a company admin opens a project that starts with the official holiday calendar; others are refused', async () => {
  const admin = await t.as('admin');
  const input = { code: 'LHY', name: '丽湖公寓', type: 'apartment', serviceLevel: 3 };
  assert.equal((await (await t.as('ch-manager')).post('/api/projects', input)).status, 403);
  assert.equal((await (await t.as('ch-clerk')).post('/api/projects', input)).status, 403);
  const created = await admin.post('/api/projects', input);
  assert.equal(created.status, 201);
  assert.equal(created.body.timezone, 'Asia/Shanghai');
  const cal = await admin.get(`/api/projects/${created.body.id}/calendar`);
  const year = new Date().getFullYear();
  assert.ok(cal.body.days.some((d: { date: string; kind: string }) => d.date.startsWith(String(year)) && d.kind === 'holiday'));
  const dup = await admin.post('/api/projects', input);
  assert.equal(dup.status, 400);
  assert.equal(dup.body.fields[0].path, 'code');
  assert.equal((await admin.post('/api/projects', { ...input, code: 'x y' })).status, 400);
});

test('X-02 a unit shows its full history with who changed what; another project cannot read it', async () => {
  const [u] = await t.database.db.select().from(units).where(and(eq(units.projectId, chy), eq(units.state, 'vacant'))).limit(1);
  const sup = await t.as('ch-super');
  await sup.put(`/api/units/${u.id}`, { state: 'rented', version: u.version });
  const history = await (await t.as('ch-clerk')).get(`/api/history/unit/${u.id}`);
  assert.equal(history.status, 200);
  assert.deepEqual(history.body.items.map((e: { action: string }) => e.action), ['seed', 'update']);
  assert.ok(history.body.items[1].actorName);
  assert.deepEqual(history.body.items[1].after, { state: 'rented' });
  assert.equal((await (await t.as('gm-clerk')).get(`/api/history/unit/${u.id}`)).status, 404);
  assert.equal((await sup.get(`/api/history/robot/${u.id}`)).status, 400);
});
