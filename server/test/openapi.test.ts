// Issue 12 item 7: the OpenAPI document lints clean with Redocly's recommended rules (offline), and a
// typed client generated from it (openapi-typescript) type-checks real calls and rejects wrong ones.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { testApp, type TestApp } from './harness';

let t: TestApp;
let dir: string;
let doc: Record<string, any>;
before(async () => {
  t = await testApp();
  dir = mkdtempSync(join(tmpdir(), 'estate-desk-openapi-'));
  doc = t.app.swagger() as Record<string, any>;
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test('issue 12 item 7: redocly lint (recommended rules) reports no errors and no warnings', () => {
  const cli = join(process.cwd(), 'node_modules/@redocly/cli/bin/cli.js');
  // No telemetry, no update check: the lint runs without network.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [cli, 'lint', join(dir, 'openapi.json'), '--format=json'], { env, encoding: 'utf8' });
  const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'), r.stdout.lastIndexOf('}') + 1));
  const problems = report.problems.map((p: { ruleId: string; message: string; location: { pointer: string }[] }) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  assert.deepEqual(problems, []);
  assert.equal(report.totals.errors, 0);
  assert.equal(r.status, 0, r.stderr);
});

test('issue 12 item 7: every operation has a domain tag, a summary, an operationId, its security and its error answers', () => {
  const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method} ${path}`, op })));
  assert.ok(ops.length > 50);
  const ids = new Set<string>();
  for (const { key, op } of ops) {
    assert.ok(op.tags?.length && op.summary && op.operationId, key);
    assert.ok(!ids.has(op.operationId), `${key}: operationId unique`);
    ids.add(op.operationId);
    assert.ok(op.responses['400'], `${key}: 400`);
  }
  const login = doc.paths['/api/auth/login'].post;
  assert.deepEqual(login.security, []);
  assert.ok(login.responses['429'], 'sign-in documents its throttling');
  const me = doc.paths['/api/me'].get;
  assert.deepEqual(me.security, [{ session: [] }]);
  assert.equal(me.responses['401'].content['application/json'].schema.$ref, '#/components/schemas/Error');
  assert.equal(doc.components.securitySchemes.session.in, 'cookie');
  assert.deepEqual(doc.paths['/api/cases/{id}'].get.tags, ['cases']);
});

test('issue 12 item 7: a client typed from the document compiles real calls and rejects wrong ones', async () => {
  writeFileSync(join(dir, 'api.d.ts'), astToString(await openapiTS(doc as never)));
  const client = `
import type { components, paths } from './api';
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer A } } } } ? A : never;
declare function call<P extends keyof paths, M extends keyof paths[P]>(path: P, method: M, body?: Body<P, M>): Promise<Answer<P, M>>;
export async function demo() {
  await call('/api/auth/login', 'post', { username: 'ch-clerk', password: 'demo1234' });
  const me = await call('/api/me', 'get');
  const names: string[] = me.projects.map((p) => p.name);
  const refusal: components['schemas']['Error'] = { error: 'forbidden', message: '无权限' };
  return { names, refusal, locale: me.locale satisfies 'zh-CN' | 'en' };
}
`;
  const wrong = `
import type { paths } from './api';
type Login = paths['/api/auth/login']['post']['requestBody'] extends { content: { 'application/json': infer B } } | undefined ? B : never;
export const bad: Login = { username: 42 };
`;
  writeFileSync(join(dir, 'client.ts'), client);
  writeFileSync(join(dir, 'wrong.ts'), wrong);
  // One program for both files, with only the ES library: the check stays a few seconds.
  const program = ts.createProgram([join(dir, 'client.ts'), join(dir, 'wrong.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const diagnostics = (file: string) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(join(dir, file))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(diagnostics('client.ts'), []);
  const refused = diagnostics('wrong.ts');
  assert.ok(refused.some((m) => /number/.test(m) && /string/.test(m)), refused.join('\n'));
});
