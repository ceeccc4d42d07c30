import { chromium } from 'playwright-core';
const url = 'http://127.0.0.1:4116';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const dir = process.env.TMPDIR;
async function shot(user, path, name, width, height = 900, hover) {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
  const landed = new URL(page.url()).pathname;
  if (path) await page.goto(`${url}${path}`);
  await page.waitForTimeout(2500);
  if (hover) { await page.getByTestId(hover).first().hover(); await page.waitForTimeout(600); }
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  console.log(name, 'landed', landed, 'errors', JSON.stringify(errors));
  await page.close();
}
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'dash') {
  await shot('admin', '/kpi-dashboard', 'dash-1440', 1440, 900, 'kpi-head-feeCollection');
  await shot('admin', '/kpi-dashboard', 'dash-390', 390, 844);
}
if (which === 'all' || which === 'home') {
  await shot('ch-super', '/workbench', 'home-super-1440', 1440);
  await shot('ch-manager', null, 'home-manager-1440', 1440);
  await shot('ch-tech', '/workbench', 'home-tech-390', 390, 844);
  await shot('ch-clerk', '/workbench', 'home-clerk-390', 390, 844);
  await shot('ch-finance', '/workbench', 'home-finance-1440', 1440);
}
await browser.close();
