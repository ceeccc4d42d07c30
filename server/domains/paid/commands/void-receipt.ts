// PS-06: a receipt written wrongly is voided, kept and marked; its number is never issued again, and the
// order awaits a new receipt. Cash already handed to finance, or a closed order, is not undone here.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TPaidOrder } from '../../../../common/paid';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { workOrders } from '../../workorders/tables';
import { paidOrderDetail } from '../queries';
import { paidOrders, receipts } from '../tables';

export function voidReceipt(db: Db, p: Principal, receiptId: string, reason: string, now?: Date): Promise<TPaidOrder> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const [row] = await tx
        .select({ r: receipts, status: workOrders.status })
        .from(receipts)
        .innerJoin(workOrders, eq(workOrders.id, receipts.orderId))
        .where(and(eq(receipts.id, receiptId), eq(receipts.companyId, p.companyId)));
      if (!row) throw notFound();
      const { r } = row;
      authorize(p, 'paid.register', r.projectId, 'case.read');
      if (r.voidedAt) throw new AppError(409, 'receipt_voided');
      if (r.handoverId) throw new AppError(409, 'receipt_handed_over');
      if (row.status !== 'completed') throw new AppError(409, 'order_closed');
      const voided = await tx
        .update(receipts)
        .set({ voidedAt: ctx.now, voidedBy: p.userId, voidReason: reason })
        .where(and(eq(receipts.id, r.id), isNull(receipts.voidedAt), isNull(receipts.handoverId)))
        .returning({ id: receipts.id });
      if (!voided.length) throw new AppError(409, 'receipt_voided');
      await tx.update(paidOrders).set({ collectedAt: null, version: sql`${paidOrders.version} + 1` }).where(eq(paidOrders.orderId, r.orderId));
      await ctx.audit([
        { entity: 'receipt', entityId: r.id, projectId: r.projectId, action: 'void', before: { number: r.number, amount: r.amount }, after: { reason } },
        { entity: 'paid_order', entityId: r.orderId, projectId: r.projectId, action: 'void_receipt', after: { receipt: r.number, reason } },
      ]);
      return paidOrderDetail(tx, p, r.orderId);
    },
    now,
  );
}
