// QI-05: repair KPIs per project and month — same-day dispatch (WO-02), completion, rework (WO-09) and
// follow-up (WO-07) rates — computed from the orders themselves, and the company ranking by score.
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { TProjectKpis } from '../../../common/desk';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, projectsWhere, type Principal } from '../../platform/policy';

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : 0);

/** An even blend of the four rates (rework counts against); the quality standard may weigh them later. */
const scoreOf = (k: Omit<TProjectKpis, 'score'>) => Math.round(((k.sameDayDispatchRate + k.completionRate + (1 - k.reworkRate) + k.followupRate) / 4) * 1000) / 10;

async function kpis(db: DbOrTx, projectFilter: SQL, month: string): Promise<TProjectKpis[]> {
  // Months and days are the project's own (its timezone); the order index on (project_id, reported_at) serves the range.
  const res = await db.execute(sql`
    select p.id as project_id, p.name as project_name,
      count(w.id)::int as reported,
      count(w.id) filter (where (w.dispatched_at at time zone p.timezone)::date = (w.reported_at at time zone p.timezone)::date)::int as dispatched_same_day,
      count(w.id) filter (where w.completed_at is not null)::int as completed,
      count(w.id) filter (where w.rework_count > 0)::int as reworked,
      count(w.id) filter (where w.status in ('closed', 'followed_up'))::int as closed,
      count(w.id) filter (where w.followup_selected)::int as followup_selected
    from projects p
    left join work_orders w on w.project_id = p.id
      and w.reported_at >= (${month + '-01'}::date)::timestamp at time zone p.timezone
      and w.reported_at < ((${month + '-01'}::date + interval '1 month')::timestamp at time zone p.timezone)
    where ${projectFilter}
    group by p.id, p.name`);
  const rows = rowsOf(res);
  return rows.map((r) => {
    const n = (k: string) => Number(r[k]);
    const k = {
      projectId: String(r.project_id),
      projectName: String(r.project_name),
      month,
      reported: n('reported'),
      dispatchedSameDay: n('dispatched_same_day'),
      completed: n('completed'),
      reworked: n('reworked'),
      closed: n('closed'),
      followupSelected: n('followup_selected'),
      sameDayDispatchRate: ratio(n('dispatched_same_day'), n('reported')),
      completionRate: ratio(n('completed'), n('reported')),
      reworkRate: ratio(n('reworked'), n('completed')),
      followupRate: ratio(n('followup_selected'), n('closed')),
    };
    return { ...k, score: scoreOf(k) };
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
  const all = await kpis(db, sql`p.company_id = ${p.companyId}::uuid and ${inArray(sql`p.id`, ids)}`, month);
  return all.sort((a, b) => b.score - a.score || b.reported - a.reported);
}
