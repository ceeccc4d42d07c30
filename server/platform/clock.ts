// the deadline clock. One module answers "when is a rule started at T due?" on a project's
// working calendar (ORG-01). Pure functions: no database, no current time.

export interface WorkCalendar {
  timezone: string;
  weekdays: number[]; // ISO weekday numbers that are normally worked, 1 = Monday
  businessStart: string; // "08:30"
  businessEnd: string; // "17:30"
  holidays: ReadonlySet<string>; // "2026-10-01": off although a weekday
  workdays: ReadonlySet<string>; // "2026-09-20": make-up workday (调休) although a weekend
}

/** Each rule declares its clock. */
export type DeadlineRule =
  | { clock: 'elapsed_minutes'; minutes: number } // "within 10 minutes" (PS-04)
  | { clock: 'elapsed_hours'; hours: number } // "within 24 h": wall time, nights and holidays included
  | { clock: 'calendar_days'; days: number } // "within 3 days": to the end of the N-th local day after T
  | { clock: 'working_hours'; hours: number } // business hours on working days only
  | { clock: 'working_days'; days: number } // 0 = "same working day"; N = end of business on the N-th working day after
  | { clock: 'months'; months: number } // "every month": same local time N months on, clamped to the month's end
  // "on the day reported": the end of the local day; after the evening cut-off, the next morning by `nextDayBy`.
  // Front desks work every day, so weekends and holidays count like any day.
  | { clock: 'same_day'; cutoff: string; nextDayBy: string };

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export interface LocalTime {
  date: string; // YYYY-MM-DD
  minutes: number; // minutes since local midnight
}

function wallParts(instant: Date, tz: string) {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(tz).formatToParts(instant)) if (type !== 'literal') p[type] = Number(value);
  return p as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

export function toLocal(instant: Date, tz: string): LocalTime {
  const p = wallParts(instant, tz);
  return { date: ymd(p.year, p.month, p.day), minutes: p.hour * 60 + p.minute + p.second / 60 };
}

function offsetMs(instant: Date, tz: string): number {
  const p = wallParts(instant, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at a local date and minute of day in a timezone (DST-safe by re-checking the offset). */
export function fromLocal(date: string, minutes: number, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d) + minutes * 60_000;
  let t = guess - offsetMs(new Date(guess), tz);
  const second = offsetMs(new Date(t), tz);
  if (guess - second !== t) t = guess - second;
  return new Date(t);
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

export const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return cal.weekdays.includes(isoWeekday(date));
}

/** The first working day on or after `date`; a calendar with no working days at all is refused. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  for (let i = 0, d = date; i < 400; i++, d = addDays(d, 1)) if (isWorkingDay(cal, d)) return d;
  throw new Error('calendar has no working day within 400 days');
}

const END_OF_DAY = 24 * 60 - 1 / 60_000; // 23:59:59.999

export function dueAt(rule: DeadlineRule, start: Date, cal: WorkCalendar): Date {
  const tz = cal.timezone;
  switch (rule.clock) {
    case 'elapsed_minutes':
      return new Date(start.getTime() + rule.minutes * 60_000);
    case 'elapsed_hours':
      return new Date(start.getTime() + rule.hours * HOUR);
    case 'calendar_days':
      return fromLocal(addDays(toLocal(start, tz).date, rule.days), END_OF_DAY, tz);
    case 'months':
      return addMonths(start, rule.months, tz);
    case 'same_day': {
      const local = toLocal(start, tz);
      return local.minutes < clockMinutes(rule.cutoff)
        ? fromLocal(local.date, END_OF_DAY, tz)
        : fromLocal(addDays(local.date, 1), clockMinutes(rule.nextDayBy), tz);
    }
    case 'working_days': {
      const open = clockMinutes(cal.businessEnd);
      const local = toLocal(start, tz);
      // A matter received after hours or on a day off counts as received on the next working morning.
      let day = isWorkingDay(cal, local.date) && local.minutes < open ? local.date : nextWorkingDay(cal, addDays(local.date, 1));
      for (let i = 0; i < rule.days; i++) day = nextWorkingDay(cal, addDays(day, 1));
      return fromLocal(day, open, tz);
    }
    case 'working_hours':
      return addWorkingMinutes(start, rule.hours * 60, cal);
  }
}

function addMonths(start: Date, months: number, tz: string): Date {
  const local = toLocal(start, tz);
  const [y, m, d] = local.date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return fromLocal(ymd(ty, tm, Math.min(d, lastDay)), local.minutes, tz);
}

function addWorkingMinutes(start: Date, minutes: number, cal: WorkCalendar): Date {
  const open = clockMinutes(cal.businessStart);
  const close = clockMinutes(cal.businessEnd);
  const local = toLocal(start, cal.timezone);
  let day = local.date;
  let at = local.minutes;
  let left = minutes;
  for (let guard = 0; guard < 5000; guard++) {
    if (isWorkingDay(cal, day) && at < close) {
      const from = Math.max(at, open);
      if (from + left <= close) return fromLocal(day, from + left, cal.timezone);
      left -= close - from;
    }
    day = addDays(day, 1);
    at = 0;
  }
  throw new Error('working-hours deadline beyond 5000 days');
}

/** Working time between two instants, in minutes — for "how late" and timeliness KPIs. */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkCalendar): number {
  if (to <= from) return 0;
  const open = clockMinutes(cal.businessStart);
  const close = clockMinutes(cal.businessEnd);
  const a = toLocal(from, cal.timezone);
  const b = toLocal(to, cal.timezone);
  let total = 0;
  for (let day = a.date; day <= b.date; day = addDays(day, 1)) {
    if (!isWorkingDay(cal, day)) continue;
    const s = Math.max(open, day === a.date ? a.minutes : 0);
    const e = Math.min(close, day === b.date ? b.minutes : 24 * 60);
    if (e > s) total += e - s;
  }
  return Math.round(total);
}

/** A local month ("2026-11") as instants [from, to) and its first and last local day. */
export function localMonth(month: string, tz: string) {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: fromLocal(`${month}-01`, 0, tz), to: fromLocal(next, 0, tz), firstDay: `${month}-01`, lastDay: addDays(next, -1) };
}
