// CP-02: the things that must never happen are detected and kept as flags — a repeat complaint from the
// same unit about the same issue, a request that came back as a complaint because it was not handled,
// a valid complaint about staff attitude, a request with no action by its deadline, and (RV-02) a
// return-visit record a supervisor found not genuine.
import { and, desc, eq, gte, inArray, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { COMPLAINT_MATTERS, type TFlag } from '../../../common/complaints';
import type { DbOrTx, Tx } from '../../platform/db';
import { deadlines } from '../deadlines/tables';
import { cases } from '../cases/tables';
import { workOrders } from '../workorders/tables';
import { complaints, deskFlags } from './tables';

export async function raiseFlag(tx: DbOrTx, f: { companyId: string; projectId: string; kind: TFlag['kind']; caseId: string; relatedCaseId?: string | null; note?: string; at: Date }) {
  await tx
    .insert(deskFlags)
    .values({ companyId: f.companyId, projectId: f.projectId, kind: f.kind, caseId: f.caseId, relatedCaseId: f.relatedCaseId ?? null, note: f.note ?? '', raisedAt: f.at })
    .onConflictDoNothing();
}

/** Flags a new complaint earns at once: a repeat of an earlier one, or an unhandled request come back. */
export async function flagsOnRegister(
  tx: Tx,
  c: typeof cases.$inferSelect,
  type: string,
  relatedCaseId: string | undefined,
  rules: { repeatComplaintDays: number; requestTurnedComplaintDays: number },
): Promise<void> {
  const sameCaller = c.unitId ? eq(cases.unitId, c.unitId) : eq(cases.callerPhone, c.callerPhone);
  const since = (days: number) => gte(cases.createdAt, new Date(c.createdAt.getTime() - days * 86_400_000));
  const [repeat] = await tx
    .select({ id: cases.id })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .where(and(eq(complaints.projectId, c.projectId), eq(complaints.type, type), sameCaller, ne(cases.id, c.id), since(rules.repeatComplaintDays)))
    .orderBy(desc(cases.createdAt))
    .limit(1);
  if (repeat) await raiseFlag(tx, { companyId: c.companyId, projectId: c.projectId, kind: 'repeat_complaint', caseId: c.id, relatedCaseId: repeat.id, at: c.createdAt });

  // The request named by the clerk, or a request of the same unit about the same matter (the complaint's
  // type) still unhandled or answered late.
  if (!relatedCaseId && !c.unitId) return;
  const matter = COMPLAINT_MATTERS[type as keyof typeof COMPLAINT_MATTERS];
  if (!relatedCaseId && !matter.categories.length) return;
  const late = sql`exists (select 1 from ${deadlines} d where d.entity_id = ${cases.id} and d.kind = 'reply' and (d.met_at > d.due_at or (d.met_at is null and d.due_at < ${c.createdAt.toISOString()}::timestamptz)))`;
  const [request] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.projectId, c.projectId),
        ne(cases.category, 'complaint'),
        ne(cases.id, c.id),
        relatedCaseId ? eq(cases.id, relatedCaseId) : and(eq(cases.unitId, c.unitId!), sameMatter(matter), since(rules.requestTurnedComplaintDays), or(eq(cases.status, 'open'), late)),
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(1);
  if (request) await raiseFlag(tx, { companyId: c.companyId, projectId: c.projectId, kind: 'request_turned_complaint', caseId: c.id, relatedCaseId: request.id, at: c.createdAt });
}

// The CP-02 "no action" flag is raised by the overdue sweep itself, in its one statement (deadlines/jobs.ts).

/** A request of the complaint's matter: its category, and for repairs and paid services the trade of its order. */
function sameMatter(matter: (typeof COMPLAINT_MATTERS)[keyof typeof COMPLAINT_MATTERS]): SQL {
  const category = inArray(cases.category, [...matter.categories]);
  if (!matter.trades) return category;
  const ordered = inArray(cases.category, ['repair', 'paid_service']);
  const trade = sql`exists (select 1 from ${workOrders} w where w.case_id = ${cases.id} and w.trade in (${sql.join(
    matter.trades.map((t) => sql`${t}`),
    sql`, `,
  )}))`;
  return and(category, or(not(ordered), trade))!;
}
