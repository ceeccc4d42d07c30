// The one query per project and month the quality inspection reads (CR-01..CR-04): visit coverage by role
// against the year's targets, the full-coverage window, the monthly minimums per person, plans, key
// customers of the quarter with overdue visits and reviews, activities against the year's minimum, articles.
import { sql } from 'drizzle-orm';
import type { TRelationFigures, TVisitorRole } from '../../../common/relations';
import { localMonth, toLocal } from '../../platform/clock';
import { rowsOf, type DbOrTx } from '../../platform/db';
import type { Principal } from '../../platform/policy';
import { projectTimezone } from '../org/queries';
import { localQuarter, monthsBack, quarterOfMonth } from './periods';
import { readable } from './queries';
import { settingsOf } from './settings';

const share = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : 0);

export async function relationFigures(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<TRelationFigures> {
  readable(p, projectId);
  const tz = await projectTimezone(db, projectId);
  const s = await settingsOf(db, projectId);
  const t = s.targets;
  const m = localMonth(month, tz);
  const year = Number(month.slice(0, 4));
  const monthNo = Number(month.slice(5, 7));
  const yearStart = `${year}-01-01`;
  const windowStart = `${monthsBack(month, t.fullCoverageMonths - 1)}-01`;
  const quarter = quarterOfMonth(month);
  const q = localQuarter(quarter, tz);
  const monthEnded = now >= m.to;
  const today = toLocal(now, tz).date;
  // The figures stand as of the month's end, or today while the month runs.
  const asOf = monthEnded ? m.lastDay : today < m.firstDay ? m.firstDay : today;

  // CR-01: quarters of the year already over (by the month's end) must each have their review.
  const cutoff = monthEnded ? m.to : now;
  const endedQuarters = [1, 2, 3, 4].map((n) => `${year}-Q${n}`).filter((qt) => localQuarter(qt, tz).to <= cutoff);
  const mTo = m.to.toISOString();

  const [x] = rowsOf<Record<string, number>>(
    await db.execute(sql`
    with u as (
      -- CR-03: the households to visit: units with a current owner or tenant (all units when none are registered)
      select count(*) filter (where exists (select 1 from customer_units cu where cu.unit_id = units.id and cu.ended_at is null))::int as occupied,
             count(*)::int as total
        from units where project_id = ${projectId}
    ),
    v as (select * from visits where project_id = ${projectId} and visited_on >= least(${yearStart}::date, ${windowStart}::date, ${q.firstDay}::date) and visited_on <= ${m.lastDay}::date),
    k as (select * from key_customers k where k.project_id = ${projectId} and k.created_at < ${mTo}::timestamptz and (k.retired_at is null or k.retired_at >= ${mTo}::timestamptz)),
    a as (select * from community_activities where project_id = ${projectId} and year = ${year})
    select (select occupied from u) as occupied, (select total from u) as total,
      (select count(*) from v where visited_on >= ${m.firstDay}::date)::int as "inMonth",
      (select count(*) from v where visited_on >= ${m.firstDay}::date and mode = 'face')::int as "faceInMonth",
      (select count(distinct unit_id) from v where visited_on >= ${yearStart}::date and visitor_role = 'housekeeper')::int as housekeeper,
      (select count(distinct unit_id) from v where visited_on >= ${yearStart}::date and visitor_role = 'cs_supervisor')::int as cs_supervisor,
      (select count(distinct unit_id) from v where visited_on >= ${yearStart}::date and visitor_role = 'project_manager')::int as project_manager,
      (select count(distinct unit_id) from v where visited_on >= ${windowStart}::date)::int as "window",
      (select coalesce(sum(jsonb_array_length(unit_ids)), 0) from visit_plans where project_id = ${projectId} and month = ${month})::int as planned,
      (select count(*) from visit_plans pl cross join lateral jsonb_array_elements_text(pl.unit_ids) pu(unit_id)
        where pl.project_id = ${projectId} and pl.month = ${month}
          and exists (select 1 from v where v.visitor_id = pl.staff_id and v.unit_id::text = pu.unit_id and v.visited_on >= ${m.firstDay}::date))::int as "planDone",
      (select count(distinct ur.user_id) from user_roles ur join users us on us.id = ur.user_id
        where ur.project_id = ${projectId} and ur.role = 'housekeeper' and us.active
          and not exists (select 1 from visit_plans pl where pl.project_id = ${projectId} and pl.month = ${month} and pl.staff_id = ur.user_id))::int as "keepersWithoutPlan",
      (select count(*) from k)::int as "keyListed",
      (select count(*) from k where exists (select 1 from v where v.visited_on >= ${q.firstDay}::date
          and (v.key_customer_id = k.id or (k.customer_id is not null and v.customer_id = k.customer_id))))::int as "keyVisited",
      (select count(*) from key_customer_reviews r where r.project_id = ${projectId} and r.quarter = ${quarter})::int as "reviewDone",
      (select count(*) from key_customer_reviews r where r.project_id = ${projectId} and r.quarter = any(${`{${endedQuarters.join(',')}}`}::text[]))::int as "reviewsOfEnded",
      (select count(*) from a where kind = 'activity' and held_on <= ${asOf}::date)::int as held,
      (select count(*) from a where kind = 'plant_room' and held_on <= ${asOf}::date)::int as "plantHeld",
      (select count(*) from a where kind = 'activity' and held_on is null and planned_on > ${asOf}::date)::int as "plannedAhead",
      (select count(*) from a where kind = 'plant_room' and held_on is null and planned_on > ${asOf}::date)::int as "plantPlannedAhead",
      (select count(*) from magazine_articles where project_id = ${projectId} and month = ${month})::int as articles`),
  );
  // CR-02: different customers (a unit without a named customer counts as its household) per manager and CS supervisor.
  const people = rowsOf<{ userId: string; name: string; role: TVisitorRole; customers: number }>(
    await db.execute(sql`
      select us.id as "userId", us.display_name as name, ur.role,
             (select count(distinct coalesce(v.customer_id::text, v.unit_id::text)) from visits v
               where v.project_id = ${projectId} and v.visitor_id = us.id and v.visited_on >= ${m.firstDay}::date and v.visited_on <= ${m.lastDay}::date)::int as customers
        from user_roles ur join users us on us.id = ur.user_id
       where ur.project_id = ${projectId} and ur.role in ('project_manager', 'cs_supervisor') and us.active
       order by ur.role desc, us.username`),
  );

  const households = x.occupied > 0 ? x.occupied : x.total;
  // CR-03: the year's target pro rata to the month (the full target by December), so a shortfall shows while it can be caught up.
  const pace = monthNo / 12;
  const coverage = (visited: number, target: number) => ({ visited, target, share: share(visited, households), short: share(visited, households) < target * pace });
  const quarterOver = now >= q.to && m.to >= q.to;
  const keyNotVisited = x.keyListed - x.keyVisited;
  const yearOver = monthNo === 12;
  const activityShort = (held: number, ahead: number, min: number) => (yearOver ? held < min : held + ahead < min);
  return {
    projectId,
    month,
    serviceLevel: s.serviceLevel,
    units: households,
    visitsInMonth: x.inMonth,
    faceShare: share(x.faceInMonth, x.inMonth),
    yearCoverage: {
      housekeeper: coverage(x.housekeeper, t.housekeeperYear),
      cs_supervisor: coverage(x.cs_supervisor, t.supervisorYear),
      project_manager: coverage(x.project_manager, t.managerYear),
    },
    fullCoverage: { months: t.fullCoverageMonths, visited: x.window, target: 1, share: share(x.window, households), short: x.window < households },
    monthlyMinimums: people.map((r) => {
      const minimum = r.role === 'project_manager' ? t.managerMonthly : t.supervisorMonthly;
      return { ...r, minimum, short: r.customers < minimum };
    }),
    plans: { planned: x.planned, done: x.planDone, keepersWithoutPlan: x.keepersWithoutPlan },
    keyCustomers: {
      quarter,
      listed: x.keyListed,
      visited: x.keyVisited,
      notVisited: keyNotVisited,
      // CR-01: every key customer visited every quarter — missed ones are overdue once the quarter is over
      overdue: quarterOver ? keyNotVisited : 0,
      reviewDone: x.reviewDone > 0,
      reviewOverdue: endedQuarters.length - x.reviewsOfEnded,
    },
    activities: {
      year,
      held: x.held,
      minimum: t.activitiesYear,
      plantRoomHeld: x.plantHeld,
      plantRoomMinimum: t.plantRoomYear,
      planned: x.plannedAhead + x.plantPlannedAhead,
      short: activityShort(x.held, x.plannedAhead, t.activitiesYear) || activityShort(x.plantHeld, x.plantPlannedAhead, t.plantRoomYear),
    },
    articles: { sent: x.articles, minimum: t.articlesMonth, short: x.articles < t.articlesMonth },
  };
}
