// The per-transaction memo serves repeated reads inside one transaction only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../test/harness';
import type { Database } from './db';
import { memoInTx } from './tx-memo';

let d: Database;
before(async () => (d = await testDatabase('empty')));
after(() => d.close());

test('reads repeat within a transaction once, and never outside one', async () => {
  let loads = 0;
  const load = async () => ++loads;
  await d.db.transaction(async (tx) => {
    assert.equal(await memoInTx(tx, 'k', load), 1);
    assert.equal(await memoInTx(tx, 'k', load), 1);
  });
  await d.db.transaction(async (tx) => assert.equal(await memoInTx(tx, 'k', load), 2));
  assert.equal(await memoInTx(d.db, 'k', load), 3);
  assert.equal(await memoInTx(d.db, 'k', load), 4);
});
