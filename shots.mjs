import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3112';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const [user, ...paths] = process.argv.slice(2);
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
const page = await ctx.newPage();
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(base + '/login');
await page.fill('input[id$=username]', user);
await page.fill('input[type=password]', 'demo1234');
await page.click('button[type=submit]');
if (process.env.EN) { await page.waitForURL((u) => !u.pathname.startsWith('/login')); await page.getByText('EN', { exact: true }).click(); await page.waitForTimeout(500); }
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(1800);
  const name = '/tmp/shot-' + p.replace(/[^a-z0-9]+/gi, '_') + '.png';
  await page.screenshot({ path: name, fullPage: true });
  console.log(name);
}
console.log('errors', errors);
await browser.close();
