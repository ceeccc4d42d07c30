// A body over the limit is answered with a readable 413, over a real socket: the client that is still
// sending must receive the answer, not a reset connection (a browser would show a broken pipe).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { buildApp } from '../app';
import { testConfig, testDatabase } from '../test/harness';
import type { Database } from './db';

let database: Database;
let close: () => Promise<void>;
let base: string;

before(async () => {
  database = await testDatabase('empty');
  const { app } = await buildApp(database.db, testConfig, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = async () => {
    await app.close();
    await database.close();
  };
});
after(() => close());

const tenMegabytes = () => JSON.stringify({ username: 'x', password: 'y', padding: 'a'.repeat(10 * 1024 * 1024) });

test('a 10 MB JSON body gets 413 too_large with its message over fetch, and the server keeps serving', async () => {
  for (const lang of ['zh-CN', 'en']) {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: tenMegabytes() });
    assert.equal(res.status, 413);
    const body = (await res.json()) as { error: string; message: string };
    assert.equal(body.error, 'too_large');
    assert.match(body.message, lang === 'en' ? /too large/i : /过大|太大/);
  }
  const health = await fetch(`${base}/api/health`);
  assert.equal(health.status, 200);
});

test('a 10 MB body sent in chunks without a length (streamed) also gets its 413 answer', async () => {
  const payload = new TextEncoder().encode(tenMegabytes());
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < payload.length; i += 64 * 1024) c.enqueue(payload.subarray(i, i + 64 * 1024));
      c.close();
    },
  });
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  assert.equal(res.status, 413);
  assert.equal(((await res.json()) as { error: string }).error, 'too_large');
});

/** Sends the whole body over a plain socket as a browser does (every byte written before it reads), then reads the answer. */
function sendWholeBody(payload: string): Promise<{ writeError: string | null; answer: string; sentAll: boolean }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let writeError: string | null = null;
    let sentAll = false;
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', (e: NodeJS.ErrnoException) => (writeError ??= e.code ?? e.message));
    socket.on('close', () => resolve({ writeError, answer, sentAll }));
    socket.on('connect', async () => {
      const bytes = Buffer.from(payload);
      socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`);
      for (let i = 0; i < bytes.length && !socket.destroyed; i += 256 * 1024) {
        if (!socket.write(bytes.subarray(i, i + 256 * 1024))) await new Promise((r) => socket.once('drain', r));
        // The last chunk went out before the socket closed (once it has answered, the server may close it).
        if (i + 256 * 1024 >= bytes.length) sentAll = true;
        await new Promise((r) => setTimeout(r, 2)); // a real network is slower than the loopback
      }
      socket.end();
    });
  });
}

test('a client that writes its whole 10 MB body before reading still gets the 413 answer, not a reset connection', async () => {
  const { writeError, answer, sentAll } = await sendWholeBody(tenMegabytes());
  assert.equal(writeError, null);
  assert.ok(sentAll, 'the server closed the connection while the client was still sending');
  assert.match(answer, /^HTTP\/1\.1 413/);
  assert.match(answer, /"error":"too_large"/);
});
