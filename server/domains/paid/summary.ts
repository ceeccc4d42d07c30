// PS-09: a month of paid services per department and per staff (for appraisal), reconciled: the lines
// come from the orders, the reconciliation from the receipts and finance's hand-overs — two roads to
// the same money, so a gap between them shows.
import { cents, sumYuan } from '../../../common/money';
import { and, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { TPaidSummary, TSummaryLine } from '../../../common/paid';
import { translate } from '../../../common/i18n';
import { localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { followups } from '../followups/tables';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import { workOrders } from '../workorders/tables';
import { receiptsOf } from './queries';
import { cashHandovers, paidOrders, receipts } from './tables';

const emptyLine = (key: string, name: string): TSummaryLine => ({ key, name, registered: 0, completed: 0, closed: 0, reworked: 0, receipts: 0, amount: 0, satisfied: 0, followedUp: 0 });

export async function paidSummary(db: DbOrTx, p: Principal, projectId: string, month: string): Promise<TPaidSummary> {
  if (!can(p, 'paid.report', projectId)) throw notFound();
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  const { from, to, firstDay, lastDay } = localMonth(month, project.timezone);
  const inMonth = (c: Parameters<typeof gte>[0]) => and(gte(c, from), lt(c, to));
  const monthReceipts = await receiptsOf(db, and(eq(receipts.projectId, projectId), gte(receipts.businessDate, firstDay), sql`${receipts.businessDate} <= ${lastDay}`)!);
  const receiptOrderIds = [...new Set(monthReceipts.map((r) => r.orderId))];

  const orders = await db
    .select({ id: workOrders.id, department: workOrders.department, assigneeId: workOrders.assigneeId, assignee: users.displayName, reportedAt: workOrders.reportedAt, completedAt: workOrders.completedAt, closedAt: workOrders.closedAt, reworkCount: workOrders.reworkCount, fee: paidOrders.fee, collectedAt: paidOrders.collectedAt })
    .from(paidOrders)
    .innerJoin(workOrders, eq(workOrders.id, paidOrders.orderId))
    .leftJoin(users, eq(users.id, workOrders.assigneeId))
    .where(
      and(
        eq(paidOrders.projectId, projectId),
        or(inMonth(workOrders.reportedAt), inMonth(workOrders.completedAt), inMonth(workOrders.closedAt), receiptOrderIds.length ? inArray(workOrders.id, receiptOrderIds) : undefined),
      ),
    );
  const visits = await db
    .select({ orderId: followups.orderId, verdict: followups.verdict })
    .from(followups)
    .innerJoin(paidOrders, eq(paidOrders.orderId, followups.orderId))
    .where(and(eq(followups.projectId, projectId), eq(followups.status, 'done'), isNotNull(followups.doneAt), inMonth(followups.doneAt)));

  const t = (k: string) => translate(p.locale, k);
  const departments = new Map<string, TSummaryLine>();
  const staff = new Map<string, TSummaryLine>();
  const total = emptyLine('total', t('ui.summary.total'));
  const between = (d: Date | null) => !!d && d >= from && d < to;
  const byOrder = new Map(orders.map((o) => [o.id, o]));
  const linesOf = (o: (typeof orders)[number]) => {
    const dept = departments.get(o.department) ?? emptyLine(o.department, t(`ui.department.${o.department}`));
    departments.set(o.department, dept);
    const key = o.assigneeId ?? 'unassigned';
    const person = staff.get(key) ?? emptyLine(key, o.assignee ?? t('ui.summary.unassigned'));
    staff.set(key, person);
    return [dept, person, total];
  };
  for (const o of orders) {
    for (const line of linesOf(o)) {
      if (between(o.reportedAt)) line.registered++;
      if (between(o.completedAt)) line.completed++;
      if (between(o.closedAt)) line.closed++;
      if (between(o.reportedAt) && o.reworkCount > 0) line.reworked++;
    }
  }
  for (const r of monthReceipts.filter((x) => !x.voidedAt)) {
    for (const line of linesOf(byOrder.get(r.orderId)!)) {
      line.receipts++;
      line.amount = sumYuan([line.amount, r.amount]);
    }
  }
  for (const v of visits) {
    const o = byOrder.get(v.orderId);
    if (!o) continue; // a visit this month of an order with no other event this month: counted in its own month's lines
    for (const line of linesOf(o)) {
      line.followedUp++;
      if (v.verdict === 'satisfied' || v.verdict === 'fairly_satisfied') line.satisfied++;
    }
  }

  // The reconciliation reads the receipts and hand-overs only.
  const valid = monthReceipts.filter((r) => !r.voidedAt);
  const sum = (rs: typeof valid) => rs.reduce((s, r) => s + cents(r.amount), 0);
  const byMethod: Record<string, number> = {};
  for (const r of valid) byMethod[r.method] = sumYuan([byMethod[r.method] ?? 0, r.amount]);
  const cash = valid.filter((r) => r.method === 'cash');
  const [diff] = await db
    .select({ total: sql<string>`coalesce(sum(${cashHandovers.difference}), 0)` })
    .from(cashHandovers)
    .where(and(eq(cashHandovers.projectId, projectId), gte(cashHandovers.businessDate, firstDay), sql`${cashHandovers.businessDate} <= ${lastDay}`));
  const closedWithoutReceipt = orders.filter((o) => between(o.closedAt) && !o.collectedAt).length;
  const feeMismatch = valid.filter((r) => cents(r.amount) !== cents(byOrder.get(r.orderId)!.fee)).length;
  const receiptsAmount = sum(valid);
  const confirmedCash = sum(cash.filter((r) => r.handoverStatus === 'confirmed'));
  const handedUnconfirmed = sum(cash.filter((r) => r.handoverStatus === 'submitted'));
  const notHandedOver = sum(cash.filter((r) => !r.handoverId));
  const cashDifferences = cents(Number(diff.total));
  const balanced =
    receiptsAmount === cents(total.amount) &&
    Object.values(byMethod).reduce((s, x) => s + cents(x), 0) === receiptsAmount &&
    confirmedCash + handedUnconfirmed + notHandedOver === sum(cash) &&
    cashDifferences === 0 &&
    closedWithoutReceipt === 0 &&
    feeMismatch === 0;
  return {
    projectId,
    projectName: project.name,
    month,
    departments: [...departments.values()],
    staff: [...staff.values()].sort((a, b) => b.amount - a.amount),
    total,
    reconciliation: {
      receiptsAmount: receiptsAmount / 100,
      receiptsCount: valid.length,
      voidedCount: monthReceipts.length - valid.length,
      byMethod,
      confirmedCash: confirmedCash / 100,
      handedUnconfirmed: handedUnconfirmed / 100,
      notHandedOver: notHandedOver / 100,
      cashDifferences: cashDifferences / 100,
      closedWithoutReceipt,
      feeMismatch,
      balanced,
    },
  };
}
