// ORG-01: each project starts from the official holiday schedule and edits its own calendar.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/harness';
import { dueAt } from '../../platform/clock';
import { calendarOf, workCalendar } from './queries';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import { principalOf } from '../../test/desk';
import { loadOfficialYears } from './commands/load-official-years';
import { OFFICIAL_YEARS } from './holidays';

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

// ORG-01: every year the official schedule knows, loaded idempotently; the coming year flagged from 1 December.
test('ORG-01 a calendar holds every year of the official schedule: 2025\'s Spring Festival is a holiday and its make-up Sunday a workday', async () => {
  const cal = (await (await t.as('ch-clerk')).get(`/api/projects/${chy}/calendar`)).body;
  const byDate = new Map(cal.days.map((d: { date: string; kind: string }) => [d.date, d.kind]));
  assert.equal(byDate.get('2025-01-29'), 'holiday');
  assert.equal(byDate.get('2025-01-26'), 'workday');
  assert.deepEqual(cal.loadedYears, OFFICIAL_YEARS);
  const wc = await workCalendar(t.database.db, (await principalOf(t.database.db, 'ch-clerk')).companyId, chy);
  assert.ok(wc.holidays.has('2025-10-01') && wc.holidays.has('2004-10-01'));
});

test('ORG-01 loading the official years is idempotent, fills a calendar that lacks years, and keeps an administrator\'s edits', async () => {
  const db = t.database.db;
  const mgr = await t.as('ch-manager');
  const cal = (await mgr.get(`/api/projects/${chy}/calendar`)).body;
  // The calendar of a project created before: only 2026, and one 2026 holiday taken out by hand.
  const only2026 = cal.days.filter((d: { date: string }) => d.date.startsWith('2026') && d.date !== '2026-10-08');
  const saved = await mgr.put(`/api/projects/${chy}/calendar`, { settings: cal.settings, days: only2026, version: cal.version });
  assert.equal(saved.status, 200);
  assert.deepEqual(saved.body.loadedYears, [2026]);

  assert.ok((await loadOfficialYears(db)) >= 1);
  const loaded = (await mgr.get(`/api/projects/${chy}/calendar`)).body;
  assert.deepEqual(loaded.loadedYears, OFFICIAL_YEARS);
  assert.ok(!loaded.days.some((d: { date: string }) => d.date === '2026-10-08'), 'a year it holds is left as edited');
  assert.equal(loaded.version, saved.body.version + 1);
  const [event] = rowsOf(await db.execute(sql`select after from audit_events where entity = 'calendar' and entity_id = ${chy} and action = 'load_official_years' order by id desc limit 1`));
  assert.ok((event.after as { years: number[] }).years.includes(2025));

  assert.equal(await loadOfficialYears(db), 0, 'a second run changes nothing');
  assert.equal((await mgr.get(`/api/projects/${chy}/calendar`)).body.version, loaded.version);
});

test('ORG-01 from 1 December a calendar without next year is flagged so the administrator enters it by hand', async () => {
  const db = t.database.db;
  const admin = await principalOf(db, 'admin');
  const last = OFFICIAL_YEARS.at(-1)!;
  assert.equal((await calendarOf(db, admin, chy, new Date(`${last}-11-30T12:00:00+08:00`))).nextYearMissing, false, 'not yet in November');
  assert.equal((await calendarOf(db, admin, chy, new Date(`${last}-12-01T09:00:00+08:00`))).nextYearMissing, true, `${last + 1} is not in the package`);
  assert.equal((await calendarOf(db, admin, chy, new Date(`${last - 1}-12-01T09:00:00+08:00`))).nextYearMissing, false, `${last} is loaded`);
});
