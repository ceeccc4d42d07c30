// WO-07: the follow-up queue and the achieved follow-up rates of the month.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { TFollowup } from '../../../common/desk';
import { addDays, fromLocal, toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { cases } from '../cases/tables';
import { deadlines } from '../deadlines/tables';
import { rulesOf } from '../deadlines/rules';
import { projectTimezone } from '../org/queries';
import { workOrders } from '../workorders/tables';
import { auditEvents } from '../../platform/tables';
import { followups } from './tables';

const selection = {
  f: followups,
  orderNumber: workOrders.number,
  location: workOrders.location,
  description: workOrders.description,
  paid: workOrders.paid,
  completedAt: workOrders.completedAt,
  customerName: cases.callerName,
  customerPhone: cases.callerPhone,
  dueAt: deadlines.dueAt,
};

export async function followupQueue(db: DbOrTx, p: Principal, projectId: string, status: 'pending' | 'done' | 'unreachable', now = new Date()) {
  if (!can(p, 'followup.do', projectId)) throw notFound();
  const rows = await db
    .select(selection)
    .from(followups)
    .innerJoin(workOrders, eq(workOrders.id, followups.orderId))
    .innerJoin(cases, eq(cases.id, workOrders.caseId))
    .leftJoin(deadlines, and(eq(deadlines.entityId, workOrders.id), eq(deadlines.kind, 'followup')))
    .where(and(eq(followups.projectId, projectId), eq(followups.status, status)))
    .orderBy(asc(deadlines.dueAt))
    .limit(200);
  const items: TFollowup[] = rows.map((r) => ({
    id: r.f.id,
    orderId: r.f.orderId,
    orderNumber: r.orderNumber,
    projectId: r.f.projectId,
    path: r.location,
    customerName: r.customerName,
    customerPhone: r.customerPhone,
    description: r.description,
    paid: r.paid,
    status: r.f.status as TFollowup['status'],
    attempts: r.f.attempts,
    verdict: r.f.verdict as TFollowup['verdict'],
    solved: r.f.solved,
    dueAt: (r.dueAt ?? r.f.createdAt).toISOString(),
    overdue: r.f.status === 'pending' && !!r.dueAt && r.dueAt < now,
    completedAt: r.completedAt?.toISOString() ?? null,
    version: r.f.version,
  }));
  return { items, rate: await followupRate(db, projectId, now) };
}

/**
 * WO-07: of the closings this month (first closings of free repairs, and paid services), how many were
 * selected for a follow-up — counted from the close events, so a later rework cannot change the figure.
 */
export async function followupRate(db: DbOrTx, projectId: string, now: Date) {
  const timezone = await projectTimezone(db, projectId);
  const month = toLocal(now, timezone).date.slice(0, 7);
  const start = fromLocal(`${month}-01`, 0, timezone);
  const end = fromLocal(addDays(`${month}-28`, 4).slice(0, 7) + '-01', 0, timezone);
  const paid = sql`(${auditEvents.after}->>'paid')::boolean`;
  const selected = sql`(${auditEvents.after}->>'followupSelected')::boolean`;
  const firstClose = sql`not coalesce((${auditEvents.after}->>'rework')::boolean, false)`;
  const [r] = await db
    .select({
      closedFree: sql<number>`count(*) filter (where not ${paid} and ${firstClose})::int`,
      selectedFree: sql<number>`count(*) filter (where not ${paid} and ${firstClose} and ${selected})::int`,
      closedPaid: sql<number>`count(*) filter (where ${paid})::int`,
      selectedPaid: sql<number>`count(*) filter (where ${paid} and ${selected})::int`,
      // WO-09: follow-ups this month that found the problem unsolved and reopened the order.
      reworked: sql<number>`(select count(*)::int from audit_events r where r.project_id = ${projectId} and r.entity = 'work_order'
        and r.action = 'rework' and r.at >= ${start.toISOString()}::timestamptz and r.at < ${end.toISOString()}::timestamptz)`,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.projectId, projectId), eq(auditEvents.entity, 'work_order'), eq(auditEvents.action, 'close'), gte(auditEvents.at, start), lt(auditEvents.at, end)));
  const { rules } = await rulesOf(db, projectId);
  return { month, ...r, target: rules.followupSampleRate };
}
