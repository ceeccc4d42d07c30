// who hears of an overdue deadline — first the responsible person (or the department's
// supervisors when nobody is assigned yet), then their supervisors.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { TRole } from '../../../common/roles';
import type { DbOrTx } from '../../platform/db';
import { departments } from '../org/tables';
import { ARCHIVE_DEADLINE_KINDS } from '../../../common/archives';
import { userRoles, users } from '../people/tables';

export async function holdersOf(db: DbOrTx, projectId: string, roles: TRole[], department?: string | null): Promise<string[]> {
  const rows = await db
    .select({ id: users.id, dept: departments.kind })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(inArray(userRoles.role, roles), or(eq(userRoles.projectId, projectId), isNull(userRoles.projectId)), eq(users.active, true)));
  return [...new Set(rows.filter((r) => !department || r.dept === department).map((r) => r.id))];
}

/** Desk deadlines (reply, follow-up) escalate to the CS supervisor; order deadlines to the department's. */
const DESK_KINDS = new Set(['reply', 'followup', 'appointment', 'cp_followup', 'cp_contact', 'cp_progress', ...ARCHIVE_DEADLINE_KINDS]);

export async function recipients(db: DbOrTx, d: { projectId: string; kind: string; responsibleId: string | null; department: string | null }, level: 1 | 2): Promise<string[]> {
  if (level === 1 && d.responsibleId) return [d.responsibleId];
  const desk = DESK_KINDS.has(d.kind);
  const supervisors = desk ? await holdersOf(db, d.projectId, ['cs_supervisor']) : await holdersOf(db, d.projectId, ['dept_supervisor'], d.department);
  if (level === 1) return d.responsibleId ? [d.responsibleId] : supervisors;
  // Level 2: the supervisors, or the project manager when the supervisors were the first to hear.
  return d.responsibleId && supervisors.length ? supervisors : holdersOf(db, d.projectId, ['project_manager']);
}
