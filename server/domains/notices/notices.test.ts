// NT-01, NT-02, NT-04: a notice from draft to take-down over HTTP, and the refusals — publishing without
// approval, a validity over 3 months, a clerk approving, another project's notice, a stale version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { addDays, toLocal } from '../../platform/clock';
import { auditEvents } from '../../platform/tables';
import { testApp, type TestApp } from '../../test/harness';
import { noticeInput } from '../../test/notice-fixtures';
import { SIGNATURE } from '../../test/desk';
import { units } from '../org/tables';

let t: TestApp;
let chy: string;
let bsy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  bsy = await t.projectId('BSY');
});
after(() => t.close());

const today = () => toLocal(new Date(), 'Asia/Shanghai').date;

test('NT-01 a notice is numbered and titled by the company scheme, approved by the project manager only, then published; each step is an event', async () => {
  const clerk = await t.as('ch-clerk');
  const drafted = await clerk.post('/api/notices', noticeInput(chy, { subject: '二次供水水箱清洗停水' }));
  assert.equal(drafted.status, 201);
  let n = drafted.body;
  assert.match(n.number, new RegExp(`^翠湖-通-${today().slice(0, 4)}-\\d{3}$`));
  assert.equal(n.title, '关于二次供水水箱清洗停水的通知');
  assert.equal(n.status, 'draft');

  // NT-01: never published without the manager's approval
  const early = await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'publish', version: n.version });
  assert.equal(early.status, 409);
  assert.equal(early.body.error, 'notice_not_approved');
  assert.equal(early.body.message, '通知须经项目经理审批后方可发布');

  n = (await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'submit', version: n.version })).body;
  assert.equal(n.status, 'submitted');
  assert.equal((await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'publish', version: n.version })).body.error, 'notice_not_approved');
  // NT-01: a clerk, the CS supervisor and even the company admin do not approve
  for (const who of ['ch-clerk', 'ch-super', 'admin']) {
    const refused = await (await t.as(who)).post(`/api/notices/${n.id}/transitions`, { action: 'approve', version: n.version });
    assert.equal(refused.status, 403, who);
  }
  // another project's notice does not exist for its staff
  const gm = await t.as('gm-manager');
  assert.equal((await gm.get(`/api/notices/${n.id}`)).status, 404);
  assert.equal((await gm.post(`/api/notices/${n.id}/transitions`, { action: 'approve', version: n.version })).status, 404);

  const manager = await t.as('ch-manager');
  const seen = await manager.get(`/api/notices/${n.id}`);
  assert.ok(seen.body.actions.includes('approve') && !seen.body.actions.includes('publish'));
  n = (await manager.post(`/api/notices/${n.id}/transitions`, { action: 'approve', version: n.version })).body;
  assert.equal(n.status, 'approved');
  assert.equal(n.approvedByName !== null, true);
  // a stale version is refused, never silently applied
  const stale = await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'publish', version: n.version - 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error, 'stale_version');

  n = (await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'publish', version: n.version })).body;
  assert.equal(n.status, 'published');
  // NT-02: take-down due 24 h after the end of the last valid day
  const end = new Date(`${addDays(n.validTo, 1)}T00:00:00+08:00`);
  assert.equal(n.takeDownDueAt, new Date(end.getTime() + 24 * 3_600_000).toISOString());
  assert.equal(n.takeDownOverdue, false);
  // a published notice is no longer edited, and is not marked expired while valid
  assert.equal((await clerk.put(`/api/notices/${n.id}`, { version: n.version, body: '改' })).status, 409);
  assert.equal((await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'expire', version: n.version })).body.error, 'notice_still_valid');

  // NT-03: the posting photo is archived with the notice, readable by the project's readers only
  const photo = await clerk.post(`/api/notices/${n.id}/photos`, { kind: 'posting', name: '大堂公告栏.png', data: SIGNATURE });
  assert.equal(photo.status, 201);
  assert.equal((await (await t.as('quality')).get(photo.body.url)).status, 200);
  assert.equal((await (await t.as('gm-clerk')).get(photo.body.url)).status, 404);

  n = (await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'take_down', version: n.version })).body;
  assert.equal(n.status, 'taken_down');
  assert.equal(n.takenDownLate, false);
  const events = await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entity, 'notice'), eq(auditEvents.entityId, n.id))).orderBy(auditEvents.id);
  assert.deepEqual(events.map((e) => e.action), ['draft', 'submit', 'approve', 'publish', 'photo', 'take_down']);
  assert.deepEqual(n.events.map((e: { action: string }) => e.action), ['draft', 'submit', 'approve', 'publish', 'photo', 'take_down']);
});

test('NT-02 a validity over 3 months is refused on the field; NT-05 a briefing shorter than 15 days too', async () => {
  const clerk = await t.as('ch-clerk');
  const long = await clerk.post('/api/notices', noticeInput(chy, { validFrom: '2027-01-31', validTo: '2027-05-01' }));
  assert.equal(long.status, 400);
  assert.deepEqual(long.body.fields, [{ path: 'validTo', message: '通知有效期最长3个月，长期信息请制作标识牌' }]);
  // exactly 3 months, clamped to the month's end, is allowed
  assert.equal((await clerk.post('/api/notices', noticeInput(chy, { validFrom: '2027-01-31', validTo: '2027-04-30' }))).status, 201);
  const short = await clerk.post('/api/notices', noticeInput(chy, { kind: 'briefing', subject: '11月工作总结及12月工作计划', validFrom: '2027-01-05', validTo: '2027-01-15' }));
  assert.equal(short.status, 400);
  assert.equal(short.body.fields[0].message, '工作简报和年度公示须张贴不少于15天');
  // editing a draft is held to the same rule
  const d = (await clerk.post('/api/notices', noticeInput(chy))).body;
  const edit = await clerk.put(`/api/notices/${d.id}`, { version: d.version, validTo: addDays(d.validFrom, 120) });
  assert.equal(edit.status, 400);
  assert.equal(edit.body.fields[0].path, 'validTo');
  // an edit changes what it names and keeps the rest
  const ok = await clerk.put(`/api/notices/${d.id}`, { version: d.version, body: '改为周六停水。' });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.body, '改为周六停水。');
  assert.equal(ok.body.boardLocation, '大堂公告栏');
  assert.equal(ok.body.template, 'water_cut');
  assert.equal((await clerk.put(`/api/notices/${d.id}`, { version: d.version, body: '再改' })).status, 409, 'a stale edit');
});

test('NT-04 a villa notice is delivered unit by unit; the coverage counts each unit once', async () => {
  const clerk = await t.as('bs-clerk');
  const manager = await t.as('bs-manager');
  let n = (await clerk.post('/api/notices', noticeInput(bsy, { subject: '开展消杀工作', template: 'pest_control' }))).body;
  assert.match(n.number, /^碧山-通-\d{4}-\d{3}$/);
  assert.equal(n.coverage.required, true);
  assert.equal((await clerk.post(`/api/notices/${n.id}/deliveries`, { unitIds: [], method: 'sms' })).status, 400);
  const villas = await t.database.db.select({ id: units.id }).from(units).where(eq(units.projectId, bsy)).orderBy(units.sortKey);
  assert.equal((await clerk.post(`/api/notices/${n.id}/deliveries`, { unitIds: [villas[0].id], method: 'sms' })).body.error, 'notice_not_posted');
  n = (await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'submit', version: n.version })).body;
  n = (await manager.post(`/api/notices/${n.id}/transitions`, { action: 'approve', version: n.version })).body;
  n = (await clerk.post(`/api/notices/${n.id}/transitions`, { action: 'publish', version: n.version })).body;
  const first = await clerk.post(`/api/notices/${n.id}/deliveries`, { unitIds: villas.slice(0, 3).map((v) => v.id), method: 'receipt', recipient: '业主本人' });
  assert.equal(first.status, 200);
  assert.equal(first.body.recorded, 3);
  const again = await clerk.post(`/api/notices/${n.id}/deliveries`, { unitIds: villas.slice(2, 4).map((v) => v.id), method: 'call' });
  assert.equal(again.body.recorded, 1, 'the unit already delivered keeps its first record');
  assert.deepEqual(again.body.coverage, { required: true, units: villas.length, delivered: 4, ratio: Math.round((4 / villas.length) * 1000) / 1000 });
  const list = (await clerk.get(`/api/notices/${n.id}/deliveries`)).body;
  assert.equal(list.units.length, villas.length);
  assert.equal(list.units.filter((u: { method: string | null }) => u.method).length, 4);
  assert.equal(list.units[0].method, null, 'undelivered units come first');
  // a unit of another project is refused
  const [office] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.projectId, chy)).limit(1);
  assert.equal((await clerk.post(`/api/notices/${n.id}/deliveries`, { unitIds: [office.id], method: 'sms' })).status, 400);
});

test('NT-01 a draft may keep its template blanks, but goes for approval only once they are filled in', async () => {
  const clerk = await t.as('ch-clerk');
  const d = (await clerk.post('/api/notices', noticeInput(chy, { body: '因{{原因}}，{{日期}}停水，请提前储水。' }))).body;
  const refused = await clerk.post(`/api/notices/${d.id}/transitions`, { action: 'submit', version: d.version });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.fields, [{ path: 'body', message: '模板中还有未填写的空白（如日期、原因），填写后再提交审批' }]);
  const filled = (await clerk.put(`/api/notices/${d.id}`, { version: d.version, body: '因水箱清洗，12月20日停水，请提前储水。' })).body;
  assert.equal((await clerk.post(`/api/notices/${d.id}/transitions`, { action: 'submit', version: filled.version })).status, 200);
});
