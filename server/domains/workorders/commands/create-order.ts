// WO-01, WO-08: a work order opened from a case, numbered per project (BX-2026-000123).
import type { TOrderCreate } from '../../../../common/desk';
import type { CommandContext } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import { formatNumber, nextInSequence } from '../../../platform/sequence';
import type { cases } from '../../cases/tables';
import { rulesOf } from '../../deadlines/rules';
import { projectTimezone } from '../../org/queries';
import { recomputeOrderDeadlines } from '../recompute';
import { workOrders } from '../tables';

/** `paid` orders come only through the paid-service registration (PS-02), never from a plain case. */
export async function createOrder(ctx: CommandContext, kase: typeof cases.$inferSelect, unitPath: string | null, input: TOrderCreate, paid = false) {
  const { tx, now } = ctx;
  const { version } = await rulesOf(tx, kase.projectId);
  const year = Number(toLocal(now, await projectTimezone(tx, kase.projectId)).date.slice(0, 4));
  const n = await nextInSequence(tx, kase.companyId, kase.projectId, 'BX', year);
  const [order] = await tx
    .insert(workOrders)
    .values({
      companyId: kase.companyId,
      projectId: kase.projectId,
      caseId: kase.id,
      number: formatNumber('BX', year, n),
      trade: input.trade,
      priority: input.priority,
      locationKind: input.locationKind,
      unitId: input.locationKind === 'unit' ? kase.unitId : null,
      location: input.locationKind === 'unit' ? (unitPath ?? '') : input.publicLocation!,
      description: input.description,
      department: input.department,
      paid,
      reportedAt: now,
      ruleVersion: version,
    })
    .returning();
  await ctx.audit({ entity: 'work_order', entityId: order.id, projectId: order.projectId, action: 'create', after: { status: order.status, number: order.number, caseId: kase.id, paid, ...input } });
  await recomputeOrderDeadlines(tx, order.id, now);
  return order;
}
