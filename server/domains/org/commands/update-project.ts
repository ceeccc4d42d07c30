// ORG-01: project name, service level (drives frequencies elsewhere) and address.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZProjectUpdate } from '../../../../common/org';
import { diff, runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { presentProject } from '../queries';
import { projects } from '../tables';

export async function updateProject(db: Db, p: Principal, projectId: string, input: z.infer<typeof ZProjectUpdate>) {
  return runCommand(db, p, async ({ tx, audit }) => {
    const [before] = await tx.select().from(projects).where(and(eq(projects.id, projectId), eq(projects.companyId, p.companyId)));
    if (!before) throw notFound();
    authorize(p, 'project.manage', projectId, 'project.read');
    const { version, ...patch } = input;
    const after = updatedOrStale(
      await tx
        .update(projects)
        .set({ ...patch, version: sql`${projects.version} + 1` })
        .where(and(eq(projects.id, projectId), eq(projects.version, version)))
        .returning(),
    );
    await audit({ entity: 'project', entityId: projectId, projectId, action: 'update', ...diff(before, patch) });
    return presentProject(after);
  });
}
