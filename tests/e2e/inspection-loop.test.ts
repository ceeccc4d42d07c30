// QI-02..QI-04 in Chromium: the quality inspector runs this month's inspection of 翠湖苑 with its computed
// findings, confirms them and submits; with the other projects already inspected, publishes the month's
// bulletin (numbered); the project manager closes one rectification with a note and the inspector accepts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TBulletin, TInspectionDetail, TRectification } from '../../common/inspections';
import { apiAs, signIn, withProductAndBrowser } from './server';

const ctx = withProductAndBrowser();
const errors: string[] = [];
const open = (username: string) => signIn(ctx.browser, ctx.product.url, username, errors);
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);


const okModal = async (page: Page) => {
  // pressed once the modal has finished zooming in (a press during the animation can be lost under load)
  await page.locator('.ant-modal:visible:not([class*="ant-zoom-"]) [data-testid="rect-ok"]').click();
  await page.waitForFunction(() => !document.querySelector('.ant-modal'), undefined, { timeout: 60_000 });
};

test('QI-02, QI-03, QI-04 an inspection with its computed findings confirmed, the month bulletin published, a rectification closed by the manager and accepted', async () => {
  const api = await apiAs(ctx.product.url, 'quality');
  const me = await (await apiAs(ctx.product.url, 'quality'))<{ projects: { id: string; name: string; code?: string }[] }>('/api/me');
  const chy = me.projects.find((p) => p.name === '翠湖苑')!;
  // The other projects of the company were inspected earlier in the month (set up through the API).
  for (const p of me.projects.filter((x) => x.id !== chy.id)) {
    let d = await api<TInspectionDetail>('/api/inspections', { projectId: p.id, month });
    for (const f of d.findings.filter((x) => x.status === 'proposed')) d = await api<TInspectionDetail>(`/api/inspections/${d.id}/findings/${f.id}/review`, { version: d.version, decision: 'confirm' });
    await api(`/api/inspections/${d.id}/submit`, { version: d.version });
  }

  const [quality, pm] = await Promise.all([open('quality'), open('ch-manager')]);
  const t0 = Date.now();
  // The inspector works on 翠湖苑 (the project chosen in the header is kept in the browser).
  await quality.evaluate((id) => localStorage.setItem('ed_project', id), chy.id);
  await quality.goto(`${ctx.product.url}/inspections?month=${month}`);
  await quality.getByRole('button', { name: '开始检查' }).click();
  await quality.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  const inspectionId = quality.url().split('/').pop()!;
  // QI-03: the computed findings are proposed; the inspector confirms each one.
  const proposed = (await api<TInspectionDetail>(`/api/inspections/${inspectionId}`)).findings.filter((f) => f.status === 'proposed').length;
  assert.ok(proposed > 0, 'the demo data yields computed findings');
  const confirmButtons = quality.getByRole('button', { name: '确认', exact: true });
  await confirmButtons.first().waitFor();
  for (let left = proposed; left > 0; left--) {
    const done = quality.waitForResponse((r) => r.url().includes('/review') && r.request().method() === 'POST');
    await confirmButtons.first().click();
    assert.equal((await done).status(), 200);
    // The table shows the confirmed finding before the next one is clicked.
    await quality.waitForFunction((n) => [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === '确认').length === n, left - 1);
  }
  await quality.getByText('待确认').waitFor({ state: 'detached' });
  await quality.getByRole('button', { name: '提交检查' }).click();
  await quality.getByText('已提交').first().waitFor();

  // QI-04: the month's results, then the bulletin drafted and published.
  await quality.goto(`${ctx.product.url}/inspection-results?month=${month}`);
  await quality.getByTestId('pass-rate').waitFor();
  await quality.getByTestId('bulletin-draft').click();
  await quality.waitForURL(/\/inspection-bulletins\/[0-9a-f-]{36}$/);
  await quality.getByTestId('bulletin-status').filter({ hasText: '草稿' }).waitFor();
  await quality.getByTestId('bulletin-publish').click();
  await quality.getByTestId('bulletin-publish-ok').click();
  await quality.getByTestId('bulletin-status').filter({ hasText: '已发布' }).waitFor();
  const number = await quality.getByTestId('bulletin-number').innerText();
  assert.match(number, /^品质通报-\d{4}-\d{3}$/);
  const bulletin = await api<TBulletin>(`/api/inspection-bulletins/${quality.url().split('/').pop()}`);
  assert.equal(bulletin.items.length, me.projects.length);

  // The project manager closes one of his rectifications; the inspector accepts it.
  const rects = (await api<{ items: TRectification[] }>(`/api/rectifications?projectId=${chy.id}&month=${month}`)).items;
  assert.ok(rects.length >= proposed, 'each confirmed finding is to be rectified');
  const r = rects[0];
  await pm.goto(`${ctx.product.url}/rectifications`);
  await pm.getByRole('link', { name: r.number }).click();
  await pm.getByTestId('rect-close').click();
  await pm.getByTestId('rect-note').fill('已按检查要求完成整改，相关记录已补齐');
  await okModal(pm);
  await pm.getByTestId('rect-state').filter({ hasText: '待验收' }).waitFor();

  await quality.goto(`${ctx.product.url}/rectifications/${r.id}`);
  await quality.getByTestId('rect-accept').click();
  await okModal(quality);
  await quality.getByTestId('rect-state').filter({ hasText: '已验收' }).waitFor();
  const after = await api<TRectification>(`/api/rectifications/${r.id}`);
  assert.equal(after.state, 'accepted');
  const notes = await (await apiAs(ctx.product.url, 'ch-manager'))<{ items: { kind: string; title: string }[] }>('/api/notifications');
  assert.ok(notes.items.some((n) => n.kind === 'bulletin_published' && n.title.includes(number)));
  assert.deepEqual(errors, []);
  assert.ok(Date.now() - t0 < 60_000, `the loop took ${Date.now() - t0} ms`);
  await Promise.all([quality.close(), pm.close()]);
});
