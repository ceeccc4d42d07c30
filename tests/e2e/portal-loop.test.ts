// the resident portal in Chromium on a 390 × 844 phone — a demo owner signs in with the code shown in
// demo mode, reports a repair with a photo from the "camera", the desk dispatches it and the technician
// completes it (through the API), the resident signs the acceptance with a finger and rates the service,
// and the desk sees all of it; axe-core finds no serious or critical violation on the portal's pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import type { TCaseDetail, TWorkOrderDetail } from '../../common/desk';
import { apiAs, assertNoEnglish, signIn, withProductAndBrowser } from './server';

const ctx = withProductAndBrowser();
const errors: string[] = [];
const PHONE = { width: 390, height: 844 };
const OWNER = '16600000001'; // README: the demo owner of 翠湖苑

/** The element's box once it has stopped moving (two reads 100 ms apart agree). */
async function settledBox(el: Locator) {
  let last = await el.boundingBox();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await el.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.width === last.width && now.height === last.height) return now;
    last = now;
  }
}

/** axe-core on the page as it is: no serious or critical violation. */
async function accessible(page: Page, where: string) {
  // a toast fading in or out is half transparent: check the page once it has gone
  await page.locator('.adm-toast-main').waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    [],
  );
}

test('X-03: a resident signs in, reports a repair with a photo, follows it, signs and rates it; the desk sees it', async () => {
  // axe-core needs a page of its own browser context
  const resident = await ctx.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await resident.newPage();
  page.on('pageerror', (e) => errors.push(`resident: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/401/.test(m.text()) && errors.push(`resident: ${m.text()}`));

  // Sign-in: the first visit lands on the sign-in page; in demo mode the code is shown on it.
  await page.goto(`${ctx.product.url}/m/`);
  await page.waitForURL(/\/m\/login$/);
  await page.getByLabel('手机号码').fill(OWNER);
  await page.getByTestId('portal-get-code').click();
  const code = (await page.getByTestId('portal-demo-code').innerText()).match(/\d{6}/)![0];
  await accessible(page, 'sign-in');
  await page.getByLabel('验证码').fill(code);
  await page.getByTestId('portal-sign-in').click();
  await page.waitForURL(/\/m\/?$/);
  await page.getByText('A区-1栋').first().waitFor().catch(() => undefined);
  await page.getByText('我的房屋').waitFor();
  await accessible(page, 'home');

  // 报事: a photo from the camera (a 1600 × 1200 picture), resized on the phone before it is sent.
  await page.getByTestId('tab-report').click();
  await page.getByTestId('report-description').locator('textarea').fill('卫生间地漏返水，地面有积水');
  const photo = Buffer.from(
    await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 1600;
      c.height = 1200;
      const x = c.getContext('2d')!;
      x.fillStyle = '#4a90d9';
      x.fillRect(0, 0, 1600, 1200);
      return c.toDataURL('image/png').split(',')[1];
    }),
    'base64',
  );
  await page.getByTestId('report-photo').setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: photo });
  await page.locator('.portal-photo img').waitFor();
  await accessible(page, 'report');
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/resident/repairs'));
  await page.getByTestId('report-submit').click();
  const upload = JSON.parse((await sent).postData()!) as { photos: { data: string }[] };
  assert.match(upload.photos[0].data, /^data:image\/jpeg;base64,/, 'the photo is re-encoded on the phone');
  assert.ok(upload.photos[0].data.length < photo.toString('base64').length, 'and smaller than the original');
  await page.waitForURL(/\/m\/cases\/[0-9a-f-]{36}$/);
  const caseId = page.url().split('/').pop()!;
  await page.getByTestId('order-status').filter({ hasText: '待派单' }).waitFor();
  await page.getByTestId('case-photo').waitFor();
  await accessible(page, 'case');

  // The desk sees the same case: channel 住户端, owned by the clerk on duty, with the photo.
  const clerk = await apiAs(ctx.product.url, 'ch-clerk');
  const kase = await clerk<TCaseDetail>(`/api/cases/${caseId}`);
  assert.equal(kase.channel, 'portal');
  assert.equal(kase.attachments.filter((a) => a.kind === 'photo').length, 1);
  const orderId = kase.orders[0].id;

  // The supervisor dispatches, the technician starts and completes without a signature on site.
  const sup = await apiAs(ctx.product.url, 'ch-super');
  const tech = await apiAs(ctx.product.url, 'ch-tech');
  const me = await tech<{ id: string }>('/api/me');
  let o = await sup<TWorkOrderDetail>(`/api/work-orders/${orderId}`);
  o = await sup<TWorkOrderDetail>(`/api/work-orders/${orderId}/transitions`, { action: 'dispatch', version: o.version, assigneeId: me.id });
  o = await tech<TWorkOrderDetail>(`/api/work-orders/${orderId}/transitions`, { action: 'start', version: o.version });
  o = await tech<TWorkOrderDetail>(`/api/work-orders/${orderId}/transitions`, { action: 'complete', version: o.version, result: '更换地漏防臭芯，试水正常' });

  // The resident is told: the unread count, the notices, the new state.
  await page.getByTestId('tab-me').click();
  await page.getByTestId('me-notices').locator('.adm-badge').waitFor();
  await accessible(page, 'me');
  await page.getByTestId('me-notices').click();
  await page.getByTestId('portal-notice').filter({ hasText: '维修完工' }).waitFor();
  await accessible(page, 'notices');
  await page.getByTestId('portal-notice').filter({ hasText: '维修完工' }).click();
  await page.getByTestId('order-status').filter({ hasText: '已完工' }).waitFor();

  // Sign the acceptance with a finger, then rate.
  await page.getByTestId('order-sign').click();
  const pad = page.getByTestId('portal-signature');
  await pad.waitFor();
  await accessible(page, 'sign');
  // drawn once the sheet has finished sliding up: a stroke started mid-slide lands on the mask, which closes it
  const box = await settledBox(pad);
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (const [dx, dy] of [[80, -40], [140, 30], [200, -30], [260, 40]]) await page.mouse.move(box.x + dx, box.y + 100 + dy, { steps: 4 });
  await page.mouse.up();
  await page.getByTestId('sign-confirm').click();
  await page.getByTestId('portal-order').getByText('已签字验收').waitFor();
  await page.getByTestId('order-rate').click();
  await page.getByTestId('rate-verdict').getByText('满意', { exact: true }).click();
  await page.getByTestId('rate-solved').getByText('已解决').click();
  await accessible(page, 'rate');
  await page.getByTestId('rate-submit').click();
  await page.getByTestId('portal-order').getByText('您的评价：满意').waitFor();

  // The desk sees the signature and the rating on the order; the staff page shows the channel.
  const done = await clerk<TWorkOrderDetail>(`/api/work-orders/${orderId}`);
  assert.equal(done.acceptance?.kind, 'signature');
  assert.ok(done.signatureUrl);
  assert.ok(done.events.some((e) => e.action === 'portal_rating'), 'the rating is in the order history');
  const desk = await signIn(ctx.browser, ctx.product.url, 'ch-clerk', errors);
  await desk.goto(`${ctx.product.url}/cases/${caseId}`);
  await desk.getByText('住户端').first().waitFor();
  await desk.close();
  await page.screenshot({ path: 'docs/screenshots/portal-case.png', fullPage: true });
  await resident.close();
  assert.deepEqual(errors, []);
});

test("X-03, FD-01, FD-06: an owner confirms a tenant's pass request from 首页 and gets the QR code; requests a pass issued at once; books the gym", async () => {
  const owner = await ctx.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await owner.newPage();
  const errs: string[] = [];
  page.on('pageerror', (e) => errs.push(`owner: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/401/.test(m.text()) && errs.push(`owner: ${m.text()}`));
  await page.goto(`${ctx.product.url}/m/login`);
  await page.getByLabel('手机号码').fill('16600000003'); // README: the demo owner of 碧山雅苑, whose tenant asked for a pass (seed)
  await page.getByTestId('portal-get-code').click();
  const code = (await page.getByTestId('portal-demo-code').innerText()).match(/\d{6}/)![0];
  await page.getByLabel('验证码').fill(code);
  await page.getByTestId('portal-sign-in').click();
  await page.waitForURL(/\/m\/?$/);

  // FD-01: the tenant's request awaits this owner on 首页; confirming issues the numbered pass with its QR code.
  await page.getByTestId('pass-awaiting-card').first().locator('a').click();
  await page.getByTestId('pass-decide').waitFor();
  await accessible(page, 'pass to confirm');
  await assertNoEnglish(page, 'pass to confirm');
  await page.getByTestId('pass-confirm').click();
  await page.getByTestId('pass-card').locator('img').waitFor();
  assert.match(await page.getByTestId('pass-number').innerText(), /^FX-\d{4}-\d{6}$/);
  assert.match(await page.getByTestId('pass-code').innerText(), /^\d{8}$/);

  // FD-01: the owner's own request is issued at once.
  await page.goto(`${ctx.product.url}/m/passes`);
  await page.getByTestId('pass-items').locator('textarea').fill('旧书桌一张');
  await accessible(page, 'passes');
  await assertNoEnglish(page, 'passes');
  await page.getByTestId('pass-submit').click();
  await page.waitForURL(/\/m\/passes\/[0-9a-f-]{36}$/);
  await page.getByTestId('pass-card').locator('img').waitFor();
  await accessible(page, 'pass');

  // FD-06: a free hour of the gym, three days ahead.
  await page.goto(`${ctx.product.url}/m/bookings`);
  const before = await page.getByTestId('my-booking').count();
  await page.getByTestId('room-book').last().click();
  await page.getByTestId('room-slots').waitFor();
  await page.getByRole('button', { name: /周/ }).nth(3).click();
  await page.locator('[data-testid=room-slot]:not([disabled])').first().click();
  await page.getByTestId('booking-purpose').locator('input').fill('家庭健身');
  await accessible(page, 'booking');
  await assertNoEnglish(page, 'booking');
  await page.getByTestId('booking-submit').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=my-booking]').length > n, before);
  // the sheet closes with an animation: check the page once it has gone
  await page.locator('.adm-popup-body').waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  await accessible(page, 'bookings');
  await owner.close();
  assert.deepEqual(errs, []);
});
