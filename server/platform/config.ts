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
  /** A PostgreSQL streaming replica for lists, look-ups and reports (issue 11); null: everything on the primary. */
  databaseReadUrl: string | null;
  sessionSecret: string;
  sessionHours: number;
  seedDemo: boolean;
  demoHistoryDays: number;
  logLevel: string;
  /** Fastify's trustProxy: whom to believe for X-Forwarded-Proto/-For (the client's IP and HTTPS). */
  trustProxy: boolean | string;
  /** Sign-in requests one IP may send per minute before 429 (beside the per-name and per-IP throttles). */
  signInPerMinute: number;
  archiveKey: Buffer; // AR-04: seals ID numbers and archive documents
}

/** The secret signs cookies; without SESSION_SECRET one is made once and kept in the data directory. */
function sessionSecret(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** TRUST_PROXY: `true` (whatever connects is the proxy) or the proxies' addresses/CIDRs, comma-separated. */
function trustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false' || value === '0') return false;
  return value === 'true' || value === '1' ? true : value;
}

export function loadConfig(env = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    databaseReadUrl: env.DATABASE_READ_URL || null,
    sessionSecret: sessionSecret(dataDir),
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    seedDemo: env.SEED_DEMO !== '0',
    demoHistoryDays: Number(env.DEMO_HISTORY_DAYS ?? 90),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxy(env.TRUST_PROXY),
    signInPerMinute: Number(env.SIGN_IN_PER_MINUTE ?? 30),
    archiveKey: archiveKey(dataDir, env),
  };
}
