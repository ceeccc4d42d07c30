// QI-03: the items an inspection computes from the system's own data. A small registry: item code →
// a function of (db, principal, project, month) returning the count of non-conformities and the ids of
// the records that prove them. Domains that land later add their items here; the rest stay manual.
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import type { Principal } from '../../platform/policy';
import { archiveFigures } from '../archives/queries';
import { archives } from '../archives/tables';
import { deadlines } from '../deadlines/tables';
import { projectKpis } from '../kpi/queries';
import { projectTimezone } from '../org/queries';

export interface AutoFinding {
  count: number;
  records: string[];
}
export type AutoItem = (db: DbOrTx, p: Principal, projectId: string, month: string) => Promise<AutoFinding>;

const RECORDS_KEPT = 200;

/** AR-01: archives still incomplete past their due time at the month's end (same rule as the figures). */
async function overdueArchives(db: DbOrTx, p: Principal, projectId: string, month: string): Promise<AutoFinding> {
  const figures = await archiveFigures(db, p, projectId, month);
  const { to } = localMonth(month, await projectTimezone(db, projectId));
  const rows = await db
    .select({ id: archives.id })
    .from(archives)
    .innerJoin(deadlines, and(eq(deadlines.entityId, archives.id), eq(deadlines.kind, sql`'archive_' || ${archives.kind}`)))
    .where(
      and(
        eq(archives.projectId, projectId),
        isNull(archives.retiredAt),
        lt(archives.createdAt, to),
        lt(deadlines.dueAt, to),
        sql`(${archives.completedAt} is null or ${archives.completedAt} >= ${to.toISOString()}::timestamptz)`,
      ),
    )
    .limit(RECORDS_KEPT);
  return { count: figures.overdue, records: rows.map((r) => r.id) };
}

/** AR-02: missing documents of one archive kind, each a non-conformity (0.5 points, capped by the item). */
function missingDocuments(kind: 'owner' | 'tenant' | 'decoration'): AutoItem {
  return async (db, p, projectId, month) => {
    const figures = await archiveFigures(db, p, projectId, month);
    const { to } = localMonth(month, await projectTimezone(db, projectId));
    const rows = await db
      .select({ id: archives.id })
      .from(archives)
      .where(and(eq(archives.projectId, projectId), eq(archives.kind, kind), isNull(archives.retiredAt), lt(archives.createdAt, to), gt(archives.missingCount, 0)))
      .limit(RECORDS_KEPT);
    return { count: figures.byKind.find((k) => k.kind === kind)?.missingItems ?? 0, records: rows.map((r) => r.id) };
  };
}

/** WO-02, WO-07, IN-05, CP-01: shortfalls read from the month's KPI rollup. */
function kpiShortfall(pick: (c: Awaited<ReturnType<typeof projectKpis>>['counts']) => number): AutoItem {
  return async (db, p, projectId, month) => ({ count: Math.max(0, pick((await projectKpis(db, p, projectId, month)).counts)), records: [] });
}

export const AUTO_ITEMS: Record<string, AutoItem> = {
  'CS-04': overdueArchives,
  'CS-05': missingDocuments('owner'),
  'CS-06': missingDocuments('tenant'),
  'CS-07': missingDocuments('decoration'),
  'CS-14': kpiShortfall((c) => c.repairCycles - c.dispatchedSameDay),
  'CS-19': kpiShortfall((c) => c.closedPaid - c.followedPaid + (c.closedFree && c.followedFree / c.closedFree < 0.3 ? 1 : 0)),
  'CS-47': kpiShortfall((c) => c.repliesDue - c.repliedInTime),
  'CS-49': kpiShortfall((c) => c.complaintFollowupsDue - c.complaintFollowedInTime),
};

/** Computes every registered item the standard contains; items with nothing wrong yield no finding. */
export async function computeFindings(db: DbOrTx, p: Principal, projectId: string, month: string, itemCodes: string[]) {
  const codes = itemCodes.filter((c) => AUTO_ITEMS[c]);
  const results: ({ code: string } & AutoFinding)[] = [];
  for (const code of codes) results.push({ code, ...(await AUTO_ITEMS[code](db, p, projectId, month)) }); // one connection in a transaction
  return results.filter((r) => r.count > 0);
}
