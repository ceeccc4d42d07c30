// PS-01: supervisors keep the catalogue; a price change is an audited, versioned edit, never a delete.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZServiceItemCreate, ZServiceItemUpdate } from '../../../../common/paid';
import { diff, runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { presentItem } from '../queries';
import { serviceItems } from '../tables';

export function createItem(db: Db, p: Principal, input: z.infer<typeof ZServiceItemCreate>) {
  return runCommand(db, p, async ({ tx, audit }) => {
    authorize(p, 'catalog.write', input.projectId, 'project.read');
    const [row] = await tx.insert(serviceItems).values({ companyId: p.companyId, ...input, sort: 999 }).returning();
    await audit({ entity: 'service_item', entityId: row.id, projectId: row.projectId, action: 'create', after: input });
    return presentItem(row);
  });
}

export function updateItem(db: Db, p: Principal, id: string, input: z.infer<typeof ZServiceItemUpdate>) {
  return runCommand(db, p, async ({ tx, audit }) => {
    const [before] = await tx.select().from(serviceItems).where(and(eq(serviceItems.id, id), eq(serviceItems.companyId, p.companyId)));
    if (!before) throw notFound();
    authorize(p, 'catalog.write', before.projectId, 'project.read');
    const { version, ...patch } = input;
    const row = updatedOrStale(
      await tx
        .update(serviceItems)
        .set({ ...patch, version: sql`${serviceItems.version} + 1` })
        .where(and(eq(serviceItems.id, id), eq(serviceItems.version, version)))
        .returning(),
    );
    await audit({ entity: 'service_item', entityId: id, projectId: row.projectId, action: 'update', ...diff(before, patch) });
    return presentItem(row);
  });
}
