// QI-05: what each command adds to the monthly rollup — the KPI definitions on the write side. The
// same definitions, read from the event history instead, are in recount.ts; a test keeps them equal.
import { and, eq, max } from 'drizzle-orm';
import { dueAt, toLocal } from '../../platform/clock';
import type { DbOrTx, Tx } from '../../platform/db';
import { auditEvents } from '../../platform/tables';
import { workCalendar } from '../calendar/queries';
import { rulesOf } from '../deadlines/rules';
import { deadlines } from '../deadlines/tables';
import { projectTimezone } from '../org/queries';
import { countKpis, type KpiCounter, type KpiFact } from './rollup';

interface OrderRow {
  id: string;
  companyId: string;
  projectId: string;
  paid: boolean;
  reworkCount: number;
  reportedAt: Date;
  dispatchedAt: Date | null;
  closedAt: Date | null;
}

/** WO-09: a repair cycle starts when the order is reported and again at each rework. */
async function cycleStart(tx: DbOrTx, o: OrderRow): Promise<Date> {
  if (!o.reworkCount) return o.reportedAt;
  const [r] = await tx
    .select({ at: max(auditEvents.at) })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'work_order'), eq(auditEvents.entityId, o.id), eq(auditEvents.action, 'rework')));
  return r?.at ?? o.reportedAt;
}

/** The due time of a record's deadline of this kind as it stands (before the command recomputes it). */
async function dueOf(tx: DbOrTx, entityId: string, kind: string): Promise<Date | null> {
  const [d] = await tx.select({ dueAt: deadlines.dueAt }).from(deadlines).where(and(eq(deadlines.entityId, entityId), eq(deadlines.kind, kind)));
  return d?.dueAt ?? null;
}

/**
 * WO-07, PS-08: a close counts toward the paid rate (a paid order's first cycle) or the free rate (a free
 * repair's first cycle); a rework's close counts toward neither — every rework is followed up (WO-09).
 */
export function closeKind(paid: boolean, rework: boolean): { closed: KpiCounter; followed: KpiCounter } | null {
  if (rework) return null;
  return paid ? { closed: 'closedPaid', followed: 'followedPaid' } : { closed: 'closedFree', followed: 'followedFree' };
}

/** WO-01: a new order starts its first cycle. */
export const orderCreatedFact = (o: { reportedAt: Date }): KpiFact => ({ at: o.reportedAt, add: { repairCycles: 1 } });

/**
 * WO-02, WO-04, WO-07: a work-order transition, `o` as it was before it. The first dispatch of a cycle
 * is in time when it meets the project's WO-02 deadline from the cycle's start (and counted apart when
 * it falls on the start's own calendar day); a completion counts for its cycle; a close for its month.
 */
export async function countOrderTransition(tx: Tx, o: OrderRow, action: string, now: Date): Promise<void> {
  const facts: KpiFact[] = [];
  if (action === 'dispatch' && !o.dispatchedAt) {
    const start = await cycleStart(tx, o);
    const [{ rules }, cal, tz] = await Promise.all([rulesOf(tx, o.projectId), workCalendar(tx, o.companyId, o.projectId), projectTimezone(tx, o.projectId)]);
    const inTime = now <= dueAt(rules.dispatch, start, cal);
    const sameDay = toLocal(now, tz).date === toLocal(start, tz).date;
    facts.push({ at: start, add: { dispatchedInTime: inTime ? 1 : 0, dispatchedSameDay: sameDay ? 1 : 0 } });
  }
  if (action === 'complete') {
    // QI-05 repair timeliness: against the completion deadline as it stands (pauses already added).
    const due = await dueOf(tx, o.id, 'completion');
    facts.push({ at: await cycleStart(tx, o), add: { completed: 1, completedInTime: due && now <= due ? 1 : 0 } });
  }
  const kind = closeKind(o.paid, o.reworkCount > 0);
  if (action === 'close' && kind) facts.push({ at: now, add: { [kind.closed]: 1 } });
  await countKpis(tx, o.projectId, facts);
}

/**
 * WO-07, PS-08: a follow-up that reached the customer counts for the month of the close it follows
 * when it was done within its deadline; an unsolved verdict is also a rework, starting a new cycle.
 */
export async function countFollowup(tx: Tx, o: OrderRow, rework: boolean, now: Date, verdict?: string | null): Promise<void> {
  const due = await dueOf(tx, o.id, 'followup');
  const facts: KpiFact[] = [];
  // QI-05 owner satisfaction (RV-01): the customer's verdict, in the month of the visit.
  if (verdict) facts.push({ at: now, add: { visitVerdicts: 1, visitsSatisfied: satisfied(verdict) } });
  const kind = closeKind(o.paid, o.reworkCount > 0);
  if (kind && due && o.closedAt && now <= due) facts.push({ at: o.closedAt, add: { [kind.followed]: 1 } });
  if (rework) facts.push({ at: now, add: { reworks: 1, repairCycles: 1 } });
  await countKpis(tx, o.projectId, facts);
}

/** RV-01: 满意 and 较满意 count as satisfied; 不满意 does not. */
export const satisfied = (verdict: unknown): number => (verdict === 'satisfied' || verdict === 'fairly_satisfied' ? 1 : 0);

/** IN-05, CP-01: a new case is due for its reply in the month of its deadline; answered on the spot, it is in time. */
export function caseOpenedFact(c: { category: string; repliedAt: Date | null }, replyDue: Date): KpiFact {
  const replied = c.repliedAt && c.repliedAt <= replyDue ? 1 : 0;
  const complaint = c.category === 'complaint' ? 1 : 0;
  return { at: replyDue, add: { repliesDue: 1, repliedInTime: replied, complaintRepliesDue: complaint, complaintRepliedInTime: complaint * replied } };
}

/** IN-05, CP-01: a reply within the case's deadline counts in the deadline's month. */
export async function countCaseReplied(tx: Tx, c: { id: string; projectId: string; category: string }, now: Date): Promise<void> {
  const due = await dueOf(tx, c.id, 'reply');
  if (!due || now > due) return;
  await countKpis(tx, c.projectId, [{ at: due, add: { repliedInTime: 1, complaintRepliedInTime: c.category === 'complaint' ? 1 : 0 } }]);
}

/** CP-01: a resolution makes a follow-up due (7 days by default); the follow-up counts when done by then. */
export async function countComplaintStep(tx: Tx, k: { id: string; companyId: string; projectId: string }, action: string, now: Date, verdict?: string | null): Promise<void> {
  if (action === 'resolve') {
    const [{ rules }, cal] = await Promise.all([rulesOf(tx, k.projectId), workCalendar(tx, k.companyId, k.projectId)]);
    await countKpis(tx, k.projectId, [{ at: dueAt(rules.complaintFollowup, now, cal), add: { complaintFollowupsDue: 1 } }]);
  }
  if (action === 'followup') {
    const due = await dueOf(tx, k.id, 'cp_followup');
    const facts: KpiFact[] = [];
    if (due && now <= due) facts.push({ at: due, add: { complaintFollowedInTime: 1 } });
    // QI-05 complaint satisfaction (CP-01): the verdict of the follow-up, in its month.
    if (verdict) facts.push({ at: now, add: { complaintVerdicts: 1, complaintSatisfied: satisfied(verdict) } });
    await countKpis(tx, k.projectId, facts);
  }
}
