// The inspection's monthly figures of the front desk (FD-01..FD-06) for one project: one query for the
// registers' counts, plus the weeks of the review rule judged from their stored week.
import { sql } from 'drizzle-orm';
import type { TFrontdeskFigures } from '../../../common/frontdesk';
import { localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { reviewWeeks } from './reviews';
import { projectToday } from './time';

type Counts = Omit<TFrontdeskFigures, 'projectId' | 'month' | 'reviewWeeks' | 'reviewWeeksShort'>;

export async function frontdeskFigures(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<TFrontdeskFigures> {
  if (!can(p, 'frontdesk.read', projectId)) throw notFound();
  const { tz, today } = await projectToday(db, projectId, now);
  const { from, to, firstDay, lastDay } = localMonth(month, tz);
  const [f, t] = [from.toISOString(), to.toISOString()];
  const asOf = (now < to ? now : to).toISOString();
  const lastSeen = today < lastDay ? today : lastDay;
  const res = await db.execute(sql`select
    (select count(*) from release_passes where project_id = ${projectId} and created_at >= ${f}::timestamptz and created_at < ${t}::timestamptz)::int as "passesIssued",
    (select count(*) from release_passes where project_id = ${projectId} and used_at >= ${f}::timestamptz and used_at < ${t}::timestamptz)::int as "passesUsed",
    (select count(*) from release_passes where project_id = ${projectId} and relation = 'tenant' and created_at >= ${f}::timestamptz and created_at < ${t}::timestamptz)::int as "tenantPasses",
    (select count(*) from shift_logs where project_id = ${projectId} and shift_date between ${firstDay}::date and ${lastDay}::date)::int as "shiftLogs",
    (select count(*) from shift_logs where project_id = ${projectId} and shift_date between ${firstDay}::date and ${lastDay}::date
      and due_at < ${asOf}::timestamptz and (signed_at is null or signed_at > ${asOf}::timestamptz))::int as "handoversUnsigned",
    (select count(*) from shift_logs where project_id = ${projectId} and shift_date between ${firstDay}::date and ${lastDay}::date and signed_at > due_at)::int as "handoversSignedLate",
    (select count(*) from call_reviews where project_id = ${projectId} and reviewed_on between ${firstDay}::date and ${lastDay}::date)::int as "reviews",
    (select coalesce(sum(minutes), 0) from call_reviews where project_id = ${projectId} and reviewed_on between ${firstDay}::date and ${lastDay}::date)::int as "reviewMinutes",
    (select count(*) from lost_items where project_id = ${projectId} and created_at < ${t}::timestamptz
      and (state in ('open', 'matched') or coalesce(returned_at, disposed_at) >= ${t}::timestamptz))::int as "lostOpen",
    (select count(*) from lost_items where project_id = ${projectId} and kind = 'found' and dispose_due_on < ${lastSeen}::date
      and (state in ('open', 'matched') or coalesce(returned_at, disposed_at) >= ${t}::timestamptz))::int as "lostOverdue",
    (select count(*) from lost_items where project_id = ${projectId} and kind = 'found' and returned_at >= ${f}::timestamptz and returned_at < ${t}::timestamptz)::int as "lostReturned",
    (select count(*) from express_mail where project_id = ${projectId} and created_at >= ${f}::timestamptz and created_at < ${t}::timestamptz)::int as "expressSent",
    (select count(*) from express_mail where project_id = ${projectId} and created_at >= ${f}::timestamptz and created_at < ${t}::timestamptz and status = 'delivered')::int as "expressDelivered",
    (select count(*) from express_mail where project_id = ${projectId} and created_at < ${t}::timestamptz
      and status in ('booked', 'picked_up', 'in_transit') and next_follow_up_at < ${asOf}::timestamptz)::int as "expressFollowUpOverdue",
    (select count(*) from room_bookings where project_id = ${projectId} and status <> 'cancelled' and starts_at >= ${f}::timestamptz and starts_at < ${t}::timestamptz)::int as "bookings",
    (select count(*) from room_bookings where project_id = ${projectId} and status = 'used' and starts_at >= ${f}::timestamptz and starts_at < ${t}::timestamptz)::int as "bookingsUsed",
    (select count(*) from room_bookings where project_id = ${projectId} and status = 'booked' and starts_at >= ${f}::timestamptz and starts_at < ${t}::timestamptz
      and ends_at < ${asOf}::timestamptz)::int as "bookingsNotRecorded",
    (select count(*) from room_bookings where project_id = ${projectId} and status = 'used' and starts_at >= ${f}::timestamptz and starts_at < ${t}::timestamptz
      and not (setup_done and cleaning_done))::int as "bookingsTasksUndone",
    (select count(*) from room_bookings where project_id = ${projectId} and work_order_id is not null and starts_at >= ${f}::timestamptz and starts_at < ${t}::timestamptz)::int as "bookingFaults"`);
  const [c] = ((res as { rows?: Counts[] }).rows ?? (res as unknown as Counts[])) as Counts[];
  // FD-03: each week counted in the month of its Monday; a week still running is not short yet.
  const weeks = await reviewWeeks(db, projectId, firstDay, lastDay, today);
  return { projectId, month, ...c, reviewWeeks: weeks.filter((w) => w.finished).length, reviewWeeksShort: weeks.filter((w) => w.short).length };
}
