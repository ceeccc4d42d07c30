// X-03, WO-05, RV-01: the resident signs the acceptance of a finished repair on the phone and rates it.
// The signature is kept as the technician's phone keeps it (a PNG attachment named in the acceptance);
// the rating is the return visit's verdict: when the order is drawn for a return visit, the rating is
// recorded as that visit with channel "portal" (an unsolved verdict reopens the order, WO-09).
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZRateOrder, ZSignAcceptance } from '../../../../common/residents';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, staleVersion, updatedOrStale } from '../../../platform/errors';
import type { Storage } from '../../../platform/storage';
import { principalForUser } from '../../auth/session';
import { saveAttachment } from '../../files/store';
import { attemptIn } from '../../followups/commands/record-attempt';
import { followups } from '../../followups/tables';
import { countOrderTransition } from '../../kpi/facts';
import { notify } from '../../notifications/notify';
import { recomputeOrderDeadlines } from '../../workorders/recompute';
import { workOrders, type Acceptance } from '../../workorders/tables';
import { clerkOnDuty } from '../duty';
import { visibleOrder } from '../queries';
import type { Resident } from '../session';
import { residentRatings } from '../tables';

export async function signAcceptance(db: Db, storage: Storage, r: Resident, orderId: string, input: z.infer<typeof ZSignAcceptance>, now?: Date) {
  const seen = await visibleOrder(db, r, orderId);
  // the change is recorded on behalf of the case's owner, who answers for it at the desk; the event says it came from the portal.
  return runCommand(
    db,
    { userId: seen.ownerId, companyId: r.companyId },
    async (ctx) => {
      const { tx } = ctx;
      const [o] = await tx.select().from(workOrders).where(eq(workOrders.id, orderId)).for('update');
      if (o.version !== input.version) throw staleVersion();
      if (o.status !== 'completed') throw new AppError(409, 'illegal_transition');
      if (o.locationKind === 'public') throw new AppError(409, 'public_needs_onsite');
      if (o.acceptance) throw new AppError(409, 'already_accepted');
      const file = await saveAttachment(
        tx,
        storage,
        { companyId: o.companyId, projectId: o.projectId, entity: 'work_order', entityId: o.id, kind: 'signature', name: `${o.number}-签字.png`, bytes: Buffer.from(input.signature.split(',')[1], 'base64'), uploadedBy: seen.ownerId },
        'signature',
      );
      const acceptance: Acceptance = { kind: 'signature', by: `${seen.customerName}（住户端）`, opinion: input.opinion ?? null, at: ctx.now.toISOString(), signatureFileId: file.id };
      updatedOrStale(
        await tx
          .update(workOrders)
          .set({ acceptance, version: sql`${workOrders.version} + 1` })
          .where(and(eq(workOrders.id, o.id), eq(workOrders.version, input.version)))
          .returning({ id: workOrders.id }),
      );
      await ctx.audit({ entity: 'work_order', entityId: o.id, projectId: o.projectId, action: 'record_acceptance', before: { status: o.status }, after: { status: o.status, customerOpinion: input.opinion ?? null, signed: true, via: 'portal' } });
      await recomputeOrderDeadlines(tx, o.id, ctx.now);
      await countOrderTransition(tx, o, 'record_acceptance', ctx.now);
      await notify(tx, { companyId: o.companyId, projectId: o.projectId, userIds: [seen.ownerId], kind: 'portal_signed', entity: 'work_order', entityId: o.id, params: { number: o.number }, dedupeKey: `portal_signed:${o.id}:${o.reworkCount}`, at: ctx.now });
      return { id: o.id, version: o.version + 1 };
    },
    now,
  );
}

export async function rateOrder(db: Db, r: Resident, orderId: string, input: z.infer<typeof ZRateOrder>, now?: Date) {
  const seen = await visibleOrder(db, r, orderId);
  // The return visit is recorded by the desk's clerk on duty (who holds followup.do), channel portal.
  const clerk = await principalForUser(db, await clerkOnDuty(db, seen.projectId), r.companyId, 'zh-CN');
  return runCommand(
    db,
    clerk,
    async (ctx) => {
      const { tx } = ctx;
      const [o] = await tx.select().from(workOrders).where(eq(workOrders.id, orderId));
      const done = ['completed', 'closed', 'followed_up'].includes(o.status);
      if (!done || (o.locationKind === 'unit' && !o.acceptance && o.status === 'completed')) throw new AppError(409, 'not_completed');
      const [rating] = await tx
        .insert(residentRatings)
        .values({ companyId: o.companyId, projectId: o.projectId, orderId: o.id, round: o.reworkCount, residentId: r.residentId, verdict: input.verdict, solved: input.solved, note: input.note, at: ctx.now })
        .onConflictDoNothing()
        .returning();
      if (!rating) throw new AppError(409, 'already_rated');
      await ctx.audit({ entity: 'work_order', entityId: o.id, projectId: o.projectId, action: 'portal_rating', after: { verdict: input.verdict, solved: input.solved, note: input.note, residentId: r.residentId } });
      const [f] = await tx.select().from(followups).where(and(eq(followups.orderId, o.id), eq(followups.round, o.reworkCount), eq(followups.status, 'pending')));
      if (f) await attemptIn(ctx, clerk, f.id, { version: f.version, outcome: 'reached', channel: 'portal', verdict: input.verdict, solved: input.solved, note: input.note });
      return { ratingId: rating.id, followupRecorded: !!f };
    },
    now,
  );
}
