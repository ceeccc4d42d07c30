// Issue 12 items 1 and 2: sign-in throttled per user name and per client IP, counted atomically, answered
// alike for known and unknown names, seen and cleared by the company admin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { auditEvents } from '../../platform/tables';
import { users } from '../people/tables';
import { signInThrottles } from './tables';
import { FREE_ATTEMPTS, nameKey } from './throttle';

let t: TestApp;
before(async () => (t = await testApp()));
after(() => t.close());

// Each test signs in from its own address, so the per-IP count of one test never throttles another.
const login = async (username: string, password: string, ip: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  return { status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] };
};

test('issue 12 item 1: 50 parallel wrong passwords for one name — only the free attempts are checked, the rest wait with 429', async () => {
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => login('ch-keeper2', `bad-${i}`, `10.1.0.${i + 1}`)));
  const statuses = results.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 401).length, FREE_ATTEMPTS.name, statuses.join(','));
  assert.equal(statuses.filter((s) => s === 429).length, 50 - FREE_ATTEMPTS.name);
  assert.ok(results.filter((r) => r.status === 429).every((r) => Number(r.retryAfter) > 0), 'every 429 says how long to wait');
  const [u] = await t.database.db.select().from(users).where(eq(users.username, 'ch-keeper2'));
  const failed = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'sign_in_failed')));
  assert.equal(failed.length, FREE_ATTEMPTS.name, 'only the checked attempts are failures on record');
  assert.equal((await login('ch-keeper2', 'demo1234', '10.1.1.1')).status, 429, 'the right password waits too while throttled');
});

test('issue 12 item 2: a throttled name is answered like an unknown one; the wait grows with each further failure', async () => {
  for (const name of ['ch-tech2', 'nobody-here']) {
    for (let i = 0; i < FREE_ATTEMPTS.name; i++) assert.equal((await login(name, 'bad', `10.2.0.${i + 1}`)).status, 401);
  }
  const known = await login('ch-tech2', 'bad', '10.2.1.1');
  const unknown = await login('nobody-here', 'bad', '10.2.1.1');
  assert.equal(known.status, 429);
  assert.deepEqual(known.body, unknown.body, 'the same words for an existing and a made-up name');
  assert.equal(known.body.error, 'throttled');
  for (const r of [known, unknown]) assert.ok(Number(r.retryAfter) > 0 && Number(r.retryAfter) <= 30, `waits ${r.retryAfter}s`);

  // Once the first wait is over, one more failure doubles it.
  await t.database.db.update(signInThrottles).set({ blockedUntil: new Date(Date.now() - 1000) }).where(eq(signInThrottles.key, nameKey('ch-tech2')));
  assert.equal((await login('ch-tech2', 'bad', '10.2.2.1')).status, 401);
  const longer = await login('ch-tech2', 'demo1234', '10.2.2.2');
  assert.equal(longer.status, 429);
  assert.ok(Number(longer.retryAfter) > 30 && Number(longer.retryAfter) <= 60, `waits ${longer.retryAfter}s`);
});

test('issue 12 item 2: one IP trying many names is throttled after its free attempts, without a password check each', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await login(`guess-${i}`, 'bad', '10.3.0.1')).status);
  assert.deepEqual(statuses.slice(0, FREE_ATTEMPTS.ip), Array(FREE_ATTEMPTS.ip).fill(401));
  assert.deepEqual(statuses.slice(FREE_ATTEMPTS.ip), Array(40 - FREE_ATTEMPTS.ip).fill(429));
  assert.equal((await login('ch-clerk', 'demo1234', '10.3.0.2')).status, 200, 'other addresses are not affected');
  assert.equal((await login('ch-clerk', 'demo1234', '10.3.0.1')).status, 429);
});

test('issue 12 item 2: the admin sees the throttles and clears one; others may not', async () => {
  for (let i = 0; i <= FREE_ATTEMPTS.name; i++) await login('ch-clerk2', 'bad', `10.4.0.${i + 1}`);
  assert.equal((await login('ch-clerk2', 'demo1234', '10.4.1.1')).status, 429);
  const admin = await t.as('admin');
  const list = await admin.get('/api/auth/throttles');
  assert.equal(list.status, 200);
  const row = list.body.find((r: { subject: string }) => r.subject === 'ch-clerk2');
  assert.ok(row?.blockedUntil, JSON.stringify(list.body));
  assert.equal(row.kind, 'name');
  assert.equal((await (await t.as('ch-manager')).get('/api/auth/throttles')).status, 403);
  assert.equal((await (await t.as('ch-manager')).post(`/api/auth/throttles/${row.id}/clear`)).status, 403);

  const cleared = await admin.post(`/api/auth/throttles/${row.id}/clear`);
  assert.equal(cleared.status, 200);
  assert.equal(cleared.body.blockedUntil, null);
  assert.equal((await login('ch-clerk2', 'demo1234', '10.4.1.1')).status, 200);
  const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'clear_throttle')));
  assert.equal(events.length, 1);
});

test('issue 12 item 2: sign-in requests beyond the per-minute rate of one IP get 429 with Retry-After', async () => {
  const limited = await testApp('demo', { signInPerMinute: 3 });
  try {
    const send = () => limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' }, remoteAddress: '10.5.0.1' });
    for (let i = 0; i < 3; i++) assert.equal((await send()).statusCode, 401);
    const res = await send();
    assert.equal(res.statusCode, 429);
    assert.equal(res.json().error, 'throttled');
    assert.ok(Number(res.headers['retry-after']) > 0);
  } finally {
    await limited.close();
  }
});
