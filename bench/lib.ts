// Shared pieces of the benchmarks: timing, percentiles, the result table and JSON, a server to measure.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';

export const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (n: number) => Math.round(n * 100) / 100;

export interface Row {
  [column: string]: string | number;
}

export function report(name: string, rows: Row[], extra: Record<string, unknown> = {}) {
  console.log(`\n## ${name} (${engine})`);
  console.table(rows);
  mkdirSync('bench/results', { recursive: true });
  const result = { name, engine, date: new Date().toISOString(), machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) }, rows, ...extra };
  writeFileSync(`bench/results/${name}-${engine}.json`, JSON.stringify(result, null, 2) + '\n');
}

/** Times `fn` `n` times one after another; returns latencies in ms. */
export async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs `clients` loops of `fn` for `seconds`; returns every latency and the throughput per second. */
export async function load(clients: number, seconds: number, fn: (client: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < end) {
        const t = performance.now();
        await fn(c);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { latencies, perSecond: latencies.length / elapsed };
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A fresh PostgreSQL database next to DATABASE_URL's, dropped and made anew. */
export async function freshDatabase(suffix: string): Promise<string> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `${base.pathname.slice(1)}_${suffix}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  return base.toString();
}

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` and waits until /api/health answers (and the demo is ready when `waitDemo`). */
export async function startServer(env: Record<string, string>, waitDemo = true): Promise<Server & { healthMs: number }> {
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  let healthMs = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    const h = await fetch(`${url}/api/health`).then((r) => r.json() as Promise<{ demo: string }>).catch(() => null);
    if (h && !healthMs) healthMs = performance.now() - t0;
    if (h && (!waitDemo || h.demo === 'ready')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    healthMs,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// The load generator shares the 2 cores with the server and the database: node:http on a keep-alive
// connection costs the client a fraction of what fetch does, so the figures measure the product.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function send(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A signed-in HTTP client (cookie session) for a running server. */
export async function client(url: string, username: string, password: string) {
  const res = await send(`${url}/api/auth/login`, 'POST', {}, JSON.stringify({ username, password }));
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = String([res.headers['set-cookie'] ?? ''].flat()[0]).split(';')[0];
  return async <T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await send(`${url}${path}`, method, { cookie }, body === undefined ? undefined : JSON.stringify(body));
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(r.text);
    } catch {
      // not JSON (an export): the status is what the bench looks at
    }
    return { status: r.status, body: parsed as T };
  };
}

export const machine = () => `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
