// IN-01, IN-05: the owner (or a supervisor) transfers, answers, adds orders to and closes a case.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TCaseDetail, TOrderCreate, ZCaseReply, ZCaseTransfer } from '../../../../common/desk';
import { OPEN_WO_STATUSES } from '../../../../common/desk';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, forbidden, invalidField, staleVersion, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { userHolds } from '../../auth/session';
import { deadlines } from '../../deadlines/tables';
import { personNames } from '../../history/names';
import { countCaseReplied, orderCreatedFact } from '../../kpi/facts';
import { countKpis } from '../../kpi/rollup';
import { createOrder } from '../../workorders/commands/create-order';
import { recomputeOrderDeadlines } from '../../workorders/recompute';
import { workOrders } from '../../workorders/tables';
import { syncReplyDeadline } from '../deadline';
import { mayManageCase } from '../policy';
import { caseDetail, loadCaseRow } from '../queries';
import { cases } from '../tables';

type CaseRow = typeof cases.$inferSelect;

/** Loads, checks version, ownership and that the case is still open; then runs the change. */
function onCase(db: Db, p: Principal, id: string, version: number, change: (ctx: CommandContext, c: CaseRow) => Promise<void>, now?: Date): Promise<TCaseDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { c } = await loadCaseRow(ctx.tx, p, id);
      if (!mayManageCase(p, c)) throw forbidden();
      if (c.version !== version) throw staleVersion();
      if (c.status === 'closed' || c.status === 'cancelled') throw new AppError(409, 'case_closed');
      await change(ctx, c);
      return caseDetail(ctx.tx, p, id, ctx.now);
    },
    now,
  );
}

async function save(ctx: CommandContext, c: CaseRow, patch: Partial<CaseRow>): Promise<CaseRow> {
  return updatedOrStale(
    await ctx.tx
      .update(cases)
      .set({ ...patch, version: sql`${cases.version} + 1` })
      .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
      .returning(),
  );
}

export function transferCase(db: Db, p: Principal, id: string, input: z.infer<typeof ZCaseTransfer>) {
  return onCase(db, p, id, input.version, async (ctx, c) => {
    if (!(await userHolds(ctx.tx, p.companyId, input.toUserId, 'case.create', c.projectId))) throw invalidField('toUserId', 'not_desk_staff');
    const saved = await save(ctx, c, { ownerId: input.toUserId });
    // IN-01: the hand-over is explicit and logged; the reply and follow-up deadlines follow the owner.
    const [fromName, toName] = await personNames(ctx.tx, [c.ownerId, input.toUserId]);
    await ctx.audit({ entity: 'case', entityId: c.id, projectId: c.projectId, action: 'transfer', before: { ownerId: c.ownerId, ownerName: fromName }, after: { ownerId: input.toUserId, ownerName: toName, reason: input.reason } });
    await syncReplyDeadline(ctx.tx, saved, ctx.now);
    const orders = await ctx.tx.select({ id: workOrders.id }).from(workOrders).where(eq(workOrders.caseId, c.id));
    for (const o of orders) await recomputeOrderDeadlines(ctx.tx, o.id, ctx.now);
  });
}

export function replyCase(db: Db, p: Principal, id: string, input: z.infer<typeof ZCaseReply>, now?: Date) {
  return onCase(
    db,
    p,
    id,
    input.version,
    async (ctx, c) => {
      const [due] = await ctx.tx.select().from(deadlines).where(and(eq(deadlines.entityId, c.id), eq(deadlines.kind, 'reply')));
      // IN-05: a late answer carries the contact made with the customer and the reason.
      if (due && due.dueAt < ctx.now && !input.lateReason) throw invalidField('lateReason', 'late_reason_required');
      const saved = await save(ctx, c, { reply: input.reply, repliedAt: ctx.now, lateReason: input.lateReason ?? null, status: 'replied' });
      await ctx.audit({ entity: 'case', entityId: c.id, projectId: c.projectId, action: 'reply', before: { status: c.status }, after: { status: 'replied', reply: input.reply, lateReason: input.lateReason } });
      await syncReplyDeadline(ctx.tx, saved, ctx.now);
      await countCaseReplied(ctx.tx, c, ctx.now);
    },
    now,
  );
}

export function addOrder(db: Db, p: Principal, id: string, version: number, input: TOrderCreate, path: string | null) {
  return onCase(db, p, id, version, async (ctx, c) => {
    if (input.locationKind === 'unit' && !c.unitId) throw invalidField('locationKind', 'unit_required');
    await save(ctx, c, {});
    const order = await createOrder(ctx, c, path, input);
    await countKpis(ctx.tx, c.projectId, [orderCreatedFact(order)]);
  });
}

export function closeCase(db: Db, p: Principal, id: string, version: number, now?: Date) {
  return onCase(
    db,
    p,
    id,
    version,
    async (ctx, c) => {
      if (!c.repliedAt) throw new AppError(409, 'not_replied');
      // CP-01: a complaint closes with its follow-up and the customer's verdict, not here.
      if (c.category === 'complaint') throw new AppError(409, 'complaint_needs_followup');
      const open = await ctx.tx
        .select({ id: workOrders.id })
        .from(workOrders)
        .where(and(eq(workOrders.caseId, c.id), inArray(workOrders.status, [...OPEN_WO_STATUSES, 'completed'])));
      if (open.length) throw new AppError(409, 'orders_open');
      const saved = await save(ctx, c, { status: 'closed', closedAt: ctx.now });
      await ctx.audit({ entity: 'case', entityId: c.id, projectId: c.projectId, action: 'close', before: { status: c.status }, after: { status: 'closed' } });
      await syncReplyDeadline(ctx.tx, saved, ctx.now);
    },
    now,
  );
}
