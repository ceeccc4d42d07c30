// The local day of a project, and weeks (Monday to Sunday) for the review rule (FD-03).
import { addDays, isoWeekday, toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { projectTimezone } from '../org/queries';

export async function projectToday(db: DbOrTx, projectId: string, now: Date): Promise<{ tz: string; today: string }> {
  const tz = await projectTimezone(db, projectId);
  return { tz, today: toLocal(now, tz).date };
}

/** The Monday of the week holding `date`. */
export const weekStartOf = (date: string) => addDays(date, 1 - isoWeekday(date));

/** The Mondays of the weeks whose Monday falls in [firstDay, lastDay]. */
export function mondaysIn(firstDay: string, lastDay: string): string[] {
  const out: string[] = [];
  let d = weekStartOf(firstDay);
  if (d < firstDay) d = addDays(d, 7);
  for (; d <= lastDay; d = addDays(d, 7)) out.push(d);
  return out;
}
