// Starts the real product for browser tests: its own data directory (PGlite) or a fresh PostgreSQL
// database when DATABASE_URL is set, on a free port, and waits until the demo company is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { after, before } from 'node:test';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { adminQuery, databaseUrlFor } from '../../server/test/templates';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export interface RunningProduct {
  url: string;
  dataDir: string;
  databaseUrl: string | null;
  /** kill -9: the process dies mid-write, as in a power cut of the process (not of the machine). */
  crash(): Promise<void>;
  /** Starts the server again on the same data. */
  restart(): Promise<void>;
  /** Graceful stop, leaving the data in place. */
  halt(): Promise<void>;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  // No replayed history: the tests' own orders are the first of the month, so the sampler's choice is known.
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'estate-desk-e2e-'));
  const base = process.env.DATABASE_URL;
  const dbName = base ? `${new URL(base).pathname.slice(1)}_e2e_${port}` : null;
  if (base && dbName) await adminQuery(base, `CREATE DATABASE "${dbName}"`);
  const databaseUrl = base && dbName ? databaseUrlFor(base, dbName) : null;
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DEMO_HISTORY_DAYS: '0', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl ?? '', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const health = await fetch(`${url}/api/health`).then((r) => r.json() as Promise<{ demo: string }>).catch(() => null);
      if (health?.demo === 'ready') break;
      if (Date.now() > deadline) throw new Error('server did not become ready');
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  await launch();
  return {
    url,
    dataDir,
    databaseUrl,
    crash: () => end('SIGKILL'),
    restart: launch,
    halt: () => end('SIGTERM'),
    async stop() {
      await end('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      if (base && dbName) await adminQuery(base, `DROP DATABASE IF EXISTS "${dbName}"`);
    },
  };
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
  });

/** Calls the API as a demo user, for a test to learn what the page should show. */
/** The API as a demo user: a GET without a body, a POST with one; a refusal throws with its answer. */
export async function apiAs(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await r.json();
    if (!r.ok) throw new Error(`${path}: ${r.status} ${JSON.stringify(data)}`);
    return data as T;
  };
}

/** Opens a page signed in as a demo user; page errors and console errors are collected into `errors`. */
export async function signIn(browser: Browser, url: string, username: string, errors: string[], viewport = { width: 1440, height: 900 }): Promise<Page> {
  // Staff work in Beijing time; the browser shows times in its own zone, as theirs does.
  const page = await browser.newPage({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${username}: ${m.text()}`));
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Each role lands on its own work (issue 18), so any page but the sign-in form will do.
  await page.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
  return page;
}

/** Issue 18: a zh-CN page shows no English words (order numbers, ¥ amounts and the language switch aside). */
export async function assertNoEnglish(page: Page, where: string, loginNames = false) {
  // Login names (ch-clerk, admin) are Latin by nature; the staff page shows them.
  const raw = await page.locator('body').innerText();
  const text = loginNames ? raw.replace(/\b(admin|quality|[a-z]{2}-[a-z]+\d?)\b/g, '') : raw;
  const words = [...text.matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0]).filter((w) => !/^(EN|UTC)$/.test(w));
  if (words.length) throw new Error(`${where}: English in the zh-CN page: ${[...new Set(words)].slice(0, 10).join(', ')}`);
}

/** Issue 18: at 1440 px a main list fits its card — no horizontal scroll, no cell whose text is cut off;
 *  the free-text column (ellipsis with a tooltip) keeps room for a useful sentence. */
export async function assertNoCutCells(page: Page, testId: string) {
  const report = await page.getByTestId(testId).evaluate((table) => {
    const content = table.querySelector('.ant-table-content, .ant-table-body') as HTMLElement | null;
    const scrolls = content ? content.scrollWidth > content.clientWidth + 1 : false;
    const cells = [...table.querySelectorAll<HTMLElement>('td.ant-table-cell, th.ant-table-cell')];
    const cut = cells
      .filter((c) => !c.classList.contains('ant-table-cell-ellipsis') && c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.innerText.slice(0, 30));
    const emptyHeaders = [...table.querySelectorAll<HTMLElement>('thead th.ant-table-cell')].filter((h) => !h.innerText.trim()).length;
    const narrowEllipsis = cells.filter((c) => c.classList.contains('ant-table-cell-ellipsis') && c.clientWidth < 200).length;
    return { scrolls, cut, emptyHeaders, narrowEllipsis, rows: table.querySelectorAll('tbody tr.ant-table-row').length };
  });
  if (!report.rows) throw new Error(`${testId}: no rows to check`);
  if (report.scrolls || report.cut.length || report.emptyHeaders || report.narrowEllipsis) throw new Error(`${testId}: ${JSON.stringify(report)}`);
}

/** Registers the hooks every browser test file needs: the product and a browser, started once, stopped after. */
export function withProductAndBrowser() {
  const ctx = {} as { product: RunningProduct; browser: Browser };
  before(async () => {
    ctx.product = await startProduct();
    ctx.browser = await launchBrowser();
    mkdirSync('docs/screenshots', { recursive: true });
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.product?.stop();
  });
  return ctx;
}

/** Presses the open modal's primary button once the modal has finished zooming in, then waits until it is gone. */
export async function modalOk(page: Page) {
  await page.locator('.ant-modal:visible:not([class*="ant-zoom-"]) .ant-modal-footer .ant-btn-primary').click();
  await page.waitForFunction(() => !document.querySelector('.ant-modal'));
}
