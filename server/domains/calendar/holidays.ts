// The official mainland-China holiday and make-up-workday schedule, from the maintained
// `chinese-days` package; years it does not list yet fall back to the plain weekly pattern until an
// administrator enters them by hand (the calendar page flags that from 1 December).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { TCalendarDay } from '../../../common/calendar';

const table = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

/** "Spring Festival,春节,4" → "春节" */
const holidayName = (raw: string) => raw.split(',')[1] ?? raw;

/** Every year the package knows, oldest first. */
export const OFFICIAL_YEARS: number[] = [...new Set([...Object.keys(table.holidays), ...Object.keys(table.workdays)].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

/** The years a calendar holds: any holiday or make-up day in a year, loaded or entered by hand, counts. */
export const yearsIn = (days: TCalendarDay[]) => [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);

/**
 * ORG-01: the package's days for the years the calendar does not hold yet. A year it holds is left
 * exactly as it is, so loading again changes nothing and never undoes an administrator's edit.
 */
export function withOfficialYears(days: TCalendarDay[]): { days: TCalendarDay[]; added: number[] } {
  const held = new Set(yearsIn(days));
  const added = OFFICIAL_YEARS.filter((y) => !held.has(y));
  if (!added.length) return { days, added };
  return { days: [...days, ...officialDays(added)].sort((a, b) => a.date.localeCompare(b.date)), added };
}

export function officialDays(years: number[] = OFFICIAL_YEARS): TCalendarDay[] {
  const inYears = (date: string) => years.includes(Number(date.slice(0, 4)));
  const days: TCalendarDay[] = [
    ...Object.entries(table.holidays)
      .filter(([d]) => inYears(d))
      .map(([date, raw]) => ({ date, kind: 'holiday' as const, name: holidayName(raw) })),
    ...Object.entries(table.workdays)
      .filter(([d]) => inYears(d))
      .map(([date, raw]) => ({ date, kind: 'workday' as const, name: `${holidayName(raw)}调休` })),
  ];
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

export const DEFAULT_CALENDAR = { weekdays: [1, 2, 3, 4, 5], businessStart: '08:30', businessEnd: '17:30' };
