// The official mainland-China holiday and make-up-workday schedule, from the maintained
// `chinese-days` package; years it does not list yet fall back to the plain weekly pattern.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { TCalendarDay } from '../../../common/calendar';

const table = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

/** "Spring Festival,春节,4" → "春节" */
const holidayName = (raw: string) => raw.split(',')[1] ?? raw;

export function officialDays(years: number[]): TCalendarDay[] {
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
