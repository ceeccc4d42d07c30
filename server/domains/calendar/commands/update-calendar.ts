// ORG-01: each project edits its own working calendar; the whole calendar is one versioned record.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZCalendarUpdate } from '../../../../common/calendar';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { invalidField, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { projects } from '../../org/tables';
import { calendarOf } from '../queries';
import { projectCalendars } from '../tables';

const validTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export async function updateCalendar(db: Db, p: Principal, projectId: string, input: z.infer<typeof ZCalendarUpdate>) {
  const { settings, days, version } = input;
  if (!validTimezone(settings.timezone)) throw invalidField('settings.timezone', 'unknown_timezone');
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (seen.has(d.date)) throw invalidField(`days.${i}.date`, 'duplicate_day');
    seen.add(d.date);
  });
  return runCommand(db, p, async ({ tx, audit }) => {
    const before = await calendarOf(tx, p, projectId);
    authorize(p, 'calendar.write', projectId, 'project.read');
    const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
    updatedOrStale(
      await tx
        .update(projectCalendars)
        .set({
          weekdays: [...new Set(settings.weekdays)].sort(),
          businessStart: settings.businessStart,
          businessEnd: settings.businessEnd,
          days: sorted,
          version: sql`${projectCalendars.version} + 1`,
        })
        .where(and(eq(projectCalendars.projectId, projectId), eq(projectCalendars.version, version)))
        .returning({ id: projectCalendars.projectId }),
    );
    await tx.update(projects).set({ timezone: settings.timezone }).where(eq(projects.id, projectId));
    await audit({ entity: 'calendar', entityId: projectId, projectId, action: 'update', before, after: { settings, days: sorted } });
    return calendarOf(tx, p, projectId);
  });
}
