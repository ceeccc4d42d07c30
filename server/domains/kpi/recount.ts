// QI-05: the monthly KPI counters recounted from the event history alone — the definition the rollup
// must equal (a test compares them) and the rebuild when the rollup is missing or in doubt. Deadlines
// are recomputed from the project's current rules and calendar, as the commands do.
import { and, asc, eq, sql } from 'drizzle-orm';
import { dueAt, toLocal } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db';
import { auditEvents } from '../../platform/tables';
import { workCalendar } from '../calendar/queries';
import { rulesOf } from '../deadlines/rules';
import { projects } from '../org/tables';
import { closeKind, satisfied } from './facts';
import { column, KPI_COUNTERS, type KpiCounter, type KpiCounts } from './rollup';
import { kpiMonths } from './tables';

interface Event {
  entity: string;
  entityId: string;
  action: string;
  at: Date;
  after: Record<string, unknown> | null;
}

export const zeroCounts = (): KpiCounts => Object.fromEntries(KPI_COUNTERS.map((c) => [c, 0])) as KpiCounts;

/** Every month's counters of one project, from its events. */
export async function recountProject(db: DbOrTx, projectId: string): Promise<Map<string, KpiCounts>> {
  const [p] = await db.select().from(projects).where(eq(projects.id, projectId));
  const [{ rules }, cal] = await Promise.all([rulesOf(db, projectId), workCalendar(db, p.companyId, projectId)]);
  const events = (await db
    .select({ entity: auditEvents.entity, entityId: auditEvents.entityId, action: auditEvents.action, at: auditEvents.at, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.companyId, p.companyId), eq(auditEvents.projectId, projectId), sql`${auditEvents.entity} in ('work_order', 'case', 'complaint')`))
    .orderBy(asc(auditEvents.id))) as Event[];

  const out = new Map<string, KpiCounts>();
  const add = (at: Date, c: KpiCounter) => {
    const month = toLocal(at, p.timezone).date.slice(0, 7);
    const counts = out.get(month) ?? zeroCounts();
    counts[c]++;
    out.set(month, counts);
  };
  const byEntity = new Map<string, Event[]>();
  for (const e of events) byEntity.set(e.entityId, [...(byEntity.get(e.entityId) ?? []), e]);

  for (const history of byEntity.values()) {
    const entity = history[0].entity;
    if (entity === 'work_order') {
      // WO-02, WO-09: a cycle from the report or a rework; its first dispatch, its completion.
      let start: Date | null = null;
      let dispatched = false;
      let completedAt: Date | null = null;
      let close: Event | null = null;
      // QI-05 repair timeliness: the completion rule of the order's priority, moved on by the cycle's pauses.
      let priority: 'normal' | 'emergency' = 'normal';
      let pausedMs = 0;
      let pausedAt: Date | null = null;
      for (const e of history) {
        if ((e.action === 'followed_up' || e.action === 'rework') && e.after?.verdict) {
          add(e.at, 'visitVerdicts');
          if (satisfied(e.after.verdict)) add(e.at, 'visitsSatisfied');
        }
        if (e.action === 'create') priority = e.after?.priority === 'emergency' ? 'emergency' : 'normal';
        if (e.action === 'create' || e.action === 'rework') {
          if (e.action === 'rework') followupDone(e);
          start = e.at;
          dispatched = false;
          completedAt = null;
          pausedMs = 0;
          pausedAt = null;
          add(e.at, 'repairCycles');
          if (e.action === 'rework') add(e.at, 'reworks');
        } else if (!start) continue;
        else if (e.action === 'dispatch' && !dispatched) {
          dispatched = true;
          if (e.at <= dueAt(rules.dispatch, start, cal)) add(start, 'dispatchedInTime');
          if (toLocal(e.at, p.timezone).date === toLocal(start, p.timezone).date) add(start, 'dispatchedSameDay');
        } else if (e.action === 'hold') pausedAt = e.at;
        else if (e.action === 'resume' && pausedAt) {
          pausedMs += e.at.getTime() - pausedAt.getTime();
          pausedAt = null;
        } else if (e.action === 'complete') {
          completedAt = e.at;
          add(start, 'completed');
          if (e.at.getTime() <= dueAt(rules.completion[priority], start, cal).getTime() + pausedMs) add(start, 'completedInTime');
        } else if (e.action === 'close') {
          close = e;
          const kind = closeKind(!!e.after?.paid, !!e.after?.rework);
          if (kind) add(e.at, kind.closed);
        } else if (e.action === 'followed_up') followupDone(e);
      }
      // WO-07, PS-08: a follow-up done within its deadline (from the completion) counts for its close's month.
      function followupDone(e: Event) {
        const kind = close && closeKind(!!close.after?.paid, !!close.after?.rework);
        if (!close || !kind || !completedAt || e.at > dueAt(rules.followup, completedAt, cal)) return;
        add(close.at, kind.followed);
      }
    } else if (entity === 'case') {
      // IN-05, CP-01: due in the month of the reply deadline, met by a reply (or an answer on the spot) by then.
      const created = history.find((e) => e.action === 'create');
      if (!created) continue;
      const complaint = created.after?.category === 'complaint';
      const due = dueAt(rules.reply, created.at, cal);
      add(due, 'repliesDue');
      if (complaint) add(due, 'complaintRepliesDue');
      const replied = created.after?.answerNow ? created.at : history.find((e) => e.action === 'reply')?.at;
      if (replied && replied <= due) {
        add(due, 'repliedInTime');
        if (complaint) add(due, 'complaintRepliedInTime');
      }
    } else {
      // CP-01: each resolution makes a follow-up due; the follow-up counts when done by then.
      let due: Date | null = null;
      for (const e of history) {
        if (e.action === 'resolve') {
          due = dueAt(rules.complaintFollowup, e.at, cal);
          add(due, 'complaintFollowupsDue');
        } else if (e.action === 'followup') {
          if (e.after?.verdict) {
            add(e.at, 'complaintVerdicts');
            if (satisfied(e.after.verdict)) add(e.at, 'complaintSatisfied');
          }
          if (due && e.at <= due) add(due, 'complaintFollowedInTime');
          due = null;
        }
      }
    }
  }
  return out;
}

/** Rebuilds one project's rollup exactly from its events (every month it has, and zeroes the rest). */
export async function rebuildProjectKpis(db: Db, projectId: string): Promise<void> {
  const counts = await recountProject(db, projectId);
  await db.transaction(async (tx) => {
    const [p] = await tx.select({ companyId: projects.companyId }).from(projects).where(eq(projects.id, projectId)).for('update');
    await tx.update(kpiMonths).set(zeroCounts()).where(eq(kpiMonths.projectId, projectId));
    if (!counts.size) return;
    await tx
      .insert(kpiMonths)
      .values([...counts].map(([month, c]) => ({ projectId, companyId: p.companyId, month, ...c })))
      .onConflictDoUpdate({ target: [kpiMonths.projectId, kpiMonths.month], set: Object.fromEntries(KPI_COUNTERS.map((c) => [c, sql.raw(`excluded.${column(c)}`)])) });
  });
}

/** On start: a database whose rollup is still empty (before this table existed) gets it from its history. */
export async function rebuildKpisIfEmpty(db: Db): Promise<void> {
  const [{ rolled }] = await db.select({ rolled: sql<boolean>`exists (select 1 from kpi_months)` }).from(sql`(select 1) x`);
  if (rolled) return;
  const [{ events }] = await db.select({ events: sql<boolean>`exists (select 1 from audit_events where entity = 'work_order')` }).from(sql`(select 1) x`);
  if (!events) return;
  for (const { id } of await db.select({ id: projects.id }).from(projects)) await rebuildProjectKpis(db, id);
}
