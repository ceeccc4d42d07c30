// Photos and documents: type checked by content, size limited, readable only with the record they belong to;
// the case's files travel to the technician of its orders.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { principalOf, repairCase, SIGNATURE } from '../../test/desk';
import { attachments } from './tables';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

const PNG = SIGNATURE;
const upload = (entity: string, entityId: string, data: string, name = '现场.png', kind = 'photo') => ({ entity, entityId, kind, name, data });

test('WO-08 a case photo is stored, shown on the case and travels to the assigned technician with the order', async () => {
  const kase = await repairCase(t.database.db, 'ch-clerk', chy);
  const clerk = await t.as('ch-clerk');
  const res = await clerk.post('/api/files', upload('case', kase.id, PNG));
  assert.equal(res.status, 201);
  assert.equal(res.body.mime, 'image/png');
  const eng = await t.as('ch-eng');
  const order = kase.orders[0];
  const tech = await principalOf(t.database.db, 'ch-tech');
  await eng.post(`/api/work-orders/${order.id}/transitions`, { action: 'dispatch', version: order.version, assigneeId: tech.userId });
  const techClient = await t.as('ch-tech');
  const detail = await techClient.get(`/api/work-orders/${order.id}`);
  assert.ok(detail.body.attachments.some((a: { id: string }) => a.id === res.body.id), 'the order shows the case photo');
  const file = await techClient.get(res.body.url);
  assert.equal(file.status, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.equal((await (await t.as('ch-tech2')).get(res.body.url)).status, 404, 'another technician does not see it');
  assert.equal((await (await t.as('gm-clerk')).get(res.body.url)).status, 404);
  const before = await techClient.post('/api/files', upload('work_order', order.id, PNG, '维修前.png', 'before'));
  assert.equal(before.status, 201);
});

test('uploads are refused by content type and size, and for records out of reach; nothing is stored', async () => {
  const kase = await repairCase(t.database.db, 'ch-clerk', chy);
  const clerk = await t.as('ch-clerk');
  const [{ n: before }] = await t.database.db.select({ n: count() }).from(attachments);
  const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
  const fake = await clerk.post('/api/files', upload('case', kase.id, `data:image/png;base64,${html}`, 'x.png'));
  assert.equal(fake.status, 400);
  assert.equal(fake.body.fields[0].message, '只能上传 JPG、PNG、WEBP 图片或 PDF 文件');
  const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
  big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const tooBig = await clerk.post('/api/files', upload('case', kase.id, big.toString('base64')));
  assert.equal(tooBig.status, 400);
  assert.equal(tooBig.body.fields[0].message, '文件不能超过 5 MB');
  assert.equal((await (await t.as('gm-clerk')).post('/api/files', upload('case', kase.id, PNG))).status, 404);
  assert.equal((await clerk.post('/api/files', upload('invoice', kase.id, PNG))).status, 400);
  const [{ n: after }] = await t.database.db.select({ n: count() }).from(attachments);
  assert.equal(after, before);
});
