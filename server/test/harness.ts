// What every server test starts from: its own database (from a template) and an app to call.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localStorage, type Storage } from '../platform/storage';
import type { TextMessage } from '../platform/messages';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { buildApp, type BuiltApp } from '../app';
import type { Config } from '../platform/config';
import { openPglite, openPostgres, type Database } from '../platform/db';
import type { RegisteredRoute } from '../platform/http';
import { projects } from '../domains/org/tables';
import { DEMO_PASSWORD } from '../seed/demo';
import { adminQuery, databaseUrlFor, pgliteTemplateFile, templateName, TEST_ARCHIVE_KEY, type TemplateKind } from './templates';

export async function testDatabase(kind: TemplateKind = 'demo'): Promise<Database> {
  const base = process.env.DATABASE_URL;
  if (!base) return openPglite(undefined, new Blob([readFileSync(pgliteTemplateFile(kind))]));
  const name = `${templateName(base, kind)}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${templateName(base, kind)}"`);
  const db = await openPostgres(databaseUrlFor(base, name), 4);
  return {
    ...db,
    close: async () => {
      await db.close();
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}

export const testConfig: Config = {
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: null,
  databaseReadUrl: null,
  sessionSecret: 'test-secret-test-secret-test-secret',
  sessionHours: 12,
  seedDemo: false,
  demoHistoryDays: 0,
  logLevel: 'silent',
  trustProxy: false,
  // every test signs in from 127.0.0.1; the throttle tests build their own app with a low limit
  signInPerMinute: 100_000,
  archiveKey: TEST_ARCHIVE_KEY,
};

export interface Reply {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  bytes: Buffer;
}

export interface Client {
  get(url: string): Promise<Reply>;
  post(url: string, body?: unknown): Promise<Reply>;
  put(url: string, body?: unknown): Promise<Reply>;
  raw(method: 'POST' | 'PUT', url: string, payload: string): Promise<Reply>;
}

export interface TestApp {
  database: Database;
  /** Text messages the app sent (X-03: resident sign-in codes), oldest first. */
  messages: TextMessage[];
  storage: Storage;
  routes: RegisteredRoute[];
  anonymous: Client;
  /** A client sending exactly this Cookie header. */
  withCookie(cookie: string): Client;
  /** Signs in a demo user (password from the demo generator). */
  as(username: string, opts?: { locale?: 'zh-CN' | 'en' }): Promise<Client>;
  projectId(code: string): Promise<string>;
  /** The app itself, for requests with their own headers or client address. */
  app: BuiltApp['app'];
  close(): Promise<void>;
}

export async function testApp(kind: TemplateKind = 'demo', config: Partial<Config> = {}): Promise<TestApp> {
  const database = await testDatabase(kind);
  const files = mkdtempSync(join(tmpdir(), 'estate-desk-files-'));
  const storage = localStorage(files);
  // text messages (resident sign-in codes) are kept here instead of being sent.
  const messages: TextMessage[] = [];
  const { app, routes } = await buildApp(database.db, { ...testConfig, ...config }, { logger: false, storage, messages: { name: 'test', send: async (m) => void messages.push(m) } });
  await app.ready();

  const client = (cookie?: string, lang = 'zh-CN'): Client => {
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, payload?: string): Promise<Reply> => {
      const res = await app.inject({
        method,
        url,
        headers: {
          'accept-language': lang,
          ...(cookie ? { cookie } : {}),
          ...(payload !== undefined || body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        payload: payload ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      let parsed: unknown = res.body;
      try {
        parsed = JSON.parse(res.body);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.statusCode, body: parsed, headers: res.headers, bytes: res.rawPayload };
    };
    return {
      get: (url) => call('GET', url),
      post: (url, body) => call('POST', url, body === undefined ? {} : body),
      put: (url, body) => call('PUT', url, body === undefined ? {} : body),
      raw: (method, url, payload) => call(method, url, undefined, payload),
    };
  };

  return {
    database,
    storage,
    messages,
    routes,
    app,
    anonymous: client(),
    withCookie: (cookie) => client(cookie),
    async as(username, opts) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const set = res.headers['set-cookie'];
      const cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0];
      return client(cookie, opts?.locale ?? 'zh-CN');
    },
    async projectId(code) {
      const [p] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
      return p.id;
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
