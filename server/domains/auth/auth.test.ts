// Sign-in, sessions in the database, sign-out. Throttling: throttle.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { users } from '../people/tables';
import { sessions } from './tables';

let t: TestApp;
before(async () => (t = await testApp()));
after(() => t.close());

const login = (username: string, password: string) => t.anonymous.post('/api/auth/login', { username, password });

test('sign-in sets an httpOnly SameSite session cookie and the session lives in the database', async () => {
  const res = await login('ch-clerk', 'demo1234');
  assert.equal(res.status, 200);
  const cookie = String(res.headers['set-cookie']);
  assert.match(cookie, /ed_session=/);
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  const [u] = await t.database.db.select().from(users).where(eq(users.username, 'ch-clerk'));
  const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id));
  assert.ok(rows.length >= 1);
  assert.ok(!rows.some((s) => cookie.includes(s.tokenHash)), 'the cookie never carries the stored hash');
});

test('a wrong password or unknown user answers 401 in the user language, without saying which', async () => {
  const wrong = await login('ch-clerk2', 'nope');
  const unknown = await login('nobody', 'nope');
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.body.message, '用户名或密码错误');
  assert.deepEqual(wrong.body, unknown.body);
});

test('routes refuse anonymous callers with 401 and sign-out ends the session', async () => {
  assert.equal((await t.anonymous.get('/api/me')).status, 401);
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.get('/api/me')).status, 200);
  assert.equal((await clerk.post('/api/auth/logout')).status, 200);
  assert.equal((await clerk.get('/api/me')).status, 401, 'the old cookie no longer works');
});

test('a forged or tampered cookie is refused', async () => {
  const res = await login('ch-clerk', 'demo1234');
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const tampered = cookie.slice(0, -3) + (cookie.endsWith('A') ? 'BBB' : 'AAA');
  assert.equal((await t.withCookie(cookie).get('/api/me')).status, 200);
  assert.equal((await t.withCookie(tampered).get('/api/me')).status, 401);
  assert.equal((await t.withCookie('ed_session=' + 'x'.repeat(43)).get('/api/me')).status, 401);
});

test('the user language setting switches server messages to English', async () => {
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.put('/api/me/locale', { locale: 'en' })).status, 200);
  const res = await clerk.put('/api/units/00000000-0000-4000-8000-000000000000', { version: 1 });
  assert.equal(res.status, 403);
  assert.equal(res.body.message, 'You are not allowed to do this');
  await clerk.put('/api/me/locale', { locale: 'zh-CN' });
});
