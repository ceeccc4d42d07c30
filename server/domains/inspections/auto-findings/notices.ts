// QI-03 from the notices (NT-02..NT-05), read from the month's notice figures: the briefing before the
// 10th and up 15 days, the Q1 annual publication, notices left up past their take-down time, the board's
// 2-month rotation with posting photos, and the delivery records of offices and villas.
import { sql } from 'drizzle-orm';
import { noticeFigures } from '../../notices/figures';
import { recordRef } from '../../../../common/inspection-records';
import { counted, finding, RECORDS_KEPT, refs, type AutoContext, type AutoItem } from './context';

const figures = (c: AutoContext) => c.once('notices', () => noticeFigures(c.db, c.p, c.projectId, c.month, c.now));

/** NT-05 (CS-02): the month's briefing published before the 10th and kept up at least 15 days. */
const briefing: AutoItem = {
  access: 'notice.read',
  async compute(c) {
    const b = (await figures(c)).briefing;
    const bad = b.overdue || b.keptUp === false;
    return finding(bad ? 1 : 0, bad ? [b.noticeId ? recordRef('notice', b.noticeId) : recordRef('briefing_missing', c.month)] : []);
  },
};

/**
 * NT-05 (CS-03): the previous year's contract performance, income and expenses published in Q1 for 15 days —
 * judged in March (late, or taken down early), and in every later month of the year while never published.
 */
const annual: AutoItem = {
  access: 'notice.read',
  async compute(c) {
    const a = (await figures(c)).annual;
    const m = c.month.slice(5, 7);
    if (!a || m < '03') return finding(0);
    const bad = m === '03' ? a.overdue || a.keptUp === false : !a.publishedAt;
    return finding(bad ? 1 : 0, bad ? [a.noticeId ? recordRef('notice', a.noticeId) : recordRef('annual_missing', c.month.slice(0, 4))] : []);
  },
};

/** NT-02 (CS-32): notices still up past their take-down time (24 h after expiry) at some moment of the month. */
const overdueTakeDowns: AutoItem = {
  access: 'notice.read',
  async compute(c) {
    const f = await figures(c);
    const { F, C } = await c.range();
    const r = counted(
      await c.db.execute(sql`
        select id, count(*) over ()::int as n from notices
         where project_id = ${c.projectId} and take_down_due_at < ${C}::timestamptz
           and coalesce(taken_down_at, 'infinity'::timestamptz) > greatest(take_down_due_at, ${F}::timestamptz)
         order by take_down_due_at limit ${RECORDS_KEPT}`),
    );
    return finding(f.overdueTakeDowns, refs('notice', r.ids));
  },
};

/** NT-03 (CS-35): the board changed at least every 2 months, and each notice of the month posted with its photo. */
const boardRotation: AutoItem = {
  access: 'notice.read',
  async compute(c) {
    const f = await figures(c);
    const { F, T } = await c.range();
    const r = counted(
      await c.db.execute(sql`
        select n.id, count(*) over ()::int as n from notices n
         where n.project_id = ${c.projectId} and n.published_at >= ${F}::timestamptz and n.published_at < ${T}::timestamptz
           and not exists (select 1 from attachments a where a.entity_id = n.id and a.entity = 'notice' and a.kind = 'posting')
         order by n.published_at limit ${RECORDS_KEPT}`),
    );
    const stale = f.boardStale ? [recordRef('board_stale', f.boardLastChangedAt?.slice(0, 10) ?? c.month)] : [];
    return finding((f.boardStale ? 1 : 0) + f.withoutPostingPhoto, stale, refs('notice', r.ids));
  },
};

/** NT-04 (CS-36, offices and villas): each notice of the month with a delivery record for every unit. */
const deliveries: AutoItem = {
  access: 'notice.read',
  async compute(c) {
    const f = await figures(c);
    if (!f.delivery.required) return finding(0);
    const { F, T } = await c.range();
    const r = counted(
      await c.db.execute(sql`
        select n.id, count(*) over ()::int as n from notices n
         where n.project_id = ${c.projectId} and n.published_at >= ${F}::timestamptz and n.published_at < ${T}::timestamptz
           and (select count(*) from notice_deliveries d where d.notice_id = n.id) < ${f.delivery.units}
         order by n.published_at limit ${RECORDS_KEPT}`),
    );
    return finding(f.delivery.notices - f.delivery.fullyDelivered, refs('notice', r.ids));
  },
};

export const NOTICE_ITEMS: Record<string, AutoItem> = {
  'CS-02': briefing,
  'CS-03': annual,
  'CS-32': overdueTakeDowns,
  'CS-35': boardRotation,
  'CS-36': deliveries,
};
