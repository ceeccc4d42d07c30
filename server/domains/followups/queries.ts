// WO-07: the follow-up queue and the achieved follow-up rates of the month.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { TFollowup } from '../../../common/desk';
import { addDays, fromLocal, toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { cases } from '../cases/tables';
import { deadlines } from '../deadlines/tables';
import { rulesOf } from '../deadlines/rules';
import { projects } from '../org/tables';
import { workOrders } from '../workorders/tables';
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

/** WO-07: of the orders closed this month, how many free and paid ones were selected for a follow-up. */
export async function followupRate(db: DbOrTx, projectId: string, now: Date) {
  const [project] = await db.select({ timezone: projects.timezone }).from(projects).where(eq(projects.id, projectId));
  const month = toLocal(now, project.timezone).date.slice(0, 7);
  const start = fromLocal(`${month}-01`, 0, project.timezone);
  const end = fromLocal(addDays(`${month}-28`, 4).slice(0, 7) + '-01', 0, project.timezone);
  const [r] = await db
    .select({
      closedFree: sql<number>`count(*) filter (where not ${workOrders.paid})::int`,
      selectedFree: sql<number>`count(*) filter (where not ${workOrders.paid} and ${workOrders.followupSelected})::int`,
      closedPaid: sql<number>`count(*) filter (where ${workOrders.paid})::int`,
      selectedPaid: sql<number>`count(*) filter (where ${workOrders.paid} and ${workOrders.followupSelected})::int`,
    })
    .from(workOrders)
    .where(and(eq(workOrders.projectId, projectId), gte(workOrders.closedAt, start), lt(workOrders.closedAt, end), inArray(workOrders.status, ['closed', 'followed_up'])));
  const { rules } = await rulesOf(db, projectId);
  return { month, ...r, target: rules.followupSampleRate };
}
