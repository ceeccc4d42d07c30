// WO-07, WO-09, RV-01: each call or visit of a follow-up is recorded; a reached customer gives a
// three-level verdict; an unsolved problem reopens the order as free rework; after the retry limit
// the follow-up ends as unreachable.
import { and, eq, sql } from 'drizzle-orm';
import type { TFollowupAttempt } from '../../../../common/desk';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound, staleVersion, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { rulesOf } from '../../deadlines/rules';
import { countFollowup } from '../../kpi/facts';
import { recomputeOrderDeadlines } from '../../workorders/recompute';
import { workOrders } from '../../workorders/tables';
import { drawForSupervision } from '../supervision';
import { followupAttempts, followups } from '../tables';

/** A return visit's channel: by phone, on site, or the resident's own rating in the portal. */
export type AttemptInput = Omit<TFollowupAttempt, 'channel'> & { channel: TFollowupAttempt['channel'] | 'portal' };

export async function recordAttempt(db: Db, p: Principal, followupId: string, a: TFollowupAttempt, now?: Date) {
  return runCommand(db, p, (ctx) => attemptIn(ctx, p, followupId, a), now);
}

/** Inside a command: records one attempt of a follow-up (the portal's rating records its verdict here too). */
export async function attemptIn(ctx: CommandContext, p: Principal, followupId: string, a: AttemptInput) {
      const { tx } = ctx;
      const [f] = await tx.select().from(followups).where(and(eq(followups.id, followupId), eq(followups.companyId, p.companyId)));
      if (!f) throw notFound();
      authorize(p, 'followup.do', f.projectId, 'case.read');
      if (f.version !== a.version) throw staleVersion();
      if (f.status !== 'pending') throw new AppError(409, 'followup_closed');
      const { rules } = await rulesOf(tx, f.projectId);

      await tx.insert(followupAttempts).values({ companyId: f.companyId, projectId: f.projectId, followupId: f.id, outcome: a.outcome, channel: a.channel, note: a.note, byId: p.userId, at: ctx.now });
      const attempts = f.attempts + 1;
      const reached = a.outcome === 'reached';
      const status = reached ? 'done' : attempts >= rules.followupRetryLimit ? 'unreachable' : 'pending';
      updatedOrStale(
        await tx
          .update(followups)
          .set({
            attempts,
            status,
            verdict: reached ? a.verdict : null,
            solved: reached ? a.solved : null,
            channel: a.channel,
            note: a.note,
            visitorId: p.userId,
            doneAt: status === 'pending' ? null : ctx.now,
            version: sql`${followups.version} + 1`,
          })
          .where(and(eq(followups.id, f.id), eq(followups.version, f.version)))
          .returning({ id: followups.id }),
      );
      await ctx.audit({ entity: 'followup', entityId: f.id, projectId: f.projectId, action: 'attempt', after: { ...a, version: undefined, status } });
      if (status === 'done') await drawForSupervision(ctx, f, rules);

      if (status !== 'pending') {
        const [o] = await tx.select().from(workOrders).where(eq(workOrders.id, f.orderId));
        const rework = reached && a.solved === false;
        const orderPatch = rework
          ? // WO-09: free rework — back to the dispatcher, the previous completion cleared.
            { status: 'reported', reworkCount: o.reworkCount + 1, completedAt: null, closedAt: null, acceptance: null, onsiteConfirmedBy: null, followupSelected: null, result: null, dispatchedAt: null }
          : { status: reached ? 'followed_up' : o.status };
        await tx
          .update(workOrders)
          .set({ ...orderPatch, version: sql`${workOrders.version} + 1` })
          .where(eq(workOrders.id, o.id));
        await ctx.audit({
          entity: 'work_order',
          entityId: o.id,
          projectId: o.projectId,
          action: rework ? 'rework' : reached ? 'followed_up' : 'followup_unreachable',
          before: { status: o.status },
          after: { status: orderPatch.status, verdict: a.verdict, solved: a.solved, followupId: f.id },
        });
        await recomputeOrderDeadlines(tx, o.id, ctx.now);
        if (reached) await countFollowup(tx, o, rework, ctx.now, a.verdict); // QI-05: the rollup as the last write
      }
      const [saved] = await tx.select().from(followups).where(eq(followups.id, f.id));
      return { id: saved.id, status: saved.status, attempts: saved.attempts, version: saved.version };
}
