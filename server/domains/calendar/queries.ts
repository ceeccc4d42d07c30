import { and, eq } from 'drizzle-orm';
import type { TCalendar } from '../../../common/calendar';
import type { WorkCalendar } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { projects } from '../org/tables';
import { projectCalendars } from './tables';
import { memoInTx } from '../../platform/tx-memo';
import { toLocal } from '../../platform/clock';
import { yearsIn } from './holidays';

async function load(db: DbOrTx, companyId: string, projectId: string) {
  const [row] = await db
    .select({ cal: projectCalendars, timezone: projects.timezone })
    .from(projectCalendars)
    .innerJoin(projects, eq(projects.id, projectCalendars.projectId))
    .where(and(eq(projectCalendars.projectId, projectId), eq(projectCalendars.companyId, companyId)));
  if (!row) throw notFound();
  return row;
}

export async function calendarOf(db: DbOrTx, p: Principal, projectId: string, now = new Date()): Promise<TCalendar> {
  if (!can(p, 'project.read', projectId)) throw notFound();
  const { cal, timezone } = await load(db, p.companyId, projectId);
  const loadedYears = yearsIn(cal.days);
  const today = toLocal(now, timezone).date;
  return {
    projectId,
    settings: { timezone, weekdays: cal.weekdays, businessStart: cal.businessStart, businessEnd: cal.businessEnd },
    days: cal.days,
    version: cal.version,
    loadedYears,
    // ORG-01: from 1 December the coming year must be in the calendar, or its deadlines ignore its holidays.
    nextYearMissing: today.slice(5) >= '12-01' && !loadedYears.includes(Number(today.slice(0, 4)) + 1),
  };
}

/** The calendar the deadline clock runs on. */
export function workCalendar(db: DbOrTx, companyId: string, projectId: string): Promise<WorkCalendar> {
  return memoInTx(db, `calendar:${projectId}`, async () => {
    const { cal, timezone } = await load(db, companyId, projectId);
    return toWorkCalendar(cal, timezone);
  });
}

/** A project_calendars row as the deadline clock uses it. */
export function toWorkCalendar(cal: Pick<typeof projectCalendars.$inferSelect, 'weekdays' | 'businessStart' | 'businessEnd' | 'days'>, timezone: string): WorkCalendar {
  return {
    timezone,
    weekdays: cal.weekdays,
    businessStart: cal.businessStart,
    businessEnd: cal.businessEnd,
    holidays: new Set(cal.days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(cal.days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}
