// CP-01..CP-04: the steps of a complaint — assign, escalate to major, contact the owner and report progress
// (company-level), resolve with the finding whether it was valid, and the customer's verdict at the
// follow-up: satisfied closes the case, unsatisfied reopens the complaint.
import { and, eq, sql } from 'drizzle-orm';
import type { TComplaintAction, TComplaintDetail } from '../../../../common/complaints';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, forbidden, invalidField, staleVersion } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { userHolds } from '../../auth/session';
import { syncReplyDeadline } from '../../cases/deadline';
import { cases } from '../../cases/tables';
import { holdersOf } from '../../deadlines/recipients';
import { notify } from '../../notifications/notify';
import { syncComplaintDeadlines } from '../deadlines';
import { raiseFlag } from '../flags';
import { notifyMajor } from '../notify-major';
import { complaintActions } from '../policy';
import { complaintDetail, loadComplaint } from '../queries';
import { personNames } from '../../history/names';
import { countComplaintStep } from '../../kpi/facts';
import { complaints } from '../tables';

export function complaintAction(db: Db, p: Principal, id: string, a: TComplaintAction, now?: Date): Promise<TComplaintDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const { k, c } = await loadComplaint(tx, p, id);
      if (k.version !== a.version) throw staleVersion();
      if (k.status === 'closed') throw new AppError(409, 'complaint_closed');
      if (!complaintActions(p, k, c).includes(a.action)) {
        if (a.action === 'followup' && k.status !== 'resolved') throw new AppError(409, 'not_resolved');
        if (a.action === 'followup' && !c.repliedAt) throw new AppError(409, 'not_replied');
        if ((a.action === 'contact' || a.action === 'progress') && !k.companyLevel) throw new AppError(409, 'not_company_level');
        if (a.action === 'resolve' && k.status !== 'open') throw new AppError(409, 'illegal_transition');
        throw forbidden();
      }
      let patch: Partial<typeof complaints.$inferInsert> = {};
      let logged: Record<string, unknown> = {};
      const tell = (userIds: string[], kind: string, params: Record<string, string>) =>
        notify(tx, { companyId: k.companyId, projectId: k.projectId, userIds, kind, entity: 'complaint', entityId: k.id, params: { number: c.number, ...params }, dedupeKey: `${kind}:${k.id}:${k.version}`, at: ctx.now });

      switch (a.action) {
        case 'assign': {
          const staff = await userHolds(tx, p.companyId, a.handlerId, 'project.read', k.projectId);
          if (!staff) throw invalidField('handlerId', staff === null ? 'unknown_user' : 'not_staff');
          patch = { handlerId: a.handlerId };
          const [fromName, toName] = await personNames(tx, [k.handlerId, a.handlerId]);
          logged = { handlerId: a.handlerId, handlerName: toName, ...(k.handlerId ? { previousHandlerName: fromName } : {}) };
          await tell([a.handlerId], 'complaint_assigned', {});
          break;
        }
        case 'escalate':
          patch = { severity: 'major', majorReasons: a.majorReasons };
          logged = { majorReasons: a.majorReasons };
          break;
        case 'contact':
          patch = { contactedAt: ctx.now };
          logged = { note: a.note };
          break;
        case 'progress':
          // CP-04: each report goes to the quality department and restarts the 2-day clock.
          patch = { lastProgressAt: ctx.now };
          logged = { note: a.note };
          await tell(await holdersOf(tx, k.projectId, ['quality_inspector']), 'complaint_progress', { note: a.note.slice(0, 60) });
          break;
        case 'resolve':
          patch = { status: 'resolved', resolution: a.resolution, valid: a.valid, resolvedAt: ctx.now, resolvedBy: p.userId, verdict: null, followedUpAt: null };
          logged = { resolution: a.resolution, valid: a.valid };
          // CP-02: a valid complaint about staff attitude is itself a flag.
          if (a.valid && k.type === 'attitude') await raiseFlag(tx, { companyId: k.companyId, projectId: k.projectId, kind: 'valid_attitude', caseId: c.id, note: a.resolution.slice(0, 200), at: ctx.now });
          break;
        case 'followup': {
          const satisfied = a.verdict !== 'unsatisfied';
          patch = satisfied ? { status: 'closed', verdict: a.verdict, followedUpAt: ctx.now } : { status: 'open', verdict: a.verdict, resolvedAt: null };
          logged = { verdict: a.verdict, note: a.note };
          if (satisfied) {
            const [closed] = await tx
              .update(cases)
              .set({ status: 'closed', closedAt: ctx.now, version: sql`${cases.version} + 1` })
              .where(eq(cases.id, c.id))
              .returning();
            await ctx.audit({ entity: 'case', entityId: c.id, projectId: c.projectId, action: 'close', before: { status: c.status }, after: { status: 'closed', verdict: a.verdict } });
            await syncReplyDeadline(tx, closed, ctx.now);
          }
          break;
        }
      }
      const [saved] = await tx
        .update(complaints)
        .set({ ...patch, version: sql`${complaints.version} + 1` })
        .where(and(eq(complaints.id, k.id), eq(complaints.version, a.version)))
        .returning();
      if (!saved) throw staleVersion();
      await ctx.audit({ entity: 'complaint', entityId: k.id, projectId: k.projectId, action: a.action, after: logged });
      if (a.action === 'escalate') await notifyMajor(tx, saved, c.number, ctx.now);
      await countComplaintStep(tx, k, a.action, ctx.now, a.action === 'followup' ? a.verdict : null); // QI-05: before the deadlines move, the rollup
      await syncComplaintDeadlines(tx, saved, c.ownerId, ctx.now);
      return complaintDetail(tx, p, k.id, ctx.now);
    },
    now,
  );
}
