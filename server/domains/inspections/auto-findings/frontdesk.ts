// QI-03 from the front-desk registers (FD-02, FD-03), read from the month's front-desk figures: handover
// logs left unsigned or signed late, and the weeks short of call-recording reviews.
import { sql } from 'drizzle-orm';
import { frontdeskFigures } from '../../frontdesk/figures';
import { reviewWeeks } from '../../frontdesk/reviews';
import { toLocal } from '../../../platform/clock';
import { counted, finding, RECORDS_KEPT, refs, type AutoContext, type AutoItem } from './context';

const figures = (c: AutoContext) => c.once('frontdesk', () => frontdeskFigures(c.db, c.p, c.projectId, c.month, c.now));

/** FD-02 (CS-61): every shift reads and signs the previous log by its due time. */
const handovers: AutoItem = {
  access: 'frontdesk.read',
  async compute(c) {
    const f = await figures(c);
    const { firstDay, lastDay, C } = await c.range();
    const r = counted(
      await c.db.execute(sql`
        select id, count(*) over ()::int as n from shift_logs
         where project_id = ${c.projectId} and shift_date between ${firstDay}::date and ${lastDay}::date
           and ((due_at < ${C}::timestamptz and (signed_at is null or signed_at > ${C}::timestamptz)) or signed_at > due_at)
         order by started_at limit ${RECORDS_KEPT}`),
    );
    return finding(f.handoversUnsigned + f.handoversSignedLate, refs('shift_log', r.ids));
  },
};

/** FD-03 (CS-30): each finished week of the month with at least 2 reviews and 30 minutes of recordings heard. */
const callReviews: AutoItem = {
  access: 'frontdesk.read',
  async compute(c) {
    const f = await figures(c);
    const { tz, firstDay, lastDay } = await c.range();
    const weeks = await reviewWeeks(c.db, c.projectId, firstDay, lastDay, toLocal(c.now, tz).date);
    return finding(f.reviewWeeksShort, refs('review_week', weeks.filter((w) => w.short).map((w) => w.weekStart)));
  },
};

export const FRONTDESK_ITEMS: Record<string, AutoItem> = {
  'CS-30': callReviews,
  'CS-61': handovers,
};
