// Paid services end to end in Chromium (PS-02..PS-08): a resident phones for a paid repair → the desk
// registers it with the quote → the customer agrees → the appointment is given → the technician does the
// work and the customer signs → the desk collects the fee against a receipt → the order closes → the clerk
// hands the day's cash to finance, finance confirms → the return visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TMe } from '../../common/auth';
import type { TCustomer } from '../../common/people';
import { apiAs, modalOk, signIn, withProductAndBrowser } from './server';

const ctx = withProductAndBrowser();
const errors: string[] = [];
const open = (username: string, viewport?: { width: number; height: number }) => signIn(ctx.browser, ctx.product.url, username, errors, viewport);

const answered = (page: Page, part: string) => page.waitForResponse((r) => r.url().includes(part) && r.request().method() === 'POST');

test('PS-02..PS-08 a phone request for a paid repair from the quote to finance’s confirmation and the return visit', async () => {
  const api = await apiAs(ctx.product.url, 'ch-clerk');
  const me = await api<TMe>('/api/me');
  const owner = (await api<{ items: TCustomer[] }>(`/api/customers?projectId=${me.projects[0].id}&relation=owner&limit=1`)).items[0];
  const detail = await api<TCustomer>(`/api/customers/${owner.id}`);

  // PS-02, PS-03: the desk registers the request with the quoted price; the customer will think it over.
  const clerk = await open('ch-clerk');
  await clerk.goto(`${ctx.product.url}/desk?category=paid_service`);
  await clerk.getByTestId('desk-lookup').fill(detail.phone.slice(0, 7));
  await clerk.locator('.ant-select-dropdown .ant-select-item').filter({ hasText: owner.name }).first().click();
  await clerk.getByTestId('caller-name').and(clerk.locator(`[value="${owner.name}"]`)).waitFor();
  await clerk.getByTestId('case-content').fill('卫生间水龙头老化滴水，要求更换');
  // Keyboard, as a clerk on the phone would: open the service list, take the first item.
  await clerk.locator('#itemId').click();
  await clerk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().waitFor();
  await clerk.keyboard.press('Enter');
  await clerk.getByTestId('paid-fee').and(clerk.locator(':not([value=""])')).waitFor();
  assert.ok(Number(await clerk.getByTestId('paid-fee').inputValue()) > 0, 'the quote starts from the public price');
  await clerk.getByTestId('paid-time').fill('明天上午');
  await clerk.getByTestId('paid-result').fill('出水正常、不再滴漏');
  await clerk.getByText('已向来电人复述确认').click();
  await clerk.screenshot({ path: 'docs/screenshots/paid-intake.png' });
  await clerk.getByTestId('desk-submit').click();
  await clerk.getByTestId('created-order').click();
  await clerk.waitForURL(/\/orders\//);
  const orderUrl = clerk.url();
  const number = (await clerk.getByTestId('order-number').textContent())!;
  const panel = clerk.getByTestId('paid-panel');
  await panel.getByText('待客户同意报价').waitFor();
  await panel.getByText(/预约答复 · 剩/).waitFor();

  // PS-03 / PS-04: the customer agrees on the phone; the clerk gives the appointment within the 10 minutes.
  await clerk.getByTestId('paid-agree').click();
  let saved = answered(clerk, '/actions');
  await modalOk(clerk);
  assert.equal((await saved).status(), 200);
  await panel.getByText(/客户同意报价 · 电话/).waitFor();
  await clerk.getByTestId('paid-agree').waitFor({ state: 'detached' });
  await clerk.getByTestId('paid-appoint').click();
  await clerk.locator('.ant-modal:visible').getByText('预约上门时间').waitFor();
  saved = answered(clerk, '/actions');
  await modalOk(clerk);
  assert.equal((await saved).status(), 200);
  await panel.getByText('预约答复 · 已按时').waitFor();

  // PS-06: the engineering supervisor assigns a technician; the customer signs on the technician's phone.
  const eng = await open('ch-eng');
  await eng.goto(`${ctx.product.url}/dispatch`);
  await eng.getByTestId(`board-${number}`).locator('[data-action="dispatch"]').click();
  await eng.getByTestId('assignee-select').click();
  await eng.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  await modalOk(eng);
  const tech = await open('ch-tech', { width: 390, height: 844 });
  await tech.goto(`${ctx.product.url}/my`);
  const mine = tech.getByTestId(`my-${number}`);
  await mine.waitFor();
  for (const action of ['accept', 'start']) {
    const r = tech.waitForResponse((x) => x.url().includes('/transitions'));
    await mine.locator(`[data-action="${action}"]`).click();
    assert.equal((await r).status(), 200, action);
    // the card shows the new state before the next tap, as the technician would wait for it
    await mine.locator(`[data-action="${action}"]`).waitFor({ state: 'detached' });
  }
  await mine.locator('[data-action="complete"]').click();
  await tech.locator('.ant-modal textarea').first().fill('更换水龙头，试水正常');
  const pad = tech.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await tech.mouse.move(box.x + 30, box.y + 100);
  await tech.mouse.down();
  for (const [dx, dy] of [[70, -40], [130, 30], [200, -30], [270, 20]]) await tech.mouse.move(box.x + dx, box.y + 100 + dy, { steps: 5 });
  await tech.mouse.up();
  saved = tech.waitForResponse((r) => r.url().includes('/transitions'));
  await modalOk(tech);
  assert.equal((await saved).status(), 200);

  // PS-06: the desk collects exactly the agreed fee; the receipt gets its number; the order closes.
  await clerk.goto(orderUrl);
  await clerk.getByTestId('paid-collect').click();
  saved = answered(clerk, '/actions');
  await modalOk(clerk);
  assert.equal((await saved).status(), 200);
  const receipt = (await panel.locator('td').filter({ hasText: /^SF-\d{4}-\d{6}$/ }).first().textContent())!;
  await panel.getByTestId('copy-finance').filter({ hasText: '已收费' }).waitFor();
  saved = answered(clerk, '/transitions');
  await clerk.locator('[data-action="close"]').click();
  assert.equal((await saved).status(), 200);
  await panel.getByTestId('copy-archive').filter({ hasText: '已归档' }).waitFor();
  await clerk.screenshot({ path: 'docs/screenshots/paid-order.png', fullPage: true });

  // PS-07: the clerk hands over the day's cash; finance counts and confirms it.
  await clerk.goto(`${ctx.product.url}/cash`);
  await clerk.getByTestId('hand-over').click();
  saved = answered(clerk, '/cash-handovers');
  await modalOk(clerk);
  assert.equal((await saved).status(), 201);
  const finance = await open('ch-finance');
  await finance.goto(`${ctx.product.url}/cash`);
  await finance.getByText(receipt).waitFor();
  await finance.getByTestId('confirm-cash').first().click();
  await finance.locator('.ant-modal:visible').getByText('财务实收（元）').waitFor();
  saved = answered(finance, '/confirm');
  await modalOk(finance);
  assert.equal((await saved).status(), 200);
  await finance.getByText('已确认').first().waitFor();
  await finance.screenshot({ path: 'docs/screenshots/cash.png', fullPage: true });

  // PS-08: every paid service is followed up.
  await clerk.goto(`${ctx.product.url}/followups`);
  await clerk.getByRole('row').filter({ hasText: number }).getByRole('cell').nth(1).click();
  await clerk.locator('.ant-modal').getByText('满意', { exact: true }).click();
  await clerk.locator('.ant-modal').getByText('问题已解决').click();
  saved = answered(clerk, '/attempts');
  await modalOk(clerk);
  assert.equal((await saved).status(), 200);
  await clerk.goto(orderUrl);
  await panel.getByTestId('copy-finance').filter({ hasText: '财务已确认' }).waitFor();
  await panel.getByTestId('copy-archive').filter({ hasText: '已回访' }).waitFor();

  // PS-05: the notice names the company and project, writes the amount in capitals, and has lines to sign.
  await clerk.goto(`${orderUrl.replace('/orders/', '/paid/')}/notice`);
  const financeCopy = clerk.getByTestId('notice-finance');
  await financeCopy.getByTestId('print-heading').filter({ hasText: '锦程物业服务有限公司 · 翠湖苑' }).waitFor();
  assert.match(await financeCopy.getByTestId('amount-in-words').innerText(), /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元.*(整|分)$/);
  await financeCopy.getByTestId('signature-lines').filter({ hasText: '财务签字' }).filter({ hasText: '部门负责人签字' }).waitFor();
  await clerk.screenshot({ path: 'docs/screenshots/paid-notice.png', fullPage: true });
});

test('PS-02 a housekeeper cannot register a paid order: the desk warns and the server refuses', async () => {
  const keeper = await open('ch-keeper');
  await keeper.goto(`${ctx.product.url}/desk?category=paid_service`);
  await keeper.getByText('只有客服前台可登记有偿服务').waitFor();
  const refused = await keeper.evaluate(async () => (await fetch('/api/paid-orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
  assert.equal(refused, 403);
});

test('no uncaught errors in any page', () => {
  assert.deepEqual(errors.filter((e) => !/403/.test(e)), []);
});
