// CR-02: a housekeeper's monthly visit plan — one per housekeeper and month, the units to visit. Saved
// with version 0 when new, then with its version (a stale one is a 409).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZPlanPut } from '../../../../common/relations';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { units } from '../../org/tables';
import { userRoles } from '../../people/tables';
import { authorizeRelations } from '../policy';
import { visitPlans } from '../tables';

export function savePlan(db: Db, p: Principal, input: z.infer<typeof ZPlanPut>): Promise<string> {
  return runCommand(db, p, async (ctx) => {
    authorizeRelations(p, 'relations.visit', input.projectId);
    const { tx } = ctx;
    // A housekeeper keeps their own plan; the CS supervisor and the manager keep anyone's.
    if (input.staffId !== p.userId) authorizeRelations(p, 'relations.manage', input.projectId);
    const [keeper] = await tx
      .select({ id: userRoles.userId })
      .from(userRoles)
      .where(and(eq(userRoles.userId, input.staffId), eq(userRoles.projectId, input.projectId), eq(userRoles.role, 'housekeeper')))
      .limit(1);
    if (!keeper) throw invalidField('staffId', 'not_housekeeper');
    const unitIds = [...new Set(input.unitIds)];
    if (unitIds.length) {
      const found = await tx.select({ id: units.id }).from(units).where(and(inArray(units.id, unitIds), eq(units.projectId, input.projectId)));
      if (found.length !== unitIds.length) throw invalidField('unitIds', 'unit_not_in_project');
    }
    if (input.version === 0) {
      const [row] = await tx
        .insert(visitPlans)
        .values({ companyId: p.companyId, projectId: input.projectId, month: input.month, staffId: input.staffId, unitIds, note: input.note, createdAt: ctx.now })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError(409, 'plan_exists');
      await ctx.audit({ entity: 'visit_plan', entityId: row.id, projectId: input.projectId, action: 'create', after: { month: input.month, staffId: input.staffId, planned: unitIds.length } });
      return row.id;
    }
    const row = updatedOrStale(
      await tx
        .update(visitPlans)
        .set({ unitIds, note: input.note, version: sql`${visitPlans.version} + 1` })
        .where(and(eq(visitPlans.projectId, input.projectId), eq(visitPlans.month, input.month), eq(visitPlans.staffId, input.staffId), eq(visitPlans.version, input.version)))
        .returning(),
    );
    await ctx.audit({ entity: 'visit_plan', entityId: row.id, projectId: input.projectId, action: 'update', after: { planned: unitIds.length, note: input.note } });
    return row.id;
  });
}
