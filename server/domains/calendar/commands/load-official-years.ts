// ORG-01: every project's calendar holds every year of the official schedule the package knows.
// Run on server start (and so after each package update); idempotent — a year already held is kept.
import { eq, sql } from 'drizzle-orm';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { withOfficialYears } from '../holidays';
import { projectCalendars } from '../tables';

/** Returns the number of calendars that gained years. */
export async function loadOfficialYears(db: Db): Promise<number> {
  const calendars = await db.select({ projectId: projectCalendars.projectId, companyId: projectCalendars.companyId }).from(projectCalendars);
  let changed = 0;
  for (const c of calendars) {
    const added = await runCommand(db, { userId: null, companyId: c.companyId }, async ({ tx, audit }) => {
      const [cal] = await tx.select().from(projectCalendars).where(eq(projectCalendars.projectId, c.projectId)).for('update');
      const next = withOfficialYears(cal.days);
      if (!next.added.length) return 0;
      await tx.update(projectCalendars).set({ days: next.days, version: sql`${projectCalendars.version} + 1` }).where(eq(projectCalendars.projectId, c.projectId));
      await audit({ entity: 'calendar', entityId: c.projectId, projectId: c.projectId, action: 'load_official_years', after: { years: next.added } });
      return 1;
    });
    changed += added;
  }
  return changed;
}
