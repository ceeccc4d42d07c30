// PS-07: before the day ends the desk hands its takings to finance — one hand-over per clerk and day,
// covering every valid receipt of that day not yet handed over. Finance counts and confirms; a
// difference against the receipts (or against what the clerk declared) is flagged and told.
import { cents, sumYuan } from '../../../../common/money';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { THandover, ZHandoverConfirm, ZHandoverCreate } from '../../../../common/paid';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound, staleVersion, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { holdersOf } from '../../deadlines/recipients';
import { notify } from '../../notifications/notify';
import { handoverById } from '../cash';
import { cashHandovers, receipts } from '../tables';

export function submitHandover(db: Db, p: Principal, input: z.infer<typeof ZHandoverCreate>, now?: Date): Promise<THandover> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      authorize(p, 'paid.register', input.projectId, 'case.read');
      const mine = and(eq(receipts.projectId, input.projectId), eq(receipts.issuedBy, p.userId), eq(receipts.businessDate, input.date), isNull(receipts.voidedAt), isNull(receipts.handoverId));
      const open = await tx.select().from(receipts).where(mine).for('update');
      if (!open.length) throw new AppError(409, 'nothing_to_hand_over');
      const expected = sumYuan(open.filter((r) => r.method === 'cash').map((r) => r.amount));
      const nonCash = sumYuan(open.filter((r) => r.method !== 'cash').map((r) => r.amount));
      const [h] = await tx
        .insert(cashHandovers)
        .values({ companyId: p.companyId, projectId: input.projectId, clerkId: p.userId, businessDate: input.date, expected, nonCash, declared: input.declared, note: input.note, submittedAt: ctx.now })
        .returning();
      await tx.update(receipts).set({ handoverId: h.id }).where(mine);
      await ctx.audit({ entity: 'cash_handover', entityId: h.id, projectId: h.projectId, action: 'submit', after: { date: input.date, expected, nonCash, declared: input.declared, receipts: open.map((r) => r.number) } });
      return handoverById(tx, h.id);
    },
    now,
  );
}

export function confirmHandover(db: Db, p: Principal, id: string, input: z.infer<typeof ZHandoverConfirm>, now?: Date): Promise<THandover> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const [h] = await tx.select().from(cashHandovers).where(and(eq(cashHandovers.id, id), eq(cashHandovers.companyId, p.companyId)));
      if (!h) throw notFound();
      authorize(p, 'cash.confirm', h.projectId, 'case.read');
      if (h.version !== input.version) throw staleVersion();
      if (h.status === 'confirmed') throw new AppError(409, 'handover_confirmed');
      const difference = (cents(input.received) - cents(h.expected)) / 100;
      updatedOrStale(
        await tx
          .update(cashHandovers)
          .set({ status: 'confirmed', received: input.received, difference, financeNote: input.note, confirmedBy: p.userId, confirmedAt: ctx.now, version: sql`${cashHandovers.version} + 1` })
          .where(and(eq(cashHandovers.id, id), eq(cashHandovers.version, input.version)))
          .returning({ id: cashHandovers.id }),
      );
      await ctx.audit({ entity: 'cash_handover', entityId: id, projectId: h.projectId, action: 'confirm', after: { received: input.received, difference } });
      const saved = await handoverById(tx, id);
      if (saved.flagged)
        await notify(tx, {
          companyId: h.companyId,
          projectId: h.projectId,
          userIds: [h.clerkId, ...(await holdersOf(tx, h.projectId, ['cs_supervisor']))],
          kind: 'cash_difference',
          entity: 'cash_handover',
          entityId: id,
          params: { date: h.businessDate, clerk: saved.clerkName, difference: difference.toFixed(2) },
          dedupeKey: `cash_difference:${id}`,
          at: ctx.now,
        });
      return saved;
    },
    now,
  );
}
