// The background-job runner: one run at a time, a failed run logged and retried, and a stop that waits for
// the run in flight (the server closes its database only after it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repeat } from './jobs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a stop waits for the run in flight; runs never overlap; a failure is logged and the next round runs', async () => {
  const events: string[] = [];
  const errors: string[] = [];
  let n = 0;
  const stop = repeat(
    'test job',
    async () => {
      const i = ++n;
      events.push(`start ${i}`);
      await sleep(60); // longer than the interval: the next tick must not start a second run
      events.push(`end ${i}`);
      if (i === 1) throw new Error('first run fails');
    },
    { error: (_o, m) => errors.push(m) },
    20,
    { now: true },
  );
  await sleep(150);
  await stop();
  const last = events.at(-1);
  assert.match(last!, /^end \d+$/, `stopped after the run in flight ended: ${events.join(', ')}`);
  for (let i = 0; i < events.length; i += 2) assert.deepEqual([events[i].split(' ')[0], events[i + 1]?.split(' ')[0]], ['start', 'end'], events.join(', '));
  assert.deepEqual(errors, ['test job failed']);
  assert.ok(n >= 2, 'the round after the failure ran');
  const after = events.length;
  await sleep(80);
  assert.equal(events.length, after, 'nothing runs after the stop');
});
