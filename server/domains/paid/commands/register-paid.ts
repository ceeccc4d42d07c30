// PS-02, PS-03: only the customer-service desk registers a paid order — the case, its work order and the
// quote (有偿服务登记) in one command; the customer's agreement to the price may come now or later.
import { and, eq } from 'drizzle-orm';
import type { TPaidOrder, TPaidRegister } from '../../../../common/paid';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { invalidField } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { openCase } from '../../cases/commands/create-case';
import { recomputeOrderDeadlines } from '../../workorders/recompute';
import { paidOrderDetail } from '../queries';
import { paidOrders, serviceItems } from '../tables';

const TRADE = { water_electric: 'water', cleaning: 'cleaning', greening: 'greening' } as const;
const DEPARTMENT = { water_electric: 'engineering', cleaning: 'environment', greening: 'environment' } as const;

/** `also` runs in the same transaction once the order is written (the portal's audit and the clerk's notice). */
export function registerPaidOrder(
  db: Db,
  p: Principal,
  input: TPaidRegister,
  now?: Date,
  also?: (ctx: CommandContext, made: { orderId: string; number: string }) => Promise<void>,
): Promise<TPaidOrder> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      authorize(p, 'paid.register', input.projectId, 'project.read');
      const [item] = await tx.select().from(serviceItems).where(and(eq(serviceItems.id, input.itemId), eq(serviceItems.projectId, input.projectId)));
      if (!item) throw invalidField('itemId', 'unknown_item');
      if (!item.active) throw invalidField('itemId', 'item_retired');
      const category = item.category as keyof typeof TRADE;
      const { order } = await openCase(
        ctx,
        p,
        {
          projectId: input.projectId,
          channel: input.channel,
          category: 'paid_service',
          unitId: input.unitId,
          customerId: input.customerId,
          callerName: input.callerName,
          callerPhone: input.callerPhone,
          content: `${item.name}：${input.description}`,
          confirmedWithCaller: input.confirmedWithCaller,
          order: { trade: TRADE[category], priority: 'normal', locationKind: 'unit', description: input.description, department: DEPARTMENT[category] },
        },
        { paid: true },
      );
      const [row] = await tx
        .insert(paidOrders)
        .values({
          orderId: order!.id,
          companyId: p.companyId,
          projectId: input.projectId,
          itemId: item.id,
          itemName: item.name,
          category: item.category,
          quantity: input.quantity,
          fee: input.fee,
          expectedResult: input.expectedResult,
          preferredTime: input.preferredTime,
          channel: input.channel,
          registeredBy: p.userId,
          agreedAt: input.agreed ? ctx.now : null,
          agreedHow: input.agreed ? (input.channel === 'walk_in' ? 'walk_in' : 'phone') : null,
        })
        .returning();
      await ctx.audit({
        entity: 'paid_order',
        entityId: row.orderId,
        projectId: row.projectId,
        action: 'register',
        after: { item: item.name, quantity: input.quantity, fee: input.fee, expectedResult: input.expectedResult, preferredTime: input.preferredTime, agreed: input.agreed },
      });
      // PS-04: a phone registration now carries its 10-minute appointment deadline.
      await recomputeOrderDeadlines(tx, row.orderId, ctx.now);
      await also?.(ctx, { orderId: row.orderId, number: order!.number });
      return paidOrderDetail(tx, p, row.orderId);
    },
    now,
  );
}
