// FD-03 reads: the month's call-recording reviews and each week's count and minutes against the rule
// (≥2 reviews and ≥30 minutes a week); a finished week short of either is flagged.
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { REVIEW_RULE, type TReviewWeek } from '../../../common/frontdesk';
import { addDays, localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { users } from '../people/tables';
import { callReviews } from './tables';
import { sql } from 'drizzle-orm';
import { mondaysIn, projectToday, weekStartOf } from './time';

/** FD-03: one week against the rule; a week still running is never short yet. */
export function judgeWeek(weekStart: string, reviews: number, minutes: number, today: string): TReviewWeek {
  const weekEnd = addDays(weekStart, 6);
  const finished = weekEnd < today;
  return { weekStart, weekEnd, reviews, minutes, finished, short: finished && (reviews < REVIEW_RULE.perWeek || minutes < REVIEW_RULE.minutesPerWeek) };
}

/** The weeks whose Monday lies in [firstDay, lastDay], judged from the reviews of each whole week. */
export async function reviewWeeks(db: DbOrTx, projectId: string, firstDay: string, lastDay: string, today: string): Promise<TReviewWeek[]> {
  const mondays = mondaysIn(firstDay, lastDay);
  if (!mondays.length) return [];
  const rows = await db
    .select({ weekStart: callReviews.weekStart, reviews: sql<number>`count(*)::int`, minutes: sql<number>`coalesce(sum(${callReviews.minutes}), 0)::int` })
    .from(callReviews)
    .where(and(eq(callReviews.projectId, projectId), gte(callReviews.weekStart, mondays[0]), lte(callReviews.weekStart, mondays[mondays.length - 1])))
    .groupBy(callReviews.weekStart);
  const by = new Map(rows.map((r) => [r.weekStart, r]));
  return mondays.map((m) => judgeWeek(m, by.get(m)?.reviews ?? 0, by.get(m)?.minutes ?? 0, today));
}

export async function listReviews(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()) {
  if (!can(p, 'frontdesk.read', projectId)) throw notFound();
  const { firstDay, lastDay } = localMonth(month, 'UTC');
  const { today } = await projectToday(db, projectId, now);
  // The weeks shown are those touching the month: from the Monday of its first day.
  const weeks = (await reviewWeeks(db, projectId, weekStartOf(firstDay), lastDay, today)).filter((w) => w.weekStart <= today);
  const from = weeks[0]?.weekStart ?? firstDay;
  const rows = await db
    .select({ r: callReviews, reviewerName: users.displayName })
    .from(callReviews)
    .innerJoin(users, eq(users.id, callReviews.reviewerId))
    .where(and(eq(callReviews.projectId, projectId), gte(callReviews.reviewedOn, from < firstDay ? from : firstDay), lte(callReviews.reviewedOn, addDays(weeks.at(-1)?.weekStart ?? lastDay, 6))))
    .orderBy(desc(callReviews.reviewedOn), desc(callReviews.createdAt));
  return {
    items: rows.map(({ r, reviewerName }) => ({ id: r.id, reviewedOn: r.reviewedOn, weekStart: r.weekStart, reviewerName, recording: r.recording, minutes: r.minutes, findings: r.findings, shiftLogId: r.shiftLogId, createdAt: r.createdAt.toISOString() })),
    weeks,
  };
}
