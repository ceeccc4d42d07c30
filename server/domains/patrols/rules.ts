// PT-01, PT-02: the computed patrol rules — which days a public-area patrol is due (the project's
// working calendar), whether a day is in the heating season, and when a vacant unit's next patrol is due.
// Pure functions: no database, no current time.
import { eq } from 'drizzle-orm';
import { DEFAULT_PATROL_SETTINGS, type TPatrolSettings } from '../../../common/patrols';
import { addDays, fromLocal, isWorkingDay, type WorkCalendar } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { memoInTx } from '../../platform/tx-memo';
import { patrolSettings } from './tables';

/** PT-02: Nov 7 – Mar 15 by default, both days included; a season may wrap the new year or not. */
export function inHeatingSeason(date: string, s: Pick<TPatrolSettings, 'heatingStart' | 'heatingEnd'>): boolean {
  const md = date.slice(5);
  return s.heatingStart <= s.heatingEnd ? md >= s.heatingStart && md <= s.heatingEnd : md >= s.heatingStart || md <= s.heatingEnd;
}

/** The longest gap allowed before a patrol due on `date`: twice a week (at most 4 days apart) in the heating season, else weekly. */
export const intervalOn = (date: string, s: TPatrolSettings) => (inHeatingSeason(date, s) ? s.heatingIntervalDays : s.normalIntervalDays);

/**
 * PT-02: the local day the next patrol of a vacant unit is due after one on `last` — the first day whose
 * own season's interval has elapsed. So a unit patrolled on Nov 3 is due on Nov 7, when the heating season
 * starts, and one patrolled on Mar 14 is due a week later, the season having ended on Mar 15.
 */
export function nextVacantDue(last: string, s: TPatrolSettings): string {
  for (let k = 1; ; k++) {
    const d = addDays(last, k);
    if (k >= intervalOn(d, s)) return d;
  }
}

/** End of a local day, the instant a day's due date runs out. */
export const endOfDay = (date: string, tz: string) => fromLocal(addDays(date, 1), 0, tz);

/** PT-01: the workdays of [first, last] on the project's calendar — each one needs its patrol. */
export function patrolDaysBetween(cal: WorkCalendar, first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) if (isWorkingDay(cal, d)) out.push(d);
  return out;
}

export function patrolSettingsOf(db: DbOrTx, projectId: string): Promise<{ settings: TPatrolSettings; version: number }> {
  return memoInTx(db, `patrol-settings:${projectId}`, async () => {
    const [row] = await db.select().from(patrolSettings).where(eq(patrolSettings.projectId, projectId));
    return row ? { settings: { ...DEFAULT_PATROL_SETTINGS, ...row.settings }, version: row.version } : { settings: DEFAULT_PATROL_SETTINGS, version: 0 };
  });
}
