// Input fuzzing from the contracts: every write endpoint gets malformed and hostile bodies made by
// mutating a valid request (wrong types, huge strings, unicode edge cases, injection strings, unknown
// and other-project ids). Invalid bodies answer 4xx with field errors and change nothing; no input
// ever produces a 500.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type * as z from 'zod';
import { testApp, type Client, type TestApp } from './harness';
import { fixtures } from './fixtures';
import { routeRequests, type Req, type Scope } from './route-requests';

let t: TestApp;
let ids: Record<Scope, string>;
let admin: Client;

before(async () => {
  t = await testApp();
  ids = { own: await t.projectId('CHY'), other: await t.projectId('GMZX') };
  admin = await t.as('admin');
});
after(() => t.close());

const HOSTILE_STRINGS = [
  "' OR 1=1; DROP TABLE work_orders; --",
  '"); DELETE FROM cases; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\u202Eabc',
  '\u200B\u200D\uFEFF',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍A̴̵̜̰͔ͫ͗͢L̠ͨͧͩ͘G̴̻͈͍͔̹̑͗̎̅͛́Ǫ̵̹̻̝̳͂̌̌͘',
  '../../../../etc/passwd',
  '${jndi:ldap://x}',
  '%00%27%22',
  ' ',
  '',
];

const wrongTypes = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.string({ minLength: 5000, maxLength: 120_000 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constant(randomUUID()),
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON body: ['order', 'trade'], ['materials', 0, 'name'], … */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (v && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    return entries.flatMap(([k, x]) => [[...prefix, k], ...paths(x as Json, [...prefix, k])]);
  }
  return [];
}

function setAt(v: Json, path: (string | number)[], value: Json | undefined): Json {
  if (!path.length) return value ?? null;
  const copy: Json = Array.isArray(v) ? [...v] : { ...(v as Record<string, Json>) };
  const [head, ...rest] = path;
  const child = (copy as Record<string | number, Json>)[head];
  if (!rest.length && value === undefined) delete (copy as Record<string | number, Json>)[head];
  else (copy as Record<string | number, Json>)[head] = setAt(child, rest, value);
  return copy;
}

const send = (req: Req, body: unknown) => (req.method === 'POST' ? admin.post(req.url, body) : admin.put(req.url, body));

async function snapshot() {
  const res = await t.database.db.execute(sql`select (select count(*) from audit_events)::int as events, (select count(*) from sessions)::int as sessions`);
  return JSON.stringify((res as { rows?: unknown[] }).rows ?? res);
}

const writeRoutes = () => t.routes.filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.body && r.access !== 'public');

test('fuzz: invalid bodies on every write endpoint answer 4xx with field errors and change nothing', async () => {
  const ROUTES = routeRequests({ t, ids });
  for (const route of writeRoutes()) {
    const key = `${route.method} ${route.url}`;
    const req = await ROUTES[key].req(fixtures(t.database.db, t.storage, 'ch', ids.own), ids.own, 'own');
    const valid = req.body as Json;
    const schema = route.body as z.ZodType;
    const wholeBody = fc.record({ path: fc.constant([] as (string | number)[]), value: fc.jsonValue() as fc.Arbitrary<Json> });
    const fieldPaths = paths(valid);
    const mutation = fieldPaths.length
      ? fc.oneof(fc.record({ path: fc.constantFrom(...fieldPaths), value: fc.option(wrongTypes, { nil: undefined }) }), wholeBody)
      : wholeBody;
    await fc.assert(
      fc.asyncProperty(mutation, async ({ path, value }) => {
        const body = setAt(valid, path, value as Json | undefined);
        fc.pre(!schema.safeParse(body).success);
        const before = await snapshot();
        const res = await send(req, body);
        assert.ok(res.status >= 400 && res.status < 500, `${key} ${JSON.stringify(path)}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (res.status === 400 && res.body.error === 'validation') assert.ok(res.body.fields?.length, `${key}: field errors expected`);
        assert.equal(await snapshot(), before, `${key}: nothing may change`);
      }),
      { numRuns: 40, seed: 20261123 },
    );
  }
});

test('fuzz: unknown and other-project ids in any id field are refused and change nothing', async () => {
  const ROUTES = routeRequests({ t, ids });
  // The company admin reaches every project, so another project's ids are sent by the project manager.
  const manager = await t.as('ch-manager');
  const callers: [Client, string][] = [
    [admin, randomUUID()],
    [manager, ids.other],
  ];
  for (const route of writeRoutes()) {
    const key = `${route.method} ${route.url}`;
    const req = await ROUTES[key].req(fixtures(t.database.db, t.storage, 'ch', ids.own), ids.own, 'own');
    const valid = req.body as Json;
    const idPaths = paths(valid).filter((p) => /Id$/.test(String(p[p.length - 1])));
    for (const path of idPaths) {
      for (const [client, id] of callers) {
        const before = await snapshot();
        const body = setAt(valid, path, id);
        const res = req.method === 'POST' ? await client.post(req.url, body) : await client.put(req.url, body);
        assert.ok(res.status >= 400 && res.status < 500, `${key} ${path.join('.')}=${id}: ${res.status}`);
        assert.equal(await snapshot(), before, `${key}: nothing may change`);
      }
    }
  }
});

test('fuzz: hostile but well-formed strings never cause a 500; what is accepted is stored as given', async () => {
  const ROUTES = routeRequests({ t, ids });
  const hostiles = HOSTILE_STRINGS.filter((s) => s.trim());
  // One valid request per route; its string fields each get a hostile string, rotating over the list from
  // route to route so every string meets many routes and fields (a fresh fixture per string doubled the time).
  let turn = 0;
  for (const route of writeRoutes()) {
    const key = `${route.method} ${route.url}`;
    const schema = route.body as z.ZodType;
    const req = await ROUTES[key].req(fixtures(t.database.db, t.storage, 'ch', ids.own), ids.own, 'own');
    const valid = req.body as Json;
    const stringPaths = paths(valid).filter((p) => typeof p.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], valid) === 'string');
    for (const path of stringPaths) {
      const hostile = hostiles[turn++ % hostiles.length];
      const body = setAt(valid, path, hostile);
      const res = await send(req, body);
      assert.ok(res.status < 500, `${key} ${path.join('.')} ← ${JSON.stringify(hostile)}: ${res.status}`);
      // A case echoes what the clerk typed: accepted text comes back unchanged (no escaping, no truncation).
      if (key === 'POST /api/cases' && path[0] === 'content' && schema.safeParse(body).success && res.status === 201) assert.equal(res.body.content, hostile.trim());
    }
  }
  assert.ok(turn >= hostiles.length * 5, `every hostile string tried several times (${turn} fields)`);
});

// Issue 12 item 6: a list cursor is opaque, but what a client sends back is decoded and must never reach
// the database malformed (["notadate","notauuid"] used to be a 500).
const cursorParts = fc.oneof(fc.jsonValue(), fc.constantFrom('notadate', 'notauuid', '2026-02-30T00:00:00.000Z', randomUUID(), ...HOSTILE_STRINGS));
const cursors = fc.oneof(
  fc.tuple(cursorParts, cursorParts).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.string({ maxLength: 60 }),
);

test('fuzz: malformed list cursors answer 400 with a cursor field error on every paged list', async () => {
  const ROUTES = routeRequests({ t, ids });
  // Exports share their list's filters but write every row, so they ignore the cursor.
  const lists = t.routes.filter((r) => r.method === 'GET' && !r.url.endsWith('/export') && (r.query as z.ZodObject | undefined)?.shape?.cursor);
  assert.ok(lists.length >= 6, 'the six paged lists take a cursor');
  for (const route of lists) {
    const key = `${route.method} ${route.url}`;
    const req = await ROUTES[key].req(fixtures(t.database.db, t.storage, 'ch', ids.own), ids.own, 'own');
    const url = (cursor: string) => `${req.url}${req.url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
    const fixed = await admin.get(url(Buffer.from('["notadate","notauuid"]').toString('base64url')));
    assert.equal(fixed.status, 400, `${key}: ${fixed.status}`);
    assert.equal(fixed.body.fields?.[0]?.path, 'cursor');
    await fc.assert(
      fc.asyncProperty(cursors, async (cursor) => {
        const res = await admin.get(url(cursor));
        assert.ok(res.status < 500, `${key} cursor=${cursor}: ${res.status}`);
        if (res.status === 400 && cursor.length <= 200) assert.equal(res.body.fields?.[0]?.path, 'cursor', `${key}: ${JSON.stringify(res.body)}`);
      }),
      { numRuns: 30, seed: 12 },
    );
  }
});
