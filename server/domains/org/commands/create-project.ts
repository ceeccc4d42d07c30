// ORG-01: a company admin opens a project; its calendar starts from the official holiday schedule
// of the current and next year.
import { and, eq } from 'drizzle-orm';
import type { TProjectCreate } from '../../../../common/org';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { forbidden, invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { forgetPrincipals } from '../../auth/session';
import { DEFAULT_CALENDAR, officialDays } from '../../calendar/holidays';
import { projectCalendars } from '../../calendar/tables';
import { syncDeadlines } from '../../deadlines/sync';
import { quarterAt } from '../../relations/commands/key-customers';
import { localQuarter } from '../../relations/periods';
import { presentProject } from '../queries';
import { catalogRows } from '../../paid/catalog';
import { serviceItems } from '../../paid/tables';
import { projects } from '../tables';

export async function createProject(db: Db, p: Principal, input: TProjectCreate) {
  if (!p.grants.some((g) => g.role === 'company_admin')) throw forbidden();
  try {
    new Intl.DateTimeFormat('en', { timeZone: input.timezone });
  } catch {
    throw invalidField('timezone', 'unknown_timezone');
  }
  return runCommand(db, p, async ({ tx, audit, afterCommit, now }) => {
    const [clash] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.companyId, p.companyId), eq(projects.code, input.code)));
    if (clash) throw invalidField('code', 'code_taken');
    const [row] = await tx.insert(projects).values({ companyId: p.companyId, ...input }).returning();
    // ORG-01: every year of the official schedule the package knows.
    await tx.insert(projectCalendars).values({ projectId: row.id, companyId: p.companyId, ...DEFAULT_CALENDAR, days: officialDays() });
    await tx.insert(serviceItems).values(catalogRows(p.companyId, row.id)); // PS-01: the default catalogue
    // CR-01, X-01: the key list is reviewed every quarter, from the project's first.
    await syncDeadlines(tx, { companyId: p.companyId, projectId: row.id, entity: 'key_list', entityId: row.id, ruleVersion: 1 }, [{ kind: 'cr_review', dueAt: localQuarter(quarterAt(now, row.timezone), row.timezone).to, metAt: null, responsibleId: null }], now);
    await audit({ entity: 'project', entityId: row.id, projectId: row.id, action: 'create', after: input });
    afterCommit(() => forgetPrincipals()); // company-wide grants reach the new project at once
    return presentProject(row);
  });
}
