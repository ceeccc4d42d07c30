// X-01 / ORG-01: the deadline clock across weekends, holidays, make-up days, month ends and the year boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueAt, fromLocal, isWorkingDay, localMonth, toLocal, workingMinutesBetween, type WorkCalendar } from './clock';
import { officialDays } from '../domains/calendar/holidays';

const days = officialDays([2025, 2026]);
const cal: WorkCalendar = {
  timezone: 'Asia/Shanghai',
  weekdays: [1, 2, 3, 4, 5],
  businessStart: '08:30',
  businessEnd: '17:30',
  holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
  workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
};
/** "2026-10-09 10:00" Beijing time → instant */
const bj = (s: string) => new Date(s.replace(' ', 'T') + ':00+08:00');
const local = (d: Date) => {
  const l = toLocal(d, 'Asia/Shanghai');
  const m = Math.floor(l.minutes);
  return `${l.date} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

test('ORG-01 working days follow the weekly pattern, public holidays and make-up workdays (调休)', () => {
  assert.equal(isWorkingDay(cal, '2026-11-23'), true); // Monday
  assert.equal(isWorkingDay(cal, '2026-11-22'), false); // Sunday
  assert.equal(isWorkingDay(cal, '2026-10-01'), false); // 国庆节, a Thursday
  assert.equal(isWorkingDay(cal, '2026-10-10'), true); // make-up Saturday
  assert.equal(isWorkingDay(cal, '2026-01-04'), true); // make-up Sunday after 元旦
});

test('X-01 elapsed-hours rules (24 h reply) run through nights, weekends and holidays', () => {
  assert.equal(local(dueAt({ clock: 'elapsed_hours', hours: 24 }, bj('2026-09-30 21:15'), cal)), '2026-10-01 21:15');
  assert.equal(local(dueAt({ clock: 'elapsed_hours', hours: 24 }, bj('2026-11-21 09:00'), cal)), '2026-11-22 09:00');
});

test('X-01 calendar-day rules end at the end of the N-th local day, across month and year ends', () => {
  assert.equal(local(dueAt({ clock: 'calendar_days', days: 3 }, bj('2026-11-29 10:00'), cal)), '2026-12-02 23:59');
  assert.equal(local(dueAt({ clock: 'calendar_days', days: 3 }, bj('2026-12-30 23:30'), cal)), '2027-01-02 23:59');
  // Late evening in Beijing is still the same local day although UTC has moved on.
  assert.equal(local(dueAt({ clock: 'calendar_days', days: 0 }, bj('2026-11-23 23:50'), cal)), '2026-11-23 23:59');
  assert.equal(local(dueAt({ clock: 'calendar_days', days: 7 }, bj('2026-02-25 12:00'), cal)), '2026-03-04 23:59');
});

test('X-01 same working day: before closing it is today; after hours, on weekends and holidays the next working day', () => {
  const sameDay = { clock: 'working_days', days: 0 } as const;
  assert.equal(local(dueAt(sameDay, bj('2026-11-23 10:00'), cal)), '2026-11-23 17:30');
  assert.equal(local(dueAt(sameDay, bj('2026-11-23 18:00'), cal)), '2026-11-24 17:30');
  assert.equal(local(dueAt(sameDay, bj('2026-11-27 19:00'), cal)), '2026-11-30 17:30'); // Friday evening → Monday
  assert.equal(local(dueAt(sameDay, bj('2026-09-30 18:00'), cal)), '2026-10-08 17:30'); // into National Day week
  assert.equal(local(dueAt(sameDay, bj('2026-10-09 20:00'), cal)), '2026-10-10 17:30'); // make-up Saturday counts
});

test('X-01 within N working days skips holidays and counts make-up days, across the year boundary', () => {
  const three = { clock: 'working_days', days: 3 } as const;
  assert.equal(local(dueAt(three, bj('2026-11-23 09:00'), cal)), '2026-11-26 17:30');
  assert.equal(local(dueAt(three, bj('2026-11-26 16:00'), cal)), '2026-12-01 17:30'); // Thu → Fri, Mon, Tue
  assert.equal(local(dueAt(three, bj('2025-12-31 16:00'), cal)), '2026-01-06 17:30'); // Jan 4 (Sun) is a make-up day
  assert.equal(local(dueAt(three, bj('2026-02-13 11:00'), cal)), '2026-02-25 17:30'); // Spring Festival: 14 Feb make-up, 15–23 off
  assert.equal(local(dueAt({ clock: 'working_days', days: 1 }, bj('2026-09-30 10:00'), cal)), '2026-10-08 17:30');
});

test('X-01 working-hours rules count business hours only', () => {
  const four = { clock: 'working_hours', hours: 4 } as const;
  assert.equal(local(dueAt(four, bj('2026-11-23 09:00'), cal)), '2026-11-23 13:00');
  assert.equal(local(dueAt(four, bj('2026-11-23 16:30'), cal)), '2026-11-24 11:30'); // 1 h today, 3 h tomorrow
  assert.equal(local(dueAt(four, bj('2026-11-21 10:00'), cal)), '2026-11-23 12:30'); // Saturday → Monday from opening
  assert.equal(local(dueAt(four, bj('2026-11-23 06:00'), cal)), '2026-11-23 12:30'); // before opening
  assert.equal(local(dueAt({ clock: 'working_hours', hours: 18 }, bj('2026-09-29 09:00'), cal)), '2026-10-08 09:00'); // 8.5 h + 9 h, then the holiday week
});

test('X-01 monthly rules land on the same local time a month on, clamped to the month end', () => {
  const monthly = { clock: 'months', months: 1 } as const;
  assert.equal(local(dueAt(monthly, bj('2026-01-31 10:00'), cal)), '2026-02-28 10:00');
  assert.equal(local(dueAt(monthly, bj('2026-12-15 08:00'), cal)), '2027-01-15 08:00');
  assert.equal(local(dueAt({ clock: 'months', months: 2 }, bj('2026-12-31 23:00'), cal)), '2027-02-28 23:00');
});

test('X-01 the clock honours the project timezone, including one with daylight saving time', () => {
  const berlin: WorkCalendar = { ...cal, timezone: 'Europe/Berlin', holidays: new Set(), workdays: new Set() };
  // 2026-03-29 is the spring-forward Sunday in Europe: local midnight-to-midnight is 23 hours.
  const due = dueAt({ clock: 'calendar_days', days: 1 }, fromLocal('2026-03-28', 12 * 60, 'Europe/Berlin'), berlin);
  assert.equal(due.toISOString(), '2026-03-29T21:59:59.999Z');
  const sameDay = dueAt({ clock: 'working_days', days: 0 }, fromLocal('2026-03-27', 9 * 60, 'Europe/Berlin'), berlin);
  assert.equal(sameDay.toISOString(), '2026-03-27T16:30:00.000Z');
});

test('X-01 working minutes between two instants, for lateness and timeliness figures', () => {
  assert.equal(workingMinutesBetween(bj('2026-11-23 09:00'), bj('2026-11-23 10:30'), cal), 90);
  assert.equal(workingMinutesBetween(bj('2026-11-27 17:00'), bj('2026-11-30 09:00'), cal), 60); // Fri 30 min + Mon 30 min
  assert.equal(workingMinutesBetween(bj('2026-09-30 17:00'), bj('2026-10-08 08:30'), cal), 30);
  assert.equal(workingMinutesBetween(bj('2026-11-24 10:00'), bj('2026-11-23 10:00'), cal), 0);
});

test('X-01 a calendar with no working day at all is refused rather than looping', () => {
  const never: WorkCalendar = { ...cal, weekdays: [] , workdays: new Set() };
  assert.throws(() => dueAt({ clock: 'working_days', days: 0 }, bj('2026-11-23 09:00'), never), /no working day/);
});

test('WO-02 same-day dispatch: the reporting day whatever its weekday; after the evening cut-off, the next morning', () => {
  const rule = { clock: 'same_day', cutoff: '20:00', nextDayBy: '10:00' } as const;
  assert.equal(local(dueAt(rule, bj('2026-11-22 09:00'), cal)), '2026-11-22 23:59'); // a Sunday counts
  assert.equal(local(dueAt(rule, bj('2026-10-01 19:59'), cal)), '2026-10-01 23:59'); // a holiday counts
  assert.equal(local(dueAt(rule, bj('2026-11-23 20:00'), cal)), '2026-11-24 10:00');
  assert.equal(local(dueAt(rule, bj('2026-12-31 22:30'), cal)), '2027-01-01 10:00');
});

test('PS-09 a local month is its own midnight to midnight, across the year end', () => {
  const dec = localMonth('2026-12', 'Asia/Shanghai');
  assert.equal(dec.from.toISOString(), '2026-11-30T16:00:00.000Z');
  assert.equal(dec.to.toISOString(), '2026-12-31T16:00:00.000Z');
  assert.deepEqual([dec.firstDay, dec.lastDay], ['2026-12-01', '2026-12-31']);
  assert.equal(localMonth('2028-02', 'UTC').lastDay, '2028-02-29');
  const dst = localMonth('2026-03', 'Europe/Berlin');
  assert.equal(dst.to.getTime() - dst.from.getTime(), (31 * 24 - 1) * 3_600_000, 'the month with the spring change is an hour short');
});
