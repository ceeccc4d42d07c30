// Settings from the environment; the README documents each one.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { archiveKey } from './vault';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  sessionSecret: string;
  sessionHours: number;
  seedDemo: boolean;
  demoHistoryDays: number;
  logLevel: string;
  archiveKey: Buffer; // AR-04: seals ID numbers and archive documents
}

/** The secret signs cookies; without SESSION_SECRET one is made once and kept in the data directory. */
function sessionSecret(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

export function loadConfig(env = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    sessionSecret: sessionSecret(dataDir),
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    seedDemo: env.SEED_DEMO !== '0',
    demoHistoryDays: Number(env.DEMO_HISTORY_DAYS ?? 90),
    logLevel: env.LOG_LEVEL ?? 'info',
    archiveKey: archiveKey(dataDir, env),
  };
}
