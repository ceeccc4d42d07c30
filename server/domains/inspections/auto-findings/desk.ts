// QI-03 from the service desk: the month's KPI rollup (WO-02, WO-07, PS-08, IN-05, CP-01) with the
// orders, cases and complaints behind each shortfall; the CP-02 flags; the RV-02 supervision ratios;
// the FAQ's 6-month review (IN-06) and the cash hand-overs (PS-07).
import { sql } from 'drizzle-orm';
import { listFlags } from '../../complaints/queries';
import { supervision } from '../../followups/supervision';
import { projectKpis } from '../../kpi/queries';
import { toLocal } from '../../../platform/clock';
import { rowsOf } from '../../../platform/db';
import { counted, finding, RECORDS_KEPT, refs, type AutoContext, type AutoItem } from './context';

const kpis = (c: AutoContext) => c.once('kpis', async () => (await projectKpis(c.db, c.p, c.projectId, c.month)).counts);

/** WO-02: cycles started in the month (a report or a rework) whose first dispatch was not on the same local day. */
async function lateDispatches(c: AutoContext) {
  const { F, T, tz } = await c.range();
  return counted(
    await c.db.execute(sql`
      select s.entity_id as id, count(*) over ()::int as n
        from audit_events s
       where s.company_id = ${c.p.companyId} and s.at >= ${F}::timestamptz and s.at < ${T}::timestamptz
         and s.project_id = ${c.projectId} and s.entity = 'work_order' and s.action in ('create', 'rework')
         and not exists (
           select 1 from audit_events d
            where d.entity = 'work_order' and d.entity_id = s.entity_id and d.id > s.id and d.action = 'dispatch'
              and (d.at at time zone ${tz})::date = (s.at at time zone ${tz})::date
              and not exists (select 1 from audit_events r where r.entity = 'work_order' and r.entity_id = s.entity_id and r.id > s.id and r.id < d.id and r.action = 'rework'))
       order by s.id limit ${RECORDS_KEPT}`),
  );
}

/** WO-07: follow-ups of free repairs due in the month (3 days after completion) and not done by then. */
async function lateFollowups(c: AutoContext, paid: boolean) {
  const { F, C } = await c.range();
  return counted(
    await c.db.execute(sql`
      select w.id, count(*) over ()::int as n
        from work_orders w join deadlines d on d.entity_id = w.id and d.kind = 'followup'
       where w.project_id = ${c.projectId} and w.paid = ${paid} and d.due_at >= ${F}::timestamptz and d.due_at < ${C}::timestamptz
         and (d.met_at is null or d.met_at > d.due_at)
       order by d.due_at limit ${RECORDS_KEPT}`),
  );
}

/** WO-02, WO-07 (CS-14): not dispatched the same day, and free repairs not followed up within 3 days of completion. */
const dispatchAndFollowup: AutoItem = {
  access: 'project.read',
  async compute(c) {
    const k = await kpis(c);
    const late = await lateDispatches(c);
    const followups = await lateFollowups(c, false);
    return finding(k.repairCycles - k.dispatchedSameDay + followups.n, refs('order', new Set([...late.ids, ...followups.ids])));
  },
};

/** PS-08, WO-07 (CS-19): every paid order closed in the month followed up within 3 days; free repairs at least 30 %. */
const followupRates: AutoItem = {
  access: 'project.read',
  async compute(c) {
    const k = await kpis(c);
    const { F, T } = await c.range();
    const paid = counted(
      await c.db.execute(sql`
        select w.id, count(*) over ()::int as n
          from work_orders w left join deadlines d on d.entity_id = w.id and d.kind = 'followup'
         where w.project_id = ${c.projectId} and w.status = 'closed' and w.paid and w.rework_count = 0
           and w.closed_at >= ${F}::timestamptz and w.closed_at < ${T}::timestamptz
           and (d.met_at is null or d.met_at > d.due_at)
         order by w.closed_at limit ${RECORDS_KEPT}`),
    );
    const freeShort = k.closedFree > 0 && k.followedFree / k.closedFree < 0.3 ? 1 : 0;
    return finding(k.closedPaid - k.followedPaid + freeShort, refs('order', paid.ids));
  },
};

/** IN-05 (CS-47): cases whose 24 h reply fell due in the month and came late or never. */
const replies: AutoItem = {
  access: 'project.read',
  async compute(c) {
    const k = await kpis(c);
    const { F, T, C } = await c.range();
    const late = counted(
      await c.db.execute(sql`
        select k.id, count(*) over ()::int as n
          from cases k join deadlines d on d.entity_id = k.id and d.kind = 'reply'
         where k.project_id = ${c.projectId} and k.created_at >= ${F}::timestamptz - interval '7 days' and k.created_at < ${T}::timestamptz
           and d.due_at >= ${F}::timestamptz and d.due_at < ${C}::timestamptz and (d.met_at is null or d.met_at > d.due_at)
         order by d.due_at limit ${RECORDS_KEPT}`),
    );
    return finding(k.repliesDue - k.repliedInTime, refs('case', late.ids));
  },
};

/** CP-01 (CS-49): complaints whose follow-up (a week after the resolution) fell due in the month and came late or never. */
const complaintFollowups: AutoItem = {
  access: 'project.read',
  async compute(c) {
    const k = await kpis(c);
    const { F, C } = await c.range();
    const late = counted(
      await c.db.execute(sql`
        select k.id, count(*) over ()::int as n
          from complaints k join deadlines d on d.entity_id = k.id and d.kind = 'cp_followup'
         where k.project_id = ${c.projectId} and d.due_at >= ${F}::timestamptz and d.due_at < ${C}::timestamptz and (d.met_at is null or d.met_at > d.due_at)
         order by d.due_at limit ${RECORDS_KEPT}`),
    );
    return finding(k.complaintFollowupsDue - k.complaintFollowedInTime, refs('complaint', late.ids));
  },
};

/** CP-02 (CS-48): the month's flags the standard forbids — attitude, no action, repeat complaint, a request turned complaint. */
const FORBIDDEN_FLAGS = ['valid_attitude', 'no_action', 'repeat_complaint', 'request_turned_complaint'] as const;
const forbiddenFlags: AutoItem = {
  access: 'case.read',
  async compute(c) {
    const f = await listFlags(c.db, c.p, c.projectId, c.month);
    const items = f.items.filter((x) => (FORBIDDEN_FLAGS as readonly string[]).includes(x.kind));
    return finding(
      FORBIDDEN_FLAGS.reduce((n, k) => n + (f.counts[k] ?? 0), 0),
      refs('case', new Set(items.map((x) => x.caseId))),
    );
  },
};

/** RV-02 (CS-44): each level (CS supervisor 30 %, manager 10 %) whose checks fell short of its ratio of the month's visits. */
const supervisionRatios: AutoItem = {
  access: 'audit.read',
  async compute(c) {
    const s = await supervision(c.db, c.p, { projectId: c.projectId, month: c.month });
    const short = s.ratios.filter((r) => r.visits > 0 && r.achieved < r.target);
    const open = s.items.filter((i) => !i.checkedAt && short.some((r) => r.level === i.level)).map((i) => i.id);
    return finding(short.length, refs('supervision', open));
  },
};

/** IN-06 (CS-57): FAQ entries in use at the month's end and not reviewed in the 6 months before it. */
const staleFaq: AutoItem = {
  access: 'case.read',
  async compute(c) {
    const { C } = await c.range();
    const r = counted(
      await c.db.execute(sql`
        select id, count(*) over ()::int as n from faq_entries
         where project_id = ${c.projectId} and reviewed_at < ${C}::timestamptz - interval '6 months'
           and (retired_at is null or retired_at >= ${C}::timestamptz)
         order by reviewed_at limit ${RECORDS_KEPT}`),
    );
    return finding(r.n, refs('faq', r.ids));
  },
};

/**
 * PS-07 (CS-62): the month's cash hand-overs made after their business day or with a difference (finance
 * counted other than declared, or declared other than the receipts), and each clerk's day whose takings
 * were never handed over (receipts of a past day not on any hand-over).
 */
const cashHandovers: AutoItem = {
  access: 'paid.report',
  async compute(c) {
    const { tz, firstDay, lastDay } = await c.range();
    const today = toLocal(c.now, tz).date;
    const rows = rowsOf<{ ref: string; n: number }>(
      await c.db.execute(sql`
        with bad as (
          select 'cash_handover' as kind, h.id::text as id, h.business_date as day
            from cash_handovers h
           where h.project_id = ${c.projectId} and h.business_date between ${firstDay}::date and ${lastDay}::date
             and (coalesce(h.difference, 0) <> 0 or h.declared <> h.expected or (h.submitted_at at time zone ${tz})::date > h.business_date)
          union all
          select 'cash_day', r.business_date::text || '/' || r.issued_by::text, r.business_date
            from paid_receipts r
           where r.project_id = ${c.projectId} and r.business_date between ${firstDay}::date and ${lastDay}::date and r.business_date < ${today}::date
             and r.voided_at is null and r.handover_id is null
           group by r.business_date, r.issued_by)
        select kind || ':' || id as ref, count(*) over ()::int as n from bad order by day, kind, id limit ${RECORDS_KEPT}`),
    );
    return finding(Number(rows[0]?.n ?? 0), rows.map((r) => r.ref));
  },
};

export const DESK_ITEMS: Record<string, AutoItem> = {
  'CS-14': dispatchAndFollowup,
  'CS-19': followupRates,
  'CS-44': supervisionRatios,
  'CS-47': replies,
  'CS-48': forbiddenFlags,
  'CS-49': complaintFollowups,
  'CS-57': staleFaq,
  'CS-62': cashHandovers,
};
