// AR-01, AR-02: archives per unit and party with their checklists, missing counts, file-or-paper
// documents, due dates swept like every deadline, and the inspection's monthly figures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { userId } from '../../test/desk';
import { SIGNATURE } from '../../seed/signature';
import { sweepOverdue } from '../deadlines/jobs';
import { deadlines } from '../deadlines/tables';
import { notifications } from '../notifications/tables';
import { units } from '../org/tables';
import { customers, customerUnits } from '../people/tables';
import { archiveDueAt } from './checklist';
import { archives } from './tables';

let t: TestApp;
let chy: string;
let keeper: Client;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  keeper = await t.as('ch-keeper');
});
after(() => t.close());

/** An owner of a residence in the project without an archive yet: the demo's archive is retired first. */
async function ownerWithoutArchive(use = 'residence', kind = 'person', projectId = chy) {
  const rows = await t.database.db
    .select({ unitId: customerUnits.unitId, customerId: customerUnits.customerId, archiveId: archives.id, version: archives.version })
    .from(customerUnits)
    .innerJoin(units, eq(units.id, customerUnits.unitId))
    .innerJoin(customers, eq(customers.id, customerUnits.customerId))
    .innerJoin(archives, and(eq(archives.customerId, customerUnits.customerId), eq(archives.unitId, customerUnits.unitId), isNull(archives.retiredAt)))
    .where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'owner'), eq(units.use, use), eq(customers.kind, kind), eq(units.groupOwned, false)))
    .limit(1);
  const r = rows[0];
  assert.ok(r, `a ${use} owned by a ${kind}`);
  const admin = await t.as('admin');
  assert.equal((await admin.post(`/api/archives/${r.archiveId}/retire`, { version: r.version, reason: '测试重建' })).status, 200);
  return r;
}

test('AR-02 an owner archive gets the SPEC checklist; each missing required item counts, optional ones do not', async () => {
  const o = await ownerWithoutArchive();
  const res = await keeper.post('/api/archives', { unitId: o.unitId, kind: 'owner', customerId: o.customerId });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const a = res.body;
  const codes = a.checklist.map((i: { code: string }) => i.code);
  for (const c of ['cover', 'index', 'handover_notice', 'handover_form', 'first_year_invoice', 'owner_registration', 'emergency_contacts', 'id_copies', 'covenant_page', 'repair_slip', 'key_custody', 'power_of_attorney', 'key_collection_form', 'business_licence', 'emergency_key'])
    assert.ok(codes.includes(c), c);
  // A person's residence: no key-collection form (offices/shops), no business licence, no power of attorney.
  const applies = (code: string) => a.checklist.find((i: { code: string }) => i.code === code).applies;
  assert.equal(applies('key_collection_form'), false);
  assert.equal(applies('business_licence'), false);
  assert.equal(applies('power_of_attorney'), false);
  assert.equal(a.requiredCount, 11);
  assert.equal(a.missingCount, 11);
  assert.equal(a.checklist.find((i: { code: string }) => i.code === 'key_custody').missing, false, 'the key custody agreement is voluntary');

  // A paper original held in a cabinet and a phone photo both count as filed.
  const paper = await keeper.post(`/api/archives/${a.id}/documents`, { itemCode: 'cover', form: 'paper', cabinet: 'A柜-07' });
  assert.equal(paper.status, 201);
  assert.equal(paper.body.missingCount, 10);
  const photo = await keeper.post(`/api/archives/${a.id}/documents`, { itemCode: 'handover_form', form: 'file', name: '收楼手续书.png', data: SIGNATURE });
  assert.equal(photo.status, 201);
  assert.equal(photo.body.missingCount, 9);
  const doc = photo.body.checklist.find((i: { code: string }) => i.code === 'handover_form').documents[0];
  assert.match(doc.sha256, /^[0-9a-f]{64}$/);

  // Keys held makes the agent-free list unchanged but an agent adds the power of attorney.
  const agent = await keeper.put(`/api/archives/${a.id}`, { version: photo.body.version, viaAgent: true });
  assert.equal(agent.status, 200);
  assert.equal(agent.body.missingCount, 10, 'AR-02 a power of attorney is required when an agent handles it');

  // A file form without a file, an item not on the list, a retired document are refused.
  assert.equal((await keeper.post(`/api/archives/${a.id}/documents`, { itemCode: 'cover', form: 'file' })).body.fields[0].path, 'data');
  assert.equal((await keeper.post(`/api/archives/${a.id}/documents`, { itemCode: 'nonsense', form: 'paper' })).status, 400);
  const retired = await keeper.post(`/api/archive-documents/${doc.id}/retire`, { reason: '照片模糊' });
  assert.equal(retired.status, 200);
  assert.equal(retired.body.missingCount, 11, 'AR-05 a retired document no longer counts, and stays on record');
  assert.equal((await keeper.post(`/api/archive-documents/${doc.id}/retire`, { reason: '再次' })).status, 409);
});

test('AR-02 applicability: a company owning an office needs its business licence and the key-collection form', async () => {
  const o = await ownerWithoutArchive('office', 'company', await t.projectId('GMZX'));
  const res = await (await t.as('gm-keeper')).post('/api/archives', { unitId: o.unitId, kind: 'owner', customerId: o.customerId, keysHeld: true });
  assert.equal(res.status, 201);
  const applies = (code: string) => res.body.checklist.find((i: { code: string }) => i.code === code).applies;
  assert.equal(applies('key_collection_form'), true);
  assert.equal(applies('business_licence'), true);
  assert.equal(res.body.requiredCount, 13);
});

test('AR-01 the owner archive is due a month after handover; complete meets it; overdue goes to the housekeeper, then the CS supervisor', async () => {
  const o = await ownerWithoutArchive();
  const opened = await keeper.post('/api/archives', { unitId: o.unitId, kind: 'owner', customerId: o.customerId, openedOn: '2026-01-31' });
  assert.equal(opened.status, 201);
  const a = opened.body;
  assert.equal(a.dueAt, archiveDueAt('2026-01-31', 'Asia/Shanghai').toISOString());
  assert.equal(a.dueAt, '2026-02-28T16:00:00.000Z', 'end of 28 February, Shanghai time');
  assert.equal((await keeper.post('/api/archives', { unitId: o.unitId, kind: 'owner', customerId: o.customerId })).status, 409, 'one archive per unit and party');

  const [d] = await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, a.id));
  assert.equal(d.kind, 'archive_owner');
  const keeperId = await userId(t.database.db, 'ch-keeper');
  const superId = await userId(t.database.db, 'ch-super');
  assert.equal(d.responsibleId, keeperId);
  const notes = async (u: string) => t.database.db.select().from(notifications).where(and(eq(notifications.userId, u), eq(notifications.entityId, a.id)));
  await sweepOverdue(t.database.db, new Date('2026-03-01T00:00:00Z'));
  assert.deepEqual((await notes(keeperId)).map((n) => n.kind), ['overdue_archive_owner']);
  assert.equal((await notes(keeperId))[0].params.number.length > 0, true, 'the notice names the unit');
  await sweepOverdue(t.database.db, new Date('2026-03-01T06:00:00Z'));
  assert.deepEqual((await notes(superId)).map((n) => n.kind), ['escalated_archive_owner']);

  // Filing every required item completes the archive and meets the deadline.
  let detail = a;
  for (const item of a.checklist.filter((i: { applies: boolean; required: boolean }) => i.applies && i.required))
    detail = (await keeper.post(`/api/archives/${a.id}/documents`, { itemCode: item.code, form: 'paper', cabinet: 'B柜-01' })).body;
  assert.equal(detail.missingCount, 0);
  assert.ok(detail.completedAt);
  const [met] = await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, a.id));
  assert.ok(met.metAt);
});

test('AR-01 a group-owned unit needs a record, not an owner archive; sync opens what units lack', async () => {
  const admin = await t.as('admin');
  const [u] = await t.database.db.select().from(units).where(and(eq(units.projectId, chy), eq(units.groupOwned, true))).limit(1);
  assert.ok(u, 'the demo has group-owned units');
  const [rec] = await t.database.db.select().from(archives).where(and(eq(archives.unitId, u.id), eq(archives.kind, 'record')));
  assert.ok(rec, 'the demo filed a record');
  assert.equal((await t.database.db.select().from(archives).where(and(eq(archives.unitId, u.id), eq(archives.kind, 'owner')))).length, 0);
  assert.equal((await admin.post(`/api/archives/${rec.id}/retire`, { version: rec.version, reason: '测试' })).status, 200);
  const grid = await keeper.get(`/api/archives/floor-grid?projectId=${chy}&buildingId=${u.buildingId}`);
  assert.equal(grid.status, 200, JSON.stringify(grid.body));
  const cell = grid.body.floors.flatMap((f: { units: { unitId: string }[] }) => f.units).find((x: { unitId: string }) => x.unitId === u.id);
  assert.equal(cell.needed, 1, 'the floor grid shows the missing record');
  const sync = await keeper.post(`/api/projects/${chy}/archives/sync`);
  assert.equal(sync.status, 200);
  assert.ok(sync.body.opened >= 1);
  const again = await keeper.post(`/api/projects/${chy}/archives/sync`);
  assert.equal(again.body.opened, 0, 'a second sync opens nothing');
});

test('AR-02 the monthly figures: missing items as non-conformities at 0.5 points, overdue archives', async () => {
  const quality = await t.as('quality');
  const res = await quality.get(`/api/projects/${chy}/archive-figures?month=2026-11`);
  assert.equal(res.status, 200);
  const f = res.body;
  const [{ missing }] = (await t.database.db.execute(
    `select coalesce(sum(missing_count), 0)::int as missing from archives where project_id = '${chy}' and retired_at is null and created_at < '2026-11-30T16:00:00Z'`,
  ).then((r) => (r as unknown as { rows: { missing: number }[] }).rows)) as { missing: number }[];
  assert.equal(f.missingItems, missing);
  assert.equal(f.points, missing * 0.5);
  assert.ok(f.overdue > 0, 'the demo has overdue archives');
  assert.ok(f.archives > f.complete);
  assert.equal(f.byKind.reduce((s: number, k: { missingItems: number }) => s + k.missingItems, 0), f.missingItems);
});

test('AR-02 the company adds a required item: every open archive of the kind is recounted, complete ones reopen their deadline; dropping it restores them', async () => {
  const admin = await t.as('admin');
  const counts = async () =>
    Object.fromEntries(
      (await t.database.db.select({ id: archives.id, required: archives.requiredCount, missing: archives.missingCount, done: archives.completedAt }).from(archives).where(and(eq(archives.kind, 'owner'), isNull(archives.retiredAt)))).map((a) => [a.id, a]),
    );
  const before = await counts();
  // The demo has complete archives: the edit moves their completeness and their deadline.
  const [done] = Object.values(before).filter((a) => a.missing === 0);
  assert.ok(done, 'a complete owner archive');
  const doneId = done.id;
  const list = (await admin.get('/api/archive-checklists')).body.kinds.owner;
  assert.equal((await (await t.as('ch-manager')).put('/api/archive-checklists/owner', { items: list })).status, 403, 'a project manager does not edit the company checklist');
  const added = await admin.put('/api/archive-checklists/owner', { items: [...list, { code: 'parking_contract', label: '车位使用协议', appliesTo: 'all', required: true }] });
  assert.equal(added.status, 200);
  assert.equal(added.body.recounted, Object.keys(before).length);
  const after = await counts();
  for (const [id, a] of Object.entries(before)) {
    assert.equal(after[id].required, a.required + 1, 'one more required item');
    assert.equal(after[id].missing, a.missing + 1, 'and it is missing everywhere');
  }
  assert.equal(after[doneId].done, null, 'the complete archive is incomplete again');
  const [deadline] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, doneId), eq(deadlines.entity, 'archive')));
  if (deadline) assert.equal(deadline.metAt, null, 'its due-date deadline is open again');
  assert.equal((await admin.put('/api/archive-checklists/owner', { items: list })).status, 200);
  const restored = await counts();
  for (const [id, a] of Object.entries(before)) assert.deepEqual([restored[id].required, restored[id].missing], [a.required, a.missing]);
  assert.ok(restored[doneId].done, 'complete again once the item is dropped');
});
