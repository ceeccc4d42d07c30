// QI-04, QI-05: a project's monthly KPIs and the company ranking, read from the monthly rollup
// (kpi_months, kept by the commands; see rollup.ts and facts.ts) — one row per project and month.
import { sql, type SQL } from 'drizzle-orm';
import type { TKpiRate, TProjectKpis } from '../../../common/desk';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, holdsCompanyWide, projectsWhere, type Principal } from '../../platform/policy';
import { column, KPI_COUNTERS, type KpiCounts } from './rollup';

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : 0);

/** WO-07: the free follow-up rate meets its target at 30 %; above that it adds nothing to the score. */
const FREE_FOLLOWUP_TARGET = 0.3;

export function ratesOf(c: KpiCounts): Record<TKpiRate, number> {
  const firstCloses = c.closedPaid + c.closedFree;
  return {
    dispatchRate: ratio(c.dispatchedInTime, c.repairCycles),
    sameDayDispatchRate: ratio(c.dispatchedSameDay, c.repairCycles),
    completionRate: ratio(c.completed, c.repairCycles),
    reworkRate: ratio(c.reworks, firstCloses),
    paidFollowupRate: ratio(c.followedPaid, c.closedPaid),
    freeFollowupRate: ratio(c.followedFree, c.closedFree),
    replyRate: ratio(c.repliedInTime, c.repliesDue),
    complaintReplyRate: ratio(c.complaintRepliedInTime, c.complaintRepliesDue),
    complaintFollowupRate: ratio(c.complaintFollowedInTime, c.complaintFollowupsDue),
  };
}

/** An even blend of six rates (rework counts against); the quality standard may weigh them later. */
function scoreOf(r: Record<TKpiRate, number>): number {
  const parts = [r.dispatchRate, r.completionRate, 1 - Math.min(1, r.reworkRate), r.paidFollowupRate, Math.min(1, r.freeFollowupRate / FREE_FOLLOWUP_TARGET), r.replyRate];
  return Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 1000) / 10;
}

const COLUMNS = KPI_COUNTERS.map((c) => [c, column(c)] as const);
const SELECTED = sql.raw(COLUMNS.map(([, col]) => `coalesce(k.${col}, 0)::int as ${col}`).join(', '));

async function kpis(db: DbOrTx, projectFilter: SQL, month: string): Promise<TProjectKpis[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select p.id as project_id, p.name as project_name, ${SELECTED}
      from projects p left join kpi_months k on k.project_id = p.id and k.month = ${month}
      where ${projectFilter}`),
  );
  return rows.map((r) => {
    const counts = Object.fromEntries(COLUMNS.map(([c, col]) => [c, Number(r[col])])) as KpiCounts;
    const rates = ratesOf(counts);
    return { projectId: String(r.project_id), projectName: String(r.project_name), month, counts, rates, score: scoreOf(rates) };
  });
}

export async function projectKpis(db: DbOrTx, p: Principal, projectId: string, month: string): Promise<TProjectKpis> {
  if (!can(p, 'project.read', projectId)) throw notFound();
  const [k] = await kpis(db, sql`p.id = ${projectId}::uuid`, month);
  if (!k) throw notFound();
  return k;
}

/** QI-04: the ranking of the projects the principal may see, best score first. */
export async function ranking(db: DbOrTx, p: Principal, month: string): Promise<TProjectKpis[]> {
  const ids = projectsWhere(p, 'project.read');
  if (!ids.length) return [];
  // A company-wide reader filters by the company; others by one array parameter, not a thousand literals.
  const filter = holdsCompanyWide(p, 'project.read') ? sql`p.company_id = ${p.companyId}::uuid` : sql`p.company_id = ${p.companyId}::uuid and p.id = any(${`{${ids.join(',')}}`}::uuid[])`;
  const all = await kpis(db, filter, month);
  return all.sort((a, b) => b.score - a.score || b.counts.repairCycles - a.counts.repairCycles);
}
