// WO-03..WO-06: every state change of a work order, for every caller, through the one state machine.
import { and, eq, sql } from 'drizzle-orm';
import type { TTransition, TTransitionResult, TWorkOrderDetail } from '../../../../common/desk';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, forbidden, invalidField, staleVersion, updatedOrStale, type ErrorCode } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { userHolds } from '../../auth/session';
import type { Storage } from '../../../platform/storage';
import { saveAttachment } from '../../files/store';
import { rulesOf } from '../../deadlines/rules';
import { selectForFollowup } from '../../followups/sampler';
import { followups } from '../../followups/tables';
import { personNames } from '../../history/names';
import { countOrderTransition } from '../../kpi/facts';
import { notify } from '../../notifications/notify';
import { projectTimezone } from '../../org/queries';
import { users } from '../../people/tables';
import { decide } from '../machine';
import { loadOrderRow, maySeeOrder, orderDetail, stateOf } from '../queries';
import { recomputeOrderDeadlines } from '../recompute';
import { workOrders, type Acceptance } from '../tables';

type Patch = Partial<typeof workOrders.$inferInsert>;

export async function transitionOrder(db: Db, storage: Storage, p: Principal, orderId: string, t: TTransition, now?: Date): Promise<TTransitionResult> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const row = await loadOrderRow(tx, p, orderId);
      const o = row.o;
      if (o.version !== t.version) throw staleVersion();
      const d = decide(p, stateOf(row), t.action);
      if (!d.ok) throw d.status === 403 ? forbidden() : new AppError(409, d.reason as ErrorCode);

      const patch: Patch = { status: d.to };
      // The acceptance record names who took it; only those two actions need the name.
      const myName = async () => (await tx.select({ name: users.displayName }).from(users).where(eq(users.id, p.userId)))[0].name;
      const signedAcceptance = async (signature: string, opinion: string | null): Promise<Acceptance> => {
        const file = await saveAttachment(
          tx,
          storage,
          { companyId: o.companyId, projectId: o.projectId, entity: 'work_order', entityId: o.id, kind: 'signature', name: `${o.number}-签字.png`, bytes: Buffer.from(signature.split(',')[1], 'base64'), uploadedBy: p.userId },
          'signature',
        );
        return { kind: 'signature', by: await myName(), opinion, at: ctx.now.toISOString(), signatureFileId: file.id };
      };
      const { version: _v, action, ...payload } = t;
      let logged: Record<string, unknown> = { status: d.to, ...payload };

      switch (t.action) {
        case 'dispatch':
        case 'reassign': {
          // Orders go to technicians (维修工/保洁员) of the order's project.
          const worker = await userHolds(tx, p.companyId, t.assigneeId, 'wo.work', o.projectId);
          if (!worker) throw invalidField('assigneeId', worker === null ? 'unknown_user' : 'not_technician');
          patch.assigneeId = t.assigneeId;
          patch.dispatchedAt = o.dispatchedAt ?? ctx.now;
          // the event names who had it and who has it now.
          const [fromName, toName] = await personNames(tx, [o.assigneeId, t.assigneeId]);
          logged = { ...logged, assigneeName: toName, ...(o.assigneeId ? { previousAssigneeName: fromName } : {}) };
          await notify(tx, {
            companyId: o.companyId,
            projectId: o.projectId,
            userIds: [t.assigneeId],
            kind: 'assigned',
            entity: 'work_order',
            entityId: o.id,
            params: { number: o.number, location: o.location },
            dedupeKey: `assigned:${o.id}:${o.version}`,
            at: ctx.now,
          });
          break;
        }
        case 'return':
          patch.assigneeId = null;
          logged = { ...logged, previousAssigneeName: (await personNames(tx, [o.assigneeId]))[0] };
          break;
        case 'hold':
          patch.holdReason = t.reason;
          patch.heldFrom = o.status;
          break;
        case 'resume':
          patch.holdReason = null;
          patch.heldFrom = null;
          break;
        case 'complete': {
          patch.result = t.result;
          patch.materials = t.materials;
          patch.completedAt = ctx.now;
          if (t.signature) patch.acceptance = await signedAcceptance(t.signature, t.customerOpinion ?? null);
          logged = { status: d.to, result: t.result, materials: t.materials, signed: !!t.signature, customerOpinion: t.customerOpinion };
          break;
        }
        case 'record_acceptance':
          if (o.paid && !t.signature) throw invalidField('signature', 'required');
          patch.acceptance = t.signature
            ? await signedAcceptance(t.signature, t.customerOpinion)
            : ({ kind: 'consent', by: await myName(), opinion: t.customerOpinion, at: ctx.now.toISOString(), contactedBy: t.contactedBy } satisfies Acceptance);
          logged = { status: d.to, customerOpinion: t.customerOpinion, contactedBy: t.contactedBy, signed: !!t.signature };
          break;
        case 'confirm_onsite':
          patch.onsiteConfirmedBy = p.userId;
          break;
        case 'cannot_repair':
          patch.explanation = t.explanation;
          break;
        case 'cancel':
          patch.explanation = t.reason;
          break;
        case 'close': {
          const { rules } = await rulesOf(tx, o.projectId);
          const selected = await selectForFollowup(tx, o, rules.followupSampleRate, ctx.now, await projectTimezone(tx, o.projectId));
          patch.closedAt = ctx.now;
          patch.followupSelected = selected;
          if (selected) await tx.insert(followups).values({ companyId: o.companyId, projectId: o.projectId, orderId: o.id, round: o.reworkCount });
          // WO-07: the achieved follow-up rate is counted from these events.
          logged = { status: d.to, followupSelected: selected, paid: o.paid, rework: o.reworkCount > 0 };
          break;
        }
        case 'progress_note':
          patch.lastProgressAt = ctx.now;
          break;
      }

      updatedOrStale(
        await tx
          .update(workOrders)
          .set({ ...patch, version: sql`${workOrders.version} + 1` })
          .where(and(eq(workOrders.id, o.id), eq(workOrders.version, t.version)))
          .returning({ id: workOrders.id }),
      );
      await ctx.audit({ entity: 'work_order', entityId: o.id, projectId: o.projectId, action, before: { status: o.status }, after: logged });
      await recomputeOrderDeadlines(tx, o.id, ctx.now);
      await countOrderTransition(tx, o, t.action, ctx.now); // QI-05: the rollup as the last write
      // WO-03: a technician who returns an order no longer sees it; the answer must not be a 404 that undoes the return.
      const assigneeId = patch.assigneeId === undefined ? o.assigneeId : patch.assigneeId;
      if (!maySeeOrder(p, { projectId: o.projectId, assigneeId })) return { id: o.id, number: o.number, status: d.to, version: t.version + 1, visible: false as const };
      return orderDetail(tx, p, o.id);
    },
    now,
  );
}

/** For callers that stay on the order (replays, factories): the detail, or an error if the step took it out of sight. */
export async function transitionSeen(...args: Parameters<typeof transitionOrder>): Promise<TWorkOrderDetail> {
  const r = await transitionOrder(...args);
  if ('visible' in r) throw new Error(`order ${r.number} is no longer visible to its caller after this step`);
  return r;
}
