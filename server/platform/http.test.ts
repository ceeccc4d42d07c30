// The HTTP frame: every route declares a policy, health, OpenAPI, malformed requests never 500.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../test/harness';
import { ACTIONS } from '../../common/roles';

let t: TestApp;
before(async () => (t = await testApp()));
after(() => t.close());

test('every /api route declares its access, and only sign-in, sign-out, health, the price list (PS-01), the resident sign-in code (X-03) and the survey link (SV-04) are public', () => {
  assert.ok(t.routes.length >= 12);
  const allowed = new Set(['public', 'signed_in', 'resident', ...ACTIONS]); // resident routes have their own session
  for (const r of t.routes) assert.ok(allowed.has(r.access), `${r.method} ${r.url}`);
  assert.deepEqual(
    t.routes.filter((r) => r.access === 'public').map((r) => r.url).sort(),
    [
      '/api/auth/login',
      '/api/auth/logout',
      '/api/health',
      '/api/projects/:id/price-list',
      // a resident asks for a code, signs in and out; SV-04: the one-time survey link is its own key
      '/api/resident/code',
      '/api/resident/sign-in',
      '/api/resident/sign-out',
      '/api/survey-links/:token',
      '/api/survey-links/:token',
    ],
  );
});

test('GET /api/health answers when the database is reachable', async () => {
  const res = await t.anonymous.get('/api/health');
  assert.equal(res.status, 200);
  assert.equal(res.body.db, 'up');
});

test('the OpenAPI document is served at /api/docs and lists the routes with their schemas', async () => {
  const res = await t.anonymous.get('/api/docs/json');
  assert.equal(res.status, 200);
  assert.ok(res.body.paths['/api/units']);
  assert.ok(res.body.paths['/api/customers'].post.requestBody);
  assert.equal((await t.anonymous.get('/api/docs')).status < 400, true);
});

test('malformed requests answer 4xx, never 500', async () => {
  const clerk = await t.as('ch-clerk');
  const cases = [
    await clerk.raw('POST', '/api/customers', '{'),
    await clerk.raw('PUT', '/api/units/00000000-0000-4000-8000-000000000000', 'null'),
    await clerk.get('/api/units?projectId=1&limit=abc'),
    await clerk.get(`/api/lookup?q=${'9'.repeat(500)}`),
    await clerk.get('/api/lookup?q=%00%27%22'),
    await clerk.get('/api/nope'),
    await t.anonymous.raw('POST', '/api/auth/login', JSON.stringify({ username: 'a'.repeat(100_000), password: 1 })),
  ];
  for (const r of cases) assert.ok(r.status >= 400 && r.status < 500, `got ${r.status}: ${JSON.stringify(r.body)}`);
});

// scripts/test.mjs builds the web app before the server tests run.
test('client-side page paths get the web app; a missing asset or API path is a 404, not the page', async () => {
  const page = await t.anonymous.get('/orders/123');
  assert.equal(page.status, 200);
  assert.match(String(page.body), /<div id="root">/);
  assert.equal((await t.anonymous.get('/assets/nope-123.js')).status, 404);
  assert.equal((await t.anonymous.get('/api/nope')).status, 404);
});
