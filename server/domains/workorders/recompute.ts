// Recomputes and stores an order's deadlines from its facts and event history.
import { and, eq } from 'drizzle-orm';
import type { TWoStatus } from '../../../common/desk';
import type { Tx } from '../../platform/db';
import { auditEvents } from '../../platform/tables';
import { workCalendar } from '../calendar/queries';
import { cases } from '../cases/tables';
import { paidOrders } from '../paid/tables';
import { rulesOf } from '../deadlines/rules';
import { syncDeadlines } from '../deadlines/sync';
import { orderDeadlines } from './deadlines';
import { workOrders } from './tables';

export async function recomputeOrderDeadlines(tx: Tx, orderId: string, now = new Date()): Promise<void> {
  const [row] = await tx
    .select({ o: workOrders, ownerId: cases.ownerId, channel: paidOrders.channel, appointedAt: paidOrders.appointedAt })
    .from(workOrders)
    .innerJoin(cases, eq(cases.id, workOrders.caseId))
    .leftJoin(paidOrders, eq(paidOrders.orderId, workOrders.id))
    .where(eq(workOrders.id, orderId));
  const o = row.o;
  const events = await tx
    .select({ action: auditEvents.action, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'work_order'), eq(auditEvents.entityId, orderId)))
    .orderBy(auditEvents.id);
  const { rules } = await rulesOf(tx, o.projectId);
  const cal = await workCalendar(tx, o.companyId, o.projectId);
  const computed = orderDeadlines(
    {
      status: o.status as TWoStatus,
      priority: o.priority as 'normal' | 'emergency',
      department: o.department,
      assigneeId: o.assigneeId,
      caseOwnerId: row.ownerId,
      reportedAt: o.reportedAt,
      followupSelected: o.followupSelected,
      lastProgressAt: o.lastProgressAt,
      appointment: row.channel?.startsWith('phone') ? { from: o.reportedAt, metAt: row.appointedAt } : null,
    },
    events,
    rules,
    cal,
  );
  await syncDeadlines(tx, { companyId: o.companyId, projectId: o.projectId, entity: 'work_order', entityId: o.id, ruleVersion: o.ruleVersion }, computed, now);
}
