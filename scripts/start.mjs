// `npm start`: builds the web app when its sources are newer than the build, then runs the server
// (PGlite under ./data unless DATABASE_URL is set; the demo company is generated on first start).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const built = 'web/dist/index.html';
const sourcesTime = Math.max(newest('web/src'), newest('web/portal'), newest('web/m'), newest('web/public'), newest('common'), statSync('web/index.html').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sourcesTime) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
