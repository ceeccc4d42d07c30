// Issue 11: the create-case write path in round trips — the session, the checks, one numbered write,
// COMMIT — and its answer equal to the detail read back afterwards. Counted on PostgreSQL, where every
// statement is a round trip on a pooled connection (PGlite runs in-process).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { principalOf } from '../../test/desk';
import { ZCaseCreate } from '../../../common/desk';
import { createCase } from './commands/create-case';
import { units } from '../org/tables';

let t: TestApp;
let chy: string;
let clerk: Client;
let unitIds: string[];
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  unitIds = (await t.database.db.select({ id: units.id }).from(units).where(eq(units.projectId, chy)).limit(3)).map((u) => u.id);
});
after(() => t.close());

const repair = (unitId: string) => ({
  projectId: chy,
  channel: 'phone',
  category: 'repair',
  unitId,
  callerName: '王先生',
  callerPhone: '13800138000',
  content: '厨房水龙头漏水',
  confirmedWithCaller: true,
  order: { trade: 'water', locationKind: 'unit', description: '厨房水龙头漏水' },
});

/** Statements sent to PostgreSQL while `fn` runs (every pooled client is a pg.Client). */
async function countStatements(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0];
    seen.push(typeof q === 'string' ? q : String((q as { text?: string }).text ?? (q as { name?: string }).name));
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

test('issue 11: creating a case with its repair order takes at most 4 statements on PostgreSQL (session cached)', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: PGlite runs in-process, without round trips' }, async () => {
  await clerk.post('/api/cases', repair(unitIds[0])); // warms the session cache and the prepared statements
  const statements = await countStatements(async () => assert.equal((await clerk.post('/api/cases', repair(unitIds[1]))).status, 201));
  assert.ok(statements.length <= 4, `${statements.length} statements:\n${statements.join('\n')}`);
});

test('issue 11: a complaint takes its KF number in its last write; only its audit event follows before COMMIT', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: PGlite runs in-process, without round trips' }, async () => {
  const complaint = { ...repair(unitIds[0]), category: undefined, order: undefined, content: '维修师傅上门态度很差', type: 'attitude' };
  await clerk.post('/api/complaints', complaint); // warms the session cache
  let status = 0;
  const statements = await countStatements(async () => (status = (await clerk.post('/api/complaints', complaint)).status));
  assert.equal(status, 201);
  const numbered = statements.findIndex((q) => /insert into sequences/i.test(q));
  const commit = statements.findIndex((q) => /^commit/i.test(q));
  assert.ok(numbered > 0 && commit > numbered, statements.join('\n'));
  // Between the number and COMMIT: the complaint's audit event, nothing else; the answer is read after COMMIT.
  assert.ok(commit - numbered - 1 <= 1, `${commit - numbered - 1} statements hold the number row:\n${statements.slice(numbered, commit + 1).join('\n')}`);
});

test('IN-01 / WO-01 the create answer equals the case detail read back after commit', async () => {
  const created = await clerk.post('/api/cases', repair(unitIds[2]));
  assert.equal(created.status, 201);
  const read = await clerk.get(`/api/cases/${created.body.id}`);
  assert.deepEqual(created.body, read.body);
  assert.equal(created.body.orders.length, 1);
  assert.equal(created.body.events.length, 1);
  assert.ok(created.body.orders[0].deadlines.length >= 3);
});

test('WO-01 numbers stay unique and without gaps per project and year when 12 desks create at once, and restart each year', async () => {
  const p = await principalOf(t.database.db, 'ch-clerk');
  const at = (iso: string) => new Date(iso);
  const made = await Promise.all(
    Array.from({ length: 12 }, (_, i) => createCase(t.database.db, p, ZCaseCreate.parse(repair(unitIds[i % 3])), at(i % 2 ? '2031-03-01T02:00:00Z' : '2032-03-01T02:00:00Z'))),
  );
  for (const year of ['2031', '2032']) {
    const ofYear = made.filter((c) => c.number.startsWith(`KF-${year}-`));
    const seq = (ns: string[]) => ns.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    assert.deepEqual(seq(ofYear.map((c) => c.number)), [1, 2, 3, 4, 5, 6], `cases ${year}`);
    assert.deepEqual(seq(ofYear.map((c) => c.orders[0].number)), [1, 2, 3, 4, 5, 6], `orders ${year}`);
    for (const c of ofYear) assert.match(c.orders[0].number, new RegExp(`^BX-${year}-\\d{6}$`));
  }
  // A refused create (unknown customer) takes no number: the next one continues the sequence.
  await assert.rejects(createCase(t.database.db, p, ZCaseCreate.parse({ ...repair(unitIds[0]), customerId: '00000000-0000-4000-8000-000000000000' }), at('2031-05-01T02:00:00Z')));
  const next = await createCase(t.database.db, p, ZCaseCreate.parse(repair(unitIds[0])), at('2031-05-01T02:00:00Z'));
  assert.equal(next.number, 'KF-2031-000007');
  assert.equal(next.orders[0].number, 'BX-2031-000007');
});
