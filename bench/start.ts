// `npm start` on an empty data directory: time to the first answered /api/health, and to the demo being ready.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engine, freshDatabase, ms, report, startServer } from './lib';

export async function benchStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'estate-desk-start-'));
  const databaseUrl = engine === 'postgres' ? await freshDatabase('bench_start') : '';
  const t0 = performance.now();
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_HISTORY_DAYS: process.env.DEMO_HISTORY_DAYS ?? '90' });
  const readyMs = performance.now() - t0;
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  report('start', [{ step: 'first answered /api/health', ms: ms(server.healthMs) }, { step: 'demo company and 90 days of desk history ready', ms: ms(readyMs) }], {
    target: '/api/health within 10 s',
    note: 'server process only; `npm start` adds the web build when the sources changed (a few seconds with Vite)',
  });
}
