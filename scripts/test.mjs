// The test command: prepares template databases, builds the web app for browser tests, runs every
// *.test.ts with node's test runner. DATABASE_URL switches the whole suite to a real PostgreSQL.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

// Arguments narrow the run to some files or folders; none means everything.
const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['common', 'server', 'tests'];
const files = roots.filter(existsSync).flatMap((p) => (statSync(p).isDirectory() ? testFiles(p) : [p])).sort();

run('npx', ['tsx', 'scripts/prepare-test-db.ts']);
// Browser tests run against a fresh build of the web app (a few seconds with Vite); server tests
// need one too, for the page fallback. A build newer than every source it is made from is fresh already
// (CI builds once and runs the PGlite and PostgreSQL suites side by side on it).
const newest = (p) => (statSync(p).isDirectory() ? Math.max(0, ...readdirSync(p).map((n) => newest(join(p, n)))) : statSync(p).mtimeMs);
const built = existsSync('web/dist/index.html') ? statSync('web/dist/index.html').mtimeMs : 0;
const fresh = built > Math.max(...['web/src', 'web/portal', 'web/m', 'web/public', 'web/index.html', 'common', 'vite.config.ts', 'package-lock.json'].map(newest));
if (!fresh) run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('node', ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files]);
