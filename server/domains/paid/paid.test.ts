// PS-01: each project's paid-service catalogue with public prices; kept by supervisors, never deleted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../test/harness';
import { serviceItems } from './tables';

let t: TestApp;
let chy: string;
let gmzx: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gmzx = await t.projectId('GMZX');
});
after(() => t.close());

test('PS-01 the price list is public, per project, and names what the desk does not take on', async () => {
  const list = await t.anonymous.get(`/api/projects/${chy}/price-list`);
  assert.equal(list.status, 200);
  assert.equal(list.body.currency, 'CNY');
  assert.ok(list.body.items.length >= 10);
  assert.deepEqual([...new Set(list.body.items.map((i: { category: string }) => i.category))].sort(), ['cleaning', 'greening', 'water_electric']);
  assert.deepEqual(list.body.excluded, ['家用电器维修', '房屋装修']);
  const other = await t.anonymous.get(`/api/projects/${gmzx}/price-list`);
  assert.ok(other.body.items.every((i: { projectId: string }) => i.projectId === gmzx));
  assert.equal((await t.anonymous.get('/api/projects/00000000-0000-4000-8000-000000000000/price-list')).status, 404);
});

test('PS-01 the CS supervisor adds and prices items; others are refused; bad prices are refused', async () => {
  const sup = await t.as('ch-super');
  const item = { projectId: chy, category: 'cleaning', name: '清洗油烟机', unit: '台', price: 120 };
  assert.equal((await (await t.as('ch-clerk')).post('/api/service-items', item)).status, 403);
  assert.equal((await (await t.as('gm-super')).post('/api/service-items', item)).status, 404);
  assert.equal((await sup.post('/api/service-items', { ...item, price: 12.345 })).status, 400);
  assert.equal((await sup.post('/api/service-items', { ...item, price: -1 })).status, 400);
  assert.equal((await sup.post('/api/service-items', { ...item, category: 'appliance' })).status, 400);
  const created = await sup.post('/api/service-items', item);
  assert.equal(created.status, 201);
  const list = await t.anonymous.get(`/api/projects/${chy}/price-list`);
  assert.ok(list.body.items.some((i: { id: string; price: number }) => i.id === created.body.id && i.price === 120));
});

test('PS-01 a retired item leaves the public list, stays on record with its history, and staff still see it', async () => {
  const sup = await t.as('ch-super');
  const [first] = (await t.anonymous.get(`/api/projects/${chy}/price-list`)).body.items;
  const retired = await sup.put(`/api/service-items/${first.id}`, { active: false, price: first.price + 5, version: first.version });
  assert.equal(retired.status, 200);
  assert.ok(!(await t.anonymous.get(`/api/projects/${chy}/price-list`)).body.items.some((i: { id: string }) => i.id === first.id));
  assert.ok(!(await t.anonymous.get(`/api/projects/${chy}/price-list?all=1`)).body.items.some((i: { id: string }) => i.id === first.id), 'anonymous callers never see retired items');
  assert.ok((await sup.get(`/api/projects/${chy}/price-list?all=1`)).body.items.some((i: { id: string }) => i.id === first.id));
  const [row] = await t.database.db.select().from(serviceItems).where(eq(serviceItems.id, first.id));
  assert.equal(row.active, false);
  assert.equal((await sup.put(`/api/service-items/${first.id}`, { price: 1, version: first.version })).status, 409);
});
