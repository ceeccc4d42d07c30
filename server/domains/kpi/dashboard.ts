// QI-05: every KPI of the catalogue per project and for the company, for the 12 months ending with the
// chosen one, each with its target. The desk figures come from the monthly rollup (kpi_months, kept by
// the writes); visit coverage (CR-03), the fee collection rate and the facility failure rate (PT-03) are
// read from their own records in one grouped query each — the same definitions as the relations and
// patrols domains' monthly figures (a test holds them equal). Five statements whatever the number of
// projects or months.
import { sql } from 'drizzle-orm';
import { DEFAULT_KPI_TARGETS, QI05_KPIS, type TKpiDashboard, type TKpiMonth, type TKpiPoint, type TKpiTargets, type TQi05Kpi } from '../../../common/desk';
import { defaultTargets, type TRelationTargets } from '../../../common/relations';
import { RATING_SCORE } from '../../../common/surveys';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { projectsWhere, type Principal } from '../../platform/policy';
import { DEFAULT_DESK_RULES, type DeskRules } from '../deadlines/rules';
import { column, KPI_COUNTERS, type KpiCounts } from './rollup';
import { zeroCounts } from './recount';

/** The 12 months ending with `month`, oldest first. */
export function monthsEnding(month: string, n = 12): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
export const point = (num: number, den: number, target: number | null): TKpiPoint => ({ num, den, value: den ? round4(num / den) : null, target });

/** The raw figures a month's KPIs are made of (beside the rollup's counters). */
export interface MonthFigures {
  counts: KpiCounts;
  /** CR-03: distinct units visited by housekeepers from 1 January to the month's end, and the households */
  keeperVisited: number;
  households: number;
  /** fees agreed on paid orders first completed in the month, and what valid receipts collected of them (yuan) */
  feeDue: number;
  feeCollected: number;
  /** PT-03: failed checks in the month, equipment in service during it */
  failures: number;
  equipment: number;
  /** SV-01..SV-04: the surveys domain's satisfaction index for the month; null until surveys land */
  surveySatisfaction: number | null;
}

export interface ProjectTargets {
  kpi: TKpiTargets;
  freeFollowup: number;
  keeperYear: number;
}

/** QI-05: the month's KPIs from its figures and the project's targets. */
export function kpisOf(month: string, f: MonthFigures, t: ProjectTargets): TKpiMonth {
  const c = f.counts;
  const monthNo = Number(month.slice(5, 7));
  const kpis: Record<TQi05Kpi, TKpiPoint> = {
    complaintTimeliness: point(c.complaintRepliedInTime + c.complaintFollowedInTime, c.complaintRepliesDue + c.complaintFollowupsDue, t.kpi.complaintTimeliness),
    complaintSatisfaction: point(c.complaintSatisfied, c.complaintVerdicts, null),
    repairTimeliness: point(c.completedInTime, c.repairCycles, null),
    reworkRate: point(c.reworks, c.closedPaid + c.closedFree, null),
    sameDayDispatch: point(c.dispatchedInTime, c.repairCycles, t.kpi.sameDayDispatch),
    paidFollowup: point(c.followedPaid, c.closedPaid, t.kpi.paidFollowup),
    freeFollowup: point(c.followedFree, c.closedFree, t.freeFollowup),
    // CR-03: the year's coverage target pro rata to the month (the whole target by December)
    visitCoverage: point(f.keeperVisited, f.households, round4((t.keeperYear * monthNo) / 12)),
    feeCollection: point(f.feeCollected, f.feeDue, t.kpi.feeCollection),
    ownerSatisfaction: point(c.visitsSatisfied, c.visitVerdicts, t.kpi.ownerSatisfaction),
    facilityFailure: point(f.failures, f.equipment, t.kpi.facilityFailure),
  };
  // SV-01..SV-04: once the surveys domain reports an index for the month, it is the owner satisfaction.
  if (f.surveySatisfaction !== null) kpis.ownerSatisfaction = { ...kpis.ownerSatisfaction, value: f.surveySatisfaction };
  return { month, kpis, surveySatisfaction: f.surveySatisfaction };
}

/** The company's month: Σnum / Σden of its projects, each target weighted by its denominator. */
export function companyMonth(month: string, projects: TKpiMonth[]): TKpiMonth {
  const kpis = Object.fromEntries(
    QI05_KPIS.map((k) => {
      const pts = projects.map((p) => p.kpis[k]);
      const num = pts.reduce((a, p) => a + p.num, 0);
      const den = pts.reduce((a, p) => a + p.den, 0);
      const targeted = pts.filter((p) => p.target !== null);
      const weight = targeted.reduce((a, p) => a + p.den, 0);
      const target = !targeted.length ? null : weight ? round4(targeted.reduce((a, p) => a + p.target! * p.den, 0) / weight) : round4(targeted.reduce((a, p) => a + p.target!, 0) / targeted.length);
      return [k, point(Math.round(num * 100) / 100, Math.round(den * 100) / 100, target)];
    }),
  ) as Record<TQi05Kpi, TKpiPoint>;
  return { month, kpis, surveySatisfaction: null };
}

const key = (projectId: string, month: string) => `${projectId}|${month}`;

/**
 * SV-01..SV-04: the satisfaction index per project and month — the latest survey opened by the month's
 * end, over its answers given by then, forged ones left out (the rule of the surveys domain's figures) —
 * as a ratio (index 93.5 → 0.935). One statement for every project and month.
 */
export async function surveySatisfactionOf(db: DbOrTx, projectIds: string[], months: string[]): Promise<Map<string, number>> {
  const score = sql.raw(`case r->>'rating' ${Object.entries(RATING_SCORE).map(([k, v]) => `when '${k}' then ${v}`).join(' ')} end`);
  const rows = rowsOf<{ project_id: string; month: string; idx: string | null }>(
    await db.execute(sql`
      select p.id as project_id, m.month,
             (select round(avg(${score}), 1) from survey_answers a cross join jsonb_array_elements(a.ratings) r
               where a.survey_id = s.id and not a.forged
                 and a.answered_at < (((m.month || '-01')::date + interval '1 month')::timestamp at time zone p.timezone)) as idx
        from projects p cross join unnest(${`{${months.join(',')}}`}::text[]) as m(month)
        cross join lateral (
          select s.id from surveys s
           where s.project_id = p.id and s.opens_on < (m.month || '-01')::date + interval '1 month'
           order by s.opens_on desc, s.created_at desc limit 1) s
       where p.id = any(${`{${projectIds.join(',')}}`}::uuid[])`),
  );
  return new Map(rows.filter((r) => r.idx !== null).map((r) => [key(r.project_id, r.month), Number(r.idx) / 100]));
}

/** The raw figures of every (project, month), in five statements. */
export async function monthFigures(db: DbOrTx, projectIds: string[], months: string[]): Promise<Map<string, MonthFigures>> {
  const ids = `{${projectIds.join(',')}}`;
  const ms = `{${months.join(',')}}`;
  const cols = KPI_COUNTERS.map((c) => `k.${column(c)}`).join(', ');
  const [rollup, visits, fees, facility, surveys] = await Promise.all([
    db.execute(sql`select k.project_id, k.month, ${sql.raw(cols)} from kpi_months k where k.project_id = any(${ids}::uuid[]) and k.month = any(${ms}::text[])`),
    // CR-03 (relations figures): housekeepers' distinct units from 1 January to the month's end; the
    // households are the units with a current owner or tenant (every unit when none is registered).
    db.execute(sql`
      select p.id as project_id, m.month,
             (select count(distinct v.unit_id) from visits v
               where v.project_id = p.id and v.visitor_role = 'housekeeper'
                 and v.visited_on >= (left(m.month, 4) || '-01-01')::date
                 and v.visited_on < ((m.month || '-01')::date + interval '1 month')::date)::int as visited,
             (select case when count(*) filter (where exists (select 1 from customer_units cu where cu.unit_id = u.id and cu.ended_at is null)) > 0
                     then count(*) filter (where exists (select 1 from customer_units cu where cu.unit_id = u.id and cu.ended_at is null))
                     else count(*) end from units u where u.project_id = p.id)::int as households
        from projects p cross join unnest(${ms}::text[]) as m(month)
       where p.id = any(${ids}::uuid[])`),
    // Fee collection, until a fee module exists: the paid services' agreed fees by the month the order was
    // first completed (from its events), against the valid (not voided) receipts issued for them.
    db.execute(sql`
      select po.project_id, to_char(fc.at at time zone p.timezone, 'YYYY-MM') as month,
             sum(po.fee)::float8 as due, sum(coalesce(r.amount, 0))::float8 as collected
        from paid_orders po
        join projects p on p.id = po.project_id
        cross join lateral (select min(a.at) as at from audit_events a where a.entity = 'work_order' and a.entity_id = po.order_id::text and a.action = 'complete') fc
        left join lateral (select sum(r.amount) as amount from paid_receipts r where r.order_id = po.order_id and r.voided_at is null) r on true
       where po.project_id = any(${ids}::uuid[]) and fc.at is not null
         and to_char(fc.at at time zone p.timezone, 'YYYY-MM') = any(${ms}::text[])
       group by 1, 2`),
    // PT-03 (patrols figures): failed checks in the month over the equipment in service during it.
    db.execute(sql`
      select p.id as project_id, m.month,
             (select count(*) from facility_checks c where c.project_id = p.id and c.result = 'fail'
                 and c.checked_at >= ((m.month || '-01')::timestamp at time zone p.timezone)
                 and c.checked_at < (((m.month || '-01')::date + interval '1 month')::timestamp at time zone p.timezone))::int as failures,
             (select count(*) from equipment e where e.project_id = p.id
                 and e.created_at < (((m.month || '-01')::date + interval '1 month')::timestamp at time zone p.timezone)
                 and (e.retired_at is null or e.retired_at >= ((m.month || '-01')::timestamp at time zone p.timezone)))::int as equipment
        from projects p cross join unnest(${ms}::text[]) as m(month)
       where p.id = any(${ids}::uuid[])`),
    surveySatisfactionOf(db, projectIds, months),
  ]);
  const out = new Map<string, MonthFigures>();
  for (const pid of projectIds)
    for (const m of months) out.set(key(pid, m), { counts: zeroCounts(), keeperVisited: 0, households: 0, feeDue: 0, feeCollected: 0, failures: 0, equipment: 0, surveySatisfaction: surveys.get(key(pid, m)) ?? null });
  const at = (r: Record<string, unknown>) => out.get(key(String(r.project_id), String(r.month)));
  for (const r of rowsOf<Record<string, unknown>>(rollup)) {
    const f = at(r);
    if (f) f.counts = Object.fromEntries(KPI_COUNTERS.map((c) => [c, Number(r[column(c)])])) as KpiCounts;
  }
  for (const r of rowsOf<Record<string, unknown>>(visits)) Object.assign(at(r) ?? {}, { keeperVisited: Number(r.visited), households: Number(r.households) });
  for (const r of rowsOf<Record<string, unknown>>(fees)) Object.assign(at(r) ?? {}, { feeDue: Number(r.due), feeCollected: Number(r.collected) });
  for (const r of rowsOf<Record<string, unknown>>(facility)) Object.assign(at(r) ?? {}, { failures: Number(r.failures), equipment: Number(r.equipment) });
  return out;
}

/** Each project's targets: its desk rules' KPI targets and free follow-up rate, its relations settings' coverage. */
export async function projectTargets(db: DbOrTx, projectIds: string[]): Promise<Map<string, ProjectTargets & { name: string }>> {
  const rows = rowsOf<{ id: string; name: string; service_level: number; type: string; rules: Partial<DeskRules> | null; targets: Partial<TRelationTargets> | null }>(
    await db.execute(sql`
      select p.id, p.name, p.service_level, p.type, dr.rules, rs.targets
        from projects p left join desk_rules dr on dr.project_id = p.id left join relation_settings rs on rs.project_id = p.id
       where p.id = any(${`{${projectIds.join(',')}}`}::uuid[])
       order by p.name`),
  );
  return new Map(
    rows.map((r) => {
      const rules = { ...DEFAULT_DESK_RULES, ...(r.rules ?? {}) };
      const rel = { ...defaultTargets(r.service_level, r.type), ...(r.targets ?? {}) };
      return [r.id, { name: r.name, kpi: { ...DEFAULT_KPI_TARGETS, ...(rules.kpiTargets ?? {}) }, freeFollowup: rules.followupSampleRate, keeperYear: rel.housekeeperYear }];
    }),
  );
}

/** QI-05: the dashboard of the projects the principal may see, for the 12 months ending with `month`. */
export async function kpiDashboard(db: DbOrTx, p: Principal, month: string): Promise<TKpiDashboard> {
  const months = monthsEnding(month);
  const ids = projectsWhere(p, 'project.read');
  if (!ids.length) return { month, months, projects: [], company: months.map((m) => companyMonth(m, [])) };
  const [targets, figures] = await Promise.all([projectTargets(db, ids), monthFigures(db, ids, months)]);
  const projects = [...targets].map(([projectId, t]) => ({ projectId, projectName: t.name, months: months.map((m) => kpisOf(m, figures.get(key(projectId, m))!, t)) }));
  return { month, months, projects, company: months.map((m, i) => companyMonth(m, projects.map((x) => x.months[i]))) };
}
