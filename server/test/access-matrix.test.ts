// The access matrix: every registered route × every staff role × own project / another project, allowed
// or refused as the policy says. Generated from the route registry: a route without a row here fails.
// (Residents sign in with the resident portal, which does not exist yet; their rows come with it.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLE_ACTIONS, COMPANY_WIDE_ROLES, type TRole } from '../../common/roles';
import { routeRequests, USERS, type Req, type Scope } from './route-requests';
import { testApp, type TestApp } from './harness';
import { fixtures } from './fixtures';

let t: TestApp;
let ids: Record<Scope, string>;
let ROUTES: ReturnType<typeof routeRequests>;

before(async () => {
  t = await testApp();
  ids = { own: await t.projectId('CHY'), other: await t.projectId('GMZX') };
  ROUTES = routeRequests({ t, ids });
});
after(() => t.close());

// A request is built from fresh fixtures once and reused by the next role for as long as nothing changed
// it: reads never do, and a refused write leaves its record as it was.
const requests = new Map<string, Req>();
async function requestFor(key: string, scope: Scope): Promise<Req> {
  const cached = requests.get(`${key} ${scope}`);
  if (cached) return cached;
  const projectId = ids[scope];
  const req = await ROUTES[key].req(fixtures(t.database.db, t.storage, scope === 'own' ? 'ch' : 'gm', projectId), projectId, scope);
  requests.set(`${key} ${scope}`, req);
  return req;
}

test('every registered route has a row in the access matrix', () => {
  const keys = t.routes.filter((r) => r.access !== 'public').map((r) => `${r.method} ${r.url}`);
  const missing = keys.filter((k) => !ROUTES[k]);
  assert.deepEqual(missing, [], 'add these routes to the access matrix');
  assert.deepEqual(Object.keys(ROUTES).filter((k) => !keys.includes(k)), [], 'rows for routes that no longer exist');
});

test('anonymous callers get 401 from every non-public route', async () => {
  for (const r of t.routes.filter((x) => x.access !== 'public')) {
    const req = await requestFor(`${r.method} ${r.url}`, 'own');
    const res = req.method === 'GET' ? await t.anonymous.get(req.url) : req.method === 'POST' ? await t.anonymous.post(req.url, req.body) : await t.anonymous.put(req.url, req.body);
    assert.equal(res.status, 401, `${r.method} ${r.url}`);
  }
});

for (const role of Object.keys(USERS) as TRole[]) {
  test(`access matrix: ${role} on its own project and on another project`, async () => {
    const client = await t.as(USERS[role]);
    const failures: string[] = [];
    for (const r of t.routes.filter((x) => x.access !== 'public')) {
      const key = `${r.method} ${r.url}`;
      for (const scope of ['own', 'other'] as Scope[]) {
        const req = await requestFor(key, scope);
        const res = req.method === 'GET' ? await client.get(req.url) : req.method === 'POST' ? await client.post(req.url, req.body) : await client.put(req.url, req.body);
        // A write that went through used its fixture up (a new version, a new state): the next role gets a fresh one.
        if (req.method !== 'GET' && res.status < 300) requests.delete(`${key} ${scope}`);
        const holds = r.access === 'signed_in' || ROLE_ACTIONS[role].includes(r.access as never);
        const reaches = scope === 'own' || COMPANY_WIDE_ROLES.includes(role);
        const allowed = ROUTES[key].rule ? ROUTES[key].rule!(role, scope) && holds : holds && reaches;
        const refused = res.status === 403 || res.status === 404;
        if (res.status >= 500) failures.push(`${key} ${scope}: ${res.status}`);
        // Lists, lookups and the user's own things have no "other project" record: refusal means it is not shown.
        const listing = ['GET /api/projects', 'GET /api/kpis/ranking', 'GET /api/kpis/dashboard', 'GET /api/me/todos', 'GET /api/lookup', 'GET /api/me', 'PUT /api/me/locale', 'GET /api/notifications', 'POST /api/notifications/read'].includes(key);
        if (listing && scope === 'other' && holds) {
          const leaked = JSON.stringify(res.body).includes(ids.other);
          // QI-05: the to-dos show another project only to a company-wide role (and only when it has some there).
          if (key === 'GET /api/me/todos') {
            if (leaked && !COMPANY_WIDE_ROLES.includes(role)) failures.push(`${key} ${scope}: other project shown`);
            continue;
          }
          if (leaked !== COMPANY_WIDE_ROLES.includes(role) && key !== 'GET /api/me' && key !== 'PUT /api/me/locale' && !key.includes('notifications'))
            failures.push(`${key} ${scope}: other project ${leaked ? 'shown' : 'hidden'}`);
          continue;
        }
        if (allowed && refused) failures.push(`${key} ${scope}: refused (${res.status}) but should be allowed`);
        if (!allowed && !refused) failures.push(`${key} ${scope}: ${res.status} but should be refused`);
      }
    }
    assert.deepEqual(failures, []);
  });
}
