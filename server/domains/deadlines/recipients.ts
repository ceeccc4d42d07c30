// Who holds a role in a project (notices of complaints, cash, supervision); the overdue sweep finds its
// recipients in SQL (jobs.ts).
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { TRole } from '../../../common/roles';
import type { DbOrTx } from '../../platform/db';
import { departments } from '../org/tables';
import { ARCHIVE_DEADLINE_KINDS } from '../../../common/archives';
import { REGISTER_DESK_KINDS } from '../../../common/desk';
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

/** Desk deadlines (reply, follow-up) escalate to the CS supervisor; order deadlines to the department's (the sweep, jobs.ts). */
export const DESK_KINDS = new Set(['reply', 'followup', 'appointment', 'cp_followup', 'cp_contact', 'cp_progress', ...ARCHIVE_DEADLINE_KINDS, ...REGISTER_DESK_KINDS]);
