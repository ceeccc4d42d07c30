// Issue 12 items 3 and 4: security headers on pages, API answers and downloads; the session cookie
// behind a TLS proxy; cross-site writes refused; an anonymous upload refused before its body is read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../test/harness';
import { repairCase, SIGNATURE } from '../test/desk';
import { attachments } from '../domains/files/tables';

let t: TestApp;
before(async () => (t = await testApp()));
after(() => t.close());

function assertFrameHeaders(h: Record<string, unknown>, what: string) {
  const csp = String(h['content-security-policy']);
  assert.match(csp, /default-src 'self'/, what);
  assert.match(csp, /frame-ancestors 'none'/, what);
  assert.match(csp, /script-src 'self'(;|$)/, `${what}: scripts only from our origin`);
  assert.doesNotMatch(csp, /unsafe-eval/, what);
  assert.equal(h['x-content-type-options'], 'nosniff', what);
  assert.equal(h['referrer-policy'], 'no-referrer', what);
  assert.equal(h['x-frame-options'], 'DENY', what);
}

test('issue 12 item 3: a page and an API answer carry the CSP, nosniff and no-referrer; API answers are never cached', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/cases' });
  assert.equal(page.statusCode, 200);
  assertFrameHeaders(page.headers, 'page');
  assert.notEqual(page.headers['cache-control'], 'no-store', 'pages and their assets may be cached');
  const api = await (await t.as('ch-clerk')).get('/api/me');
  assert.equal(api.status, 200);
  assertFrameHeaders(api.headers, 'api');
  assert.equal(api.headers['cache-control'], 'no-store');
  assert.equal((await t.anonymous.get('/api/me')).headers['cache-control'], 'no-store', 'refusals too');
});

test('issue 12 item 3: a download is an attachment with nosniff, its name cleaned — markup behind a PNG header is never shown inline', async () => {
  const kase = await repairCase(t.database.db, 'ch-clerk', await t.projectId('CHY'));
  const clerk = await t.as('ch-clerk');
  const bytes = Buffer.concat([Buffer.from(SIGNATURE.replace(/^data:[^,]*,/, ''), 'base64').subarray(0, 8), Buffer.from('<script>alert(document.cookie)</script>')]);
  const up = await clerk.post('/api/files', { entity: 'case', entityId: kase.id, kind: 'document', name: '..\\照片\u202Egnp.html\u0007', data: bytes.toString('base64') });
  assert.equal(up.status, 201);
  assert.equal(up.body.name, '_照片gnp.html', 'no path, control or bidi characters');
  const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, up.body.id));
  assert.equal(row.name, '_照片gnp.html');
  const file = await clerk.get(up.body.url);
  assert.equal(file.status, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.equal(file.headers['content-disposition'], `attachment; filename*=UTF-8''${encodeURIComponent('_照片gnp.html')}`);
  assertFrameHeaders(file.headers, 'download');
  assert.equal(file.headers['cache-control'], 'no-store');
});

const login = (app: TestApp['app'], headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ch-clerk', password: 'demo1234' }, headers });

test('issue 12 item 4: with TRUST_PROXY, a sign-in over the TLS proxy gets a Secure __Host- cookie that works', async () => {
  const proxied = await testApp('demo', { trustProxy: true });
  try {
    const res = await login(proxied.app, { 'x-forwarded-proto': 'https' });
    assert.equal(res.statusCode, 200);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^__Host-ed_session=/);
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const pair = cookie.split(';')[0];
    const me = await proxied.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: pair, 'x-forwarded-proto': 'https' } });
    assert.equal(me.statusCode, 200);
    const plainHttp = await login(proxied.app);
    assert.match(String(plainHttp.headers['set-cookie']), /^ed_session=/, 'plain HTTP keeps the plain name, without Secure');
    assert.doesNotMatch(String(plainHttp.headers['set-cookie']), /Secure/);
  } finally {
    await proxied.close();
  }
});

test('issue 12 item 4: without TRUST_PROXY a forwarded protocol header is not believed', async () => {
  const res = await login(t.app, { 'x-forwarded-proto': 'https' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['set-cookie']), /^ed_session=/);
  assert.doesNotMatch(String(res.headers['set-cookie']), /Secure/);
});

test('issue 12 item 4: a cross-site POST is refused and does not sign the user out; same-origin requests pass', async () => {
  const cookie = String((await login(t.app)).headers['set-cookie']).split(';')[0];
  const logout = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: {}, headers: { cookie, ...headers } });
  const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  const bySite = await logout({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
  assert.equal(bySite.statusCode, 403);
  assert.equal(bySite.json().error, 'cross_site');
  assert.equal((await logout({ origin: 'https://evil.example' })).statusCode, 403, 'older browsers: Origin only');
  assert.equal((await logout({ origin: 'null' })).statusCode, 403);
  assert.equal((await logout({ 'sec-fetch-site': 'same-site' })).statusCode, 403, 'a sibling subdomain is another site to us');
  assert.equal((await me()).statusCode, 200, 'still signed in');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie, 'sec-fetch-site': 'cross-site' } })).statusCode, 200, 'reads are not refused');

  assert.equal((await logout({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' })).statusCode, 200);
  assert.equal((await me()).statusCode, 401);
});

test('issue 12 item 4: an anonymous 7 MB upload is refused with 401 before its body is sent', async () => {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(address);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST /api/files HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${7 * 1024 * 1024}\r\n\r\n{"data":"`);
      socket.write('A'.repeat(64 * 1024)); // a first slice only: the rest is never sent
    });
    let text = '';
    socket.on('data', (d) => {
      text += d.toString();
      if (text.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error('no answer before the body was complete')), 10_000);
  });
  assert.match(answer, /^HTTP\/1\.1 401/);
});
