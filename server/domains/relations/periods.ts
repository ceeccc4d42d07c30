// CR-01..CR-04 periods in the project's local time: quarters of the key list, the year of the coverage
// targets, the rolling full-coverage window.
import { localMonth } from '../../platform/clock';

export function quarterOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

export function quarterMonths(quarter: string): [string, string] {
  const y = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const first = (q - 1) * 3 + 1;
  return [`${y}-${String(first).padStart(2, '0')}`, `${y}-${String(first + 2).padStart(2, '0')}`];
}

/** The quarter after `quarter` ("2026-Q4" → "2027-Q1"). */
export function nextQuarter(quarter: string): string {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
}

/** A quarter as instants [from, to) and its first and last local day. */
export function localQuarter(quarter: string, tz: string) {
  const [a, b] = quarterMonths(quarter);
  const first = localMonth(a, tz);
  const last = localMonth(b, tz);
  return { from: first.from, to: last.to, firstDay: first.firstDay, lastDay: last.lastDay };
}

/** The month `n` months before `month` ("2026-11", 5 → "2026-06"). */
export function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
