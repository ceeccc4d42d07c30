// ORG-01: each project starts from the official holiday schedule and edits its own calendar.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/harness';
import { dueAt } from '../../platform/clock';
import { workCalendar } from './queries';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

test('ORG-01 a new project carries the official holidays and make-up workdays (调休)', async () => {
  const cal = await (await t.as('ch-clerk')).get(`/api/projects/${chy}/calendar`);
  assert.equal(cal.status, 200);
  assert.equal(cal.body.settings.timezone, 'Asia/Shanghai');
  const byDate = new Map(cal.body.days.map((d: { date: string; kind: string; name: string }) => [d.date, d]));
  assert.deepEqual(byDate.get('2026-10-01'), { date: '2026-10-01', kind: 'holiday', name: '国庆节' });
  assert.equal((byDate.get('2026-10-10') as { kind: string }).kind, 'workday');
});

test('ORG-01 the manager edits the calendar and the deadline clock follows; a clerk is refused', async () => {
  const mgr = await t.as('ch-manager');
  const cal = (await mgr.get(`/api/projects/${chy}/calendar`)).body;
  const clerk = await t.as('ch-clerk');
  assert.equal((await clerk.put(`/api/projects/${chy}/calendar`, { settings: cal.settings, days: cal.days, version: cal.version })).status, 403);

  // The project works Saturdays and declares its own day off on Monday 2026-11-30.
  const settings = { ...cal.settings, weekdays: [1, 2, 3, 4, 5, 6], businessEnd: '18:00' };
  const days = [...cal.days, { date: '2026-11-30', kind: 'holiday', name: '项目调休' }];
  const saved = await mgr.put(`/api/projects/${chy}/calendar`, { settings, days, version: cal.version });
  assert.equal(saved.status, 200);
  assert.equal(saved.body.version, cal.version + 1);

  const work = await workCalendar(t.database.db, (await mgr.get('/api/me')).body.companyId, chy);
  const friday = new Date('2026-11-27T19:00:00+08:00');
  // Friday evening → Saturday is now a working day.
  assert.equal(dueAt({ clock: 'working_days', days: 0 }, friday, work).toISOString(), '2026-11-28T10:00:00.000Z');
  // Two working days on: Saturday, then Monday is off → Tuesday.
  assert.equal(dueAt({ clock: 'working_days', days: 1 }, friday, work).toISOString(), '2026-12-01T10:00:00.000Z');

  const stale = await mgr.put(`/api/projects/${chy}/calendar`, { settings, days, version: cal.version });
  assert.equal(stale.status, 409);
});

test('ORG-01 bad calendars are refused field by field', async () => {
  const mgr = await t.as('ch-manager');
  const cal = (await mgr.get(`/api/projects/${chy}/calendar`)).body;
  const put = (body: unknown) => mgr.put(`/api/projects/${chy}/calendar`, body);
  const hours = await put({ ...cal, settings: { ...cal.settings, businessStart: '18:00', businessEnd: '09:00' } });
  assert.equal(hours.status, 400);
  assert.equal(hours.body.fields[0].path, 'settings.businessEnd');
  const tz = await put({ ...cal, settings: { ...cal.settings, timezone: 'Mars/Olympus' } });
  assert.equal(tz.status, 400);
  assert.equal(tz.body.fields[0].path, 'settings.timezone');
  const dup = await put({ ...cal, days: [...cal.days, cal.days[0]] });
  assert.equal(dup.status, 400);
  assert.match(dup.body.fields[0].path, /^days\.\d+\.date$/);
  const after = (await mgr.get(`/api/projects/${chy}/calendar`)).body;
  assert.equal(after.version, cal.version, 'nothing written');
  assert.equal((await (await t.as('gm-manager')).get(`/api/projects/${chy}/calendar`)).status, 404);
});
