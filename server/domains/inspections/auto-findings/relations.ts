// QI-03 from customer relations (CR-01..CR-04), read from the month's relations figures: key customers
// visited every quarter and the list reviewed, the monthly visits of the manager and the CS supervisor,
// the housekeepers' plans and full coverage, the year's coverage by role and level, activities and articles.
import { sql } from 'drizzle-orm';
import { recordRef } from '../../../../common/inspection-records';
import { relationFigures } from '../../relations/figures';
import { localQuarter, quarterOfMonth } from '../../relations/periods';
import { counted, finding, RECORDS_KEPT, refs, type AutoContext, type AutoItem } from './context';

const figures = (c: AutoContext) => c.once('relations', () => relationFigures(c.db, c.p, c.projectId, c.month, c.now));

/** CR-01 (CS-41): at the quarter's end, each key customer not visited in it, and the quarter's list review if missing. */
const keyCustomers: AutoItem = {
  access: 'relations.read',
  async compute(c) {
    const f = await figures(c);
    const { tz, T, lastDay } = await c.range();
    const quarter = quarterOfMonth(c.month);
    const q = localQuarter(quarter, tz);
    const quarterOver = c.now >= q.to && (await c.range()).to >= q.to;
    if (!quarterOver) return finding(0);
    const r = counted(
      await c.db.execute(sql`
        select k.id, count(*) over ()::int as n from key_customers k
         where k.project_id = ${c.projectId} and k.created_at < ${T}::timestamptz and (k.retired_at is null or k.retired_at >= ${T}::timestamptz)
           and not exists (select 1 from visits v where v.project_id = k.project_id and v.visited_on >= ${q.firstDay}::date and v.visited_on <= ${lastDay}::date
                             and (v.key_customer_id = k.id or (k.customer_id is not null and v.customer_id = k.customer_id)))
         order by k.created_at limit ${RECORDS_KEPT}`),
    );
    const review = f.keyCustomers.reviewDone ? [] : [recordRef('key_review_missing', quarter)];
    return finding(f.keyCustomers.overdue + review.length, review, refs('key_customer', r.ids));
  },
};

/** CR-02 (CS-42): the project manager visits at least 3 different customers a month, the CS supervisor 10. */
const monthlyVisits: AutoItem = {
  access: 'relations.read',
  async compute(c) {
    const short = (await figures(c)).monthlyMinimums.filter((m) => m.short);
    return finding(short.length, refs('visitor', short.map((m) => m.userId)));
  },
};

/** CR-02 (CS-43): every housekeeper plans the month's visits; every household visited within the full-coverage window. */
const plansAndCoverage: AutoItem = {
  access: 'relations.read',
  async compute(c) {
    const f = await figures(c);
    const r = counted(
      await c.db.execute(sql`
        select distinct ur.user_id as id, count(*) over ()::int as n
          from user_roles ur join users us on us.id = ur.user_id
         where ur.project_id = ${c.projectId} and ur.role = 'housekeeper' and us.active
           and not exists (select 1 from visit_plans pl where pl.project_id = ${c.projectId} and pl.month = ${c.month} and pl.staff_id = ur.user_id)
         limit ${RECORDS_KEPT}`),
    );
    const full = f.fullCoverage.short ? [recordRef('coverage_short', 'full')] : [];
    return finding(f.plans.keepersWithoutPlan + full.length, full, refs('visitor', r.ids));
  },
};

/** CR-03 (CS-45): the year's coverage by role against the service level's targets (pro rata to the month). */
const yearCoverage: AutoItem = {
  access: 'relations.read',
  async compute(c) {
    const y = (await figures(c)).yearCoverage;
    const short = (Object.keys(y) as (keyof typeof y)[]).filter((role) => y[role].short);
    return finding(short.length, refs('coverage_short', short));
  },
};

/** CR-04 (CS-40): at least 2 articles a month; the year's activities and plant-room visits on course for the minimum. */
const activities: AutoItem = {
  access: 'relations.read',
  async compute(c) {
    const f = await figures(c);
    const out = [...(f.articles.short ? [recordRef('articles_short', c.month)] : []), ...(f.activities.short ? [recordRef('activities_short', String(f.activities.year))] : [])];
    return finding(out.length, out);
  },
};

export const RELATION_ITEMS: Record<string, AutoItem> = {
  'CS-40': activities,
  'CS-41': keyCustomers,
  'CS-42': monthlyVisits,
  'CS-43': plansAndCoverage,
  'CS-45': yearCoverage,
};
