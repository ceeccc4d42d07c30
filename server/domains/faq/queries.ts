// IN-06: the desk searches the project's 答客问 while on the call; entries unreviewed for 6 months are stale.
import { and, asc, eq, ilike, isNull, or } from 'drizzle-orm';
import type { TFaq } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { likePattern } from '../../platform/pagination';
import { can, type Principal } from '../../platform/policy';
import { faqEntries } from './tables';

export const FAQ_REVIEW_MONTHS = 6;

export function isStale(reviewedAt: Date, now: Date): boolean {
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - FAQ_REVIEW_MONTHS);
  return reviewedAt < limit;
}

export const presentFaq = (f: typeof faqEntries.$inferSelect, now: Date): TFaq => ({
  id: f.id,
  projectId: f.projectId,
  question: f.question,
  answer: f.answer,
  reviewedAt: f.reviewedAt.toISOString(),
  stale: isStale(f.reviewedAt, now),
  version: f.version,
});

export async function searchFaq(db: DbOrTx, p: Principal, projectId: string, q: string | undefined, now = new Date()) {
  if (!can(p, 'case.read', projectId)) throw notFound();
  const rows = await db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.projectId, projectId), isNull(faqEntries.retiredAt), q ? or(ilike(faqEntries.question, likePattern(q)), ilike(faqEntries.answer, likePattern(q))) : undefined))
    .orderBy(asc(faqEntries.question))
    .limit(100);
  return rows.map((f) => presentFaq(f, now));
}
