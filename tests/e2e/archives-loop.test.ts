// X-05, AR-02 in a real browser: the CS supervisor imports the template with two bad rows, reads the
// problems, fixes them, commits; then opens an archive and uploads a document to a missing item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { TMe } from '../../common/auth';
import type { TSpaceTree } from '../../common/org';
import type { TSlipBundle } from '../../common/archives';
import { apiAs, signIn, withProductAndBrowser } from './server';

const ctx = withProductAndBrowser();
const errors: string[] = [];
const HEAD = ['区域', '栋号', '楼层', '房号', '用途', '面积（平方米）', '交房日期', '身份', '客户类型', '姓名/名称', '电话', '证件号码', '入住日期'];

async function file(dir: string, name: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业户资料');
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  const p = join(dir, name);
  writeFileSync(p, Buffer.from(await wb.xlsx.writeBuffer()));
  return p;
}

test('X-05 import with two bad rows, fix, commit; AR-02 open an archive and upload a document', async () => {
  const api = await apiAs(ctx.product.url, 'ch-super');
  const me = await api<TMe>('/api/me');
  const tree = await api<TSpaceTree>(`/api/projects/${me.projects[0].id}/space`);
  const area = tree.areas[0].name;
  const building = tree.areas[0].buildings[0].name;
  const dir = mkdtempSync(join(tmpdir(), 'estate-desk-import-'));
  const row = (n: string, rel: string, name: string, phone: string, id = '') => [area, building, 1, n, '住宅', 88, '2025-06-01', rel, '个人', name, phone, id, '2025-06-10'];
  const bad = await file(dir, 'bad.xlsx', [row('E901', '业主', '周建国', '13811110001', '110105198001010016'), row('E902', '业主', '王芳', '1381111'), row('E903', '业主', '陈刚', '13811110005', '110105198001010013')]);
  const good = await file(dir, 'good.xlsx', [row('E901', '业主', '周建国', '13811110001', '110105198001010016'), row('E902', '业主', '王芳', '13811110004'), row('E903', '业主', '陈刚', '13811110005')]);

  const page = await signIn(ctx.browser, ctx.product.url, 'ch-super', errors);
  await page.goto(`${ctx.product.url}/archive-import`);
  await page.locator('input[type=file]').setInputFiles(bad);
  await page.getByText('发现 2 处问题').waitFor();
  await page.getByRole('cell', { name: '电话号码格式不正确' }).waitFor();
  await page.getByRole('cell', { name: '身份证号码校验位不正确' }).waitFor();
  assert.ok(await page.getByRole('button', { name: '确认导入' }).isDisabled());
  await page.screenshot({ path: 'docs/screenshots/archive-import.png' });
  await page.locator('input[type=file]').setInputFiles(good);
  await page.getByText('检查通过，可以导入').waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成：新建房号 3 个/).waitFor();

  await page.goto(`${ctx.product.url}/archives`);
  await page.getByTestId('grid-unit').first().waitFor();
  await page.screenshot({ path: 'docs/screenshots/archives.png' });
  await page.getByRole('switch').first().click(); // only archives with missing items
  await page.locator('td a[href^="/archives/"]').first().click();
  await page.waitForURL(/\/archives\/[0-9a-f-]{36}$/);
  await page.getByText('查看完整资料会被记录').waitFor();
  const missing = page.locator('tr', { has: page.getByText('缺项', { exact: true }) }).first();
  const code = (await missing.locator('[data-testid^="upload-"]').getAttribute('data-testid'))!;
  const png = join(dir, 'scan.png');
  writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  await page.getByTestId(code).locator('xpath=ancestor::span[contains(@class,"ant-upload")]').locator('input[type=file]').setInputFiles(png).catch(async () => {
    await page.locator(`[data-testid="${code}"]`).locator('xpath=..').locator('input[type=file]').setInputFiles(png);
  });
  await page.getByRole('link', { name: 'scan.png' }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/archive.png', fullPage: true });
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /\b(undefined|null|archive\.|ui\.|errors\.)\b/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'docs/screenshots/archive-phone.png', fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('WO-11 the CS supervisor checks last month’s slips, files the bundle and prints it: cover, index, every slip', async () => {
  const api = await apiAs(ctx.product.url, 'ch-super');
  const me = await api<TMe>('/api/me');
  const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
  const bundle = await api<TSlipBundle>(`/api/slip-bundles?projectId=${me.projects[0].id}&month=${month}`);
  const page = await signIn(ctx.browser, ctx.product.url, 'ch-super', errors);
  await page.goto(`${ctx.product.url}/slip-bundles`);
  await page.getByTestId('file-bundle').click();
  await page.getByTestId('bundle-filed').waitFor();
  await page.goto(`${ctx.product.url}/slip-bundles/print?projectId=${me.projects[0].id}&month=${month}`);
  await page.getByTestId('bundle-cover').getByText(`共 ${bundle.paid.length} 张`).first().waitFor();
  assert.equal(await page.getByTestId('bundle-slip').count(), bundle.paid.length + bundle.free.length, 'one sheet per slip');
  assert.ok((await page.getByTestId('bundle-cover').innerText()).includes(`归档人：${me.displayName}`), 'the cover names who filed it');
  assert.doesNotMatch(await page.locator('body').innerText(), /\b(undefined|null|archive\.|ui\.)\w/);
  assert.deepEqual(errors, []);
  await page.close();
});
