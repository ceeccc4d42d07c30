// AR-04: only authorised roles see archives; lists mask phone and ID numbers; the full values only on a
// logged detail view; exports logged; ID numbers and documents sealed at rest, ID search by keyed hash.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { testVault } from '../../test/archive-fixtures';
import { fixtures } from '../../test/fixtures';
import { customers } from '../people/tables';
import { archiveAccessLog, archiveDocuments, archives } from './tables';
import { rowsOf } from '../../platform/db';
import { maskIdNumber } from '../../../common/mask';
import { sealPlainIdNumbers } from './seal-upkeep';

let t: TestApp;
let chy: string;
let gm: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gm = await t.projectId('GMZX');
});
after(() => t.close());

async function personArchive(projectId = chy) {
  const [row] = await t.database.db
    .select({ a: archives, c: customers })
    .from(archives)
    .innerJoin(customers, eq(customers.id, archives.customerId))
    .where(and(eq(archives.projectId, projectId), eq(customers.kind, 'person'), isNotNull(customers.idNumberSealed)))
    .limit(1);
  return row;
}

test('AR-04 a role without archive access gets 403 and nothing in the body; another project answers 404', async () => {
  const { a } = await personArchive();
  for (const user of ['ch-tech', 'ch-finance', 'ch-eng']) {
    const c = await t.as(user);
    for (const url of [`/api/archives/${a.id}`, `/api/archives?projectId=${chy}`]) {
      const res = await c.get(url);
      assert.equal(res.status, 403, `${user} ${url}`);
      assert.deepEqual(Object.keys(res.body).sort(), ['error', 'message'], 'no archive data in a refusal');
    }
  }
  const other = await personArchive(gm);
  const keeper = await t.as('ch-keeper');
  const res = await keeper.get(`/api/archives/${other.a.id}`);
  assert.equal(res.status, 404);
  assert.ok(!JSON.stringify(res.body).includes(other.c.name));
});

test('AR-04 lists mask phone and ID number; the detail shows them in full and logs who, when, what and from where', async () => {
  const { a, c } = await personArchive();
  const keeper = await t.as('ch-keeper');
  const list = await keeper.get(`/api/archives?projectId=${chy}&q=${encodeURIComponent(c.name)}`);
  const item = list.body.items.find((x: { id: string }) => x.id === a.id);
  assert.ok(item);
  assert.match(item.phone, /^\d{3}\*{4}\d{4}$/);
  assert.match(item.idNumber, /^\d{4}\*{10}[\dX]{4}$/);

  const before = (await t.database.db.select().from(archiveAccessLog).where(eq(archiveAccessLog.entityId, a.id))).length;
  const detail = await keeper.get(`/api/archives/${a.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.phone, c.phone);
  const plain = testVault.openText(c.idNumberSealed!);
  assert.equal(detail.body.idNumber, plain);
  assert.match(plain, /^\d{17}[\dX]$/);
  const logs = await t.database.db.select().from(archiveAccessLog).where(eq(archiveAccessLog.entityId, a.id));
  assert.equal(logs.length, before + 1);
  const log = logs.at(-1)!;
  assert.equal(log.action, 'view');
  assert.ok(log.ip, 'from where');
  assert.ok(log.label.includes(c.name));
});

test('AR-04 ID numbers are sealed at rest and found by keyed hash, never by the plain value', async () => {
  const { a, c } = await personArchive();
  const plain = testVault.openText(c.idNumberSealed!);
  const leaked = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from customers where id_number = ${plain} or id_number_sealed like ${'%' + plain + '%'}`));
  assert.equal(leaked[0].n, 0, 'the plain number is stored nowhere in customers');
  assert.notEqual(c.idNumberHash, plain);
  const keeper = await t.as('ch-keeper');
  const found = await keeper.get(`/api/archives?projectId=${chy}&q=${plain}`);
  assert.ok(found.body.items.some((x: { id: string }) => x.id === a.id), 'search by the full ID number');
  const masked = await keeper.get(`/api/archives?projectId=${chy}&q=${plain.slice(0, 10)}`);
  assert.ok(!masked.body.items.some((x: { id: string }) => x.id === a.id), 'a fragment of an ID number finds nothing');
});

test('AR-04 a database from before sealing: plain ID numbers are sealed at start-up, audited masked, once', async () => {
  const { c } = await personArchive();
  const plain = testVault.openText(c.idNumberSealed!);
  // The row as an older database held it: the number in plain text, nothing sealed.
  await t.database.db.update(customers).set({ idNumber: plain, idNumberSealed: null, idNumberHash: null }).where(eq(customers.id, c.id));
  assert.equal(await sealPlainIdNumbers(t.database.db, testVault), 1);
  const [after] = await t.database.db.select().from(customers).where(eq(customers.id, c.id));
  assert.equal(after.idNumber, maskIdNumber(plain));
  assert.equal(testVault.openText(after.idNumberSealed!), plain);
  assert.equal(after.idNumberHash, testVault.lookupHash(plain), 'found by the keyed hash again');
  assert.equal(after.version, c.version + 1);
  const events = rowsOf<{ after: unknown }>(await t.database.db.execute(sql`select after from audit_events where entity_id = ${c.id} and action = 'seal_id_number'`));
  assert.deepEqual(events.map((e) => e.after), [{ idNumber: maskIdNumber(plain) }], 'the event holds the masked number only');
  assert.equal(await sealPlainIdNumbers(t.database.db, testVault), 0, 'a second start changes nothing');
});

test('AR-04 a document file is sealed at rest, opened for readers, and each opening logged', async () => {
  const f = fixtures(t.database.db, t.storage, 'ch', chy);
  const doc = await f.archiveDocument();
  const [row] = await t.database.db.select().from(archiveDocuments).where(eq(archiveDocuments.id, doc.id));
  const stored = (await t.storage.get(row.storageKey!))!;
  const keeper = await t.as('ch-keeper');
  const res = await keeper.get(`/api/archive-documents/${doc.id}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'image/png');
  assert.ok(!stored.equals(res.bytes), 'the stored bytes are not the file');
  assert.ok(stored.indexOf(res.bytes.subarray(0, 8)) < 0, 'no PNG signature at rest');
  const logged = await t.database.db.select().from(archiveAccessLog).where(eq(archiveAccessLog.entityId, doc.id));
  assert.equal(logged.length, 1);
  assert.equal((await (await t.as('ch-tech')).get(`/api/archive-documents/${doc.id}`)).status, 403);
  // A tampered file is refused, not served.
  stored[stored.length - 1] ^= 0xff;
  await t.storage.put(row.storageKey!, stored);
  const damaged = await keeper.get(`/api/archive-documents/${doc.id}`);
  assert.equal(damaged.status, 409);
  assert.equal(damaged.body.error, 'document_damaged');
});

test('AR-04 exports are logged; the view log is for the project manager and quality, not the desk', async () => {
  const super_ = await t.as('ch-super');
  const res = await super_.get(`/api/archives/export?projectId=${chy}`);
  assert.equal(res.status, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.equal((await (await t.as('ch-clerk')).get(`/api/archives/export?projectId=${chy}`)).status, 403, 'the desk does not export archives');
  const month = new Date().toISOString().slice(0, 7);
  const manager = await t.as('ch-manager');
  const log = await manager.get(`/api/archive-log?projectId=${chy}&month=${month}`);
  assert.equal(log.status, 200);
  assert.ok(log.body.items.some((e: { action: string; entity: string }) => e.action === 'export' && e.entity === 'archive_list'));
  assert.ok(log.body.items.some((e: { action: string }) => e.action === 'view'));
  assert.equal((await (await t.as('quality')).get(`/api/archive-log?projectId=${chy}&month=${month}`)).status, 200);
  assert.equal((await super_.get(`/api/archive-log?projectId=${chy}&month=${month}`)).status, 403);
  assert.equal((await (await t.as('ch-keeper')).get(`/api/archive-log?projectId=${chy}&month=${month}`)).status, 403);
});
