// units, owners and tenants from an .xlsx — the template, a preview with every problem by row and
// column in zh-CN, an all-or-nothing commit that opens the archives, idempotent re-imports, and clear
// refusals of files that are not Excel or were altered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { auditEvents } from '../../platform/tables';
import { areas, buildings, units } from '../org/tables';
import { customers } from '../people/tables';
import { archives, importBatches } from './tables';

let t: TestApp;
let chy: string;
let sup: Client;
let where: { area: string; building: string; floors: number };
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  sup = await t.as('ch-super');
  const [b] = await t.database.db.select({ area: areas.name, building: buildings.name, floors: buildings.floors }).from(buildings).innerJoin(areas, eq(areas.id, buildings.areaId)).where(eq(buildings.projectId, chy)).limit(1);
  where = b;
});
after(() => t.close());

const HEAD = ['区域', '栋号', '楼层', '房号', '用途', '面积（平方米）', '交房日期', '身份', '客户类型', '姓名/名称', '电话', '证件号码', '入住日期'];
async function workbook(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业户资料');
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const row = (number: string, relation: string, name: string, phone: string, id = '') => [where.area, where.building, 1, number, '住宅', 88, '2025-06-01', relation, '个人', name, phone, id, '2025-06-10'];
const counts = async () => ({
  units: (await t.database.db.select({ n: count() }).from(units).where(eq(units.projectId, chy)))[0].n,
  customers: (await t.database.db.select({ n: count() }).from(customers).where(eq(customers.projectId, chy)))[0].n,
  archives: (await t.database.db.select({ n: count() }).from(archives).where(eq(archives.projectId, chy)))[0].n,
});

test('X-05 the template downloads with Chinese headers and the project\'s own area and building', async () => {
  const res = await sup.get(`/api/imports/template?projectId=${chy}`);
  assert.equal(res.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.deepEqual((ws.getRow(1).values as string[]).slice(1), HEAD);
  assert.equal(ws.getRow(2).getCell(1).value, where.area);
});

test('X-05 preview lists every problem by row and column in zh-CN; commit is refused until fixed, then all or nothing', async () => {
  const bad = await workbook([
    row('X901', '业主', '周建国', '13811110001', '110105198001010016'),
    row('X901', '租户', '吴敏', '13811110002'),
    ['无此区', '9栋', 1, 'X902', '住宅', 80, '', '业主', '个人', '郑强', '13811110003', '', ''], // unknown building
    row('X903', '业主', '王芳', '1381111'), // bad phone
    row('X904', '业主', '陈刚', '13811110005', '110105198001010013'), // bad checksum
    row('X905', '租户', '林涛', '13811110006'), // tenant without an owner
    row('X901', '业主', '周建国', '13811110001', '110105198001010016'), // duplicate
  ]);
  const before = await counts();
  const preview = await sup.post('/api/imports', { projectId: chy, name: '业户资料.xlsx', data: bad });
  assert.equal(preview.status, 201, JSON.stringify(preview.body));
  const problems = preview.body.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`);
  assert.deepEqual(problems, ['4:栋号', '5:电话', '6:证件号码', '7:身份', '8:房号']);
  assert.match(preview.body.problems[0].message, /区域或栋号/);
  assert.match(preview.body.problems[4].message, /第 2 行/);
  const refused = await sup.post(`/api/imports/${preview.body.id}/commit`, { version: preview.body.version });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error, 'import_has_problems');
  assert.deepEqual(await counts(), before, 'nothing was written');

  const good = await workbook([row('X901', '业主', '周建国', '13811110001', '110105198001010016'), row('X901', '租户', '吴敏', '13811110002'), row('X903', '业主', '王芳', '13811110004')]);
  const ok = await sup.post('/api/imports', { projectId: chy, name: '业户资料.xlsx', data: good });
  assert.equal(ok.body.problemCount, 0);
  assert.deepEqual(ok.body.counts, { units: 2, owners: 2, tenants: 1, unchanged: 0 });
  const done = await sup.post(`/api/imports/${ok.body.id}/commit`, { version: ok.body.version });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.deepEqual(done.body, { units: 2, owners: 2, tenants: 1, unchanged: 0, archives: 3 });
  const after = await counts();
  assert.equal(after.units, before.units + 2);
  assert.equal(after.customers, before.customers + 3);
  assert.equal(after.archives, before.archives + 3, 'AR-01 every imported owner and tenant has an archive');
  assert.equal((await sup.post(`/api/imports/${ok.body.id}/commit`, { version: ok.body.version + 1 })).status, 409, 'a batch commits once');
  const [{ n }] = await t.database.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entity, 'unit'), eq(auditEvents.action, 'import')));
  assert.ok(n >= 2);

  // the same file again changes nothing.
  const again = await sup.post('/api/imports', { projectId: chy, name: '业户资料.xlsx', data: good });
  assert.deepEqual(again.body.counts, { units: 0, owners: 0, tenants: 0, unchanged: 3 });
  assert.equal((await sup.post(`/api/imports/${again.body.id}/commit`, { version: again.body.version })).status, 200);
  assert.deepEqual(await counts(), after);
});

test('X-05 a file that is not Excel, a corrupted workbook, foreign headers and an altered stored file are refused with 4xx', async () => {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const notExcel = await sup.post('/api/imports', { projectId: chy, name: 'a.xlsx', data: png });
  assert.equal(notExcel.status, 400);
  assert.equal(notExcel.body.fields[0].message, '文件不是有效的 Excel（.xlsx）文件');
  const good = Buffer.from(await workbook([row('X990', '业主', '赵六', '13811110099')]), 'base64');
  const truncated = await sup.post('/api/imports', { projectId: chy, name: 'a.xlsx', data: good.subarray(0, good.length / 2).toString('base64') });
  assert.equal(truncated.status, 400);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('x').addRow(['姓名', '电话']);
  const foreign = await sup.post('/api/imports', { projectId: chy, name: 'a.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
  assert.equal(foreign.status, 400);
  assert.equal(foreign.body.fields[0].message, '文件的表头与导入模板不一致，请下载模板填写');

  const preview = await sup.post('/api/imports', { projectId: chy, name: 'a.xlsx', data: good.toString('base64') });
  const [b] = await t.database.db.select().from(importBatches).where(eq(importBatches.id, preview.body.id));
  const stored = (await t.storage.get(b.storageKey))!;
  stored[40] ^= 0x01;
  await t.storage.put(b.storageKey, stored);
  const tampered = await sup.post(`/api/imports/${preview.body.id}/commit`, { version: preview.body.version });
  assert.equal(tampered.status, 409);
  assert.equal(tampered.body.error, 'document_damaged');
});

test('X-05 the desk cannot import; another project\'s batch is not found', async () => {
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.post('/api/imports', { projectId: chy, name: 'a.xlsx', data: await workbook([]) })).status, 403);
  const gm = await t.as('gm-super');
  assert.equal((await gm.post('/api/imports', { projectId: chy, name: 'a.xlsx', data: await workbook([]) })).status, 404);
});
