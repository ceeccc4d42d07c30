// SV-01, SV-04: an answer is tied to a sampled unit of the survey's project and to its channel — taken
// by phone or on site by staff (who are named on it), or by the resident through the unit's one-time
// link (no sign-in; the link works once and expires with the survey). One answer per sampled unit.
import { and, eq, isNull } from 'drizzle-orm';
import type * as z from 'zod';
import type { TSurveyDetail, ZAnswerCreate, ZLinkAnswer } from '../../../../common/surveys';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, notFound } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { units } from '../../org/tables';
import { authorizeSurvey } from '../policy';
import { loadSurvey, surveyDetail, type SurveyRow } from '../queries';
import { surveyAnswers, surveyQuestionnaires, surveySamples, surveys } from '../tables';

type Ratings = z.infer<typeof ZLinkAnswer>['ratings'];

/** Answers are taken while the survey is open, from its first day to the end of its last. */
export function assertOpen(s: SurveyRow, now: Date) {
  if (s.status !== 'open' || s.closesAt <= now || new Date(`${s.opensOn}T00:00:00+08:00`) > now) throw new AppError(409, 'survey_not_open');
}

async function checkRatings(ctx: CommandContext, s: SurveyRow, ratings: Ratings) {
  const [qn] = await ctx.tx.select({ items: surveyQuestionnaires.items }).from(surveyQuestionnaires).where(eq(surveyQuestionnaires.id, s.questionnaireId));
  const codes = new Set(qn.items.map((i) => i.code));
  ratings.forEach((r, i) => {
    if (!codes.has(r.code)) throw invalidField(`ratings.${i}.code`, 'unknown_survey_item');
  });
}

async function insertAnswer(ctx: CommandContext, s: SurveyRow, unitId: string, values: { channel: string; respondent: string; ratings: Ratings; comment: string; recordedBy: string | null }) {
  const [a] = await ctx.tx
    .insert(surveyAnswers)
    .values({ companyId: s.companyId, projectId: s.projectId, surveyId: s.id, unitId, ...values, answeredAt: ctx.now })
    .onConflictDoNothing()
    .returning();
  if (!a) throw new AppError(409, 'survey_answered');
  await ctx.audit({ entity: 'survey_answer', entityId: a.id, projectId: s.projectId, action: 'record', after: { surveyId: s.id, unitId, channel: a.channel, ratings: a.ratings.length } });
  return a;
}

export function recordAnswer(db: Db, p: Principal, surveyId: string, input: z.infer<typeof ZAnswerCreate>, now?: Date): Promise<TSurveyDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const s = await loadSurvey(ctx.tx, p, surveyId, 'survey.answer');
      assertOpen(s, ctx.now);
      const [u] = await ctx.tx.select({ projectId: units.projectId }).from(units).where(and(eq(units.id, input.unitId), eq(units.companyId, p.companyId)));
      if (!u || u.projectId !== s.projectId) throw invalidField('unitId', 'unit_not_in_project');
      const [sampled] = await ctx.tx.select({ id: surveySamples.id }).from(surveySamples).where(and(eq(surveySamples.surveyId, s.id), eq(surveySamples.unitId, input.unitId)));
      if (!sampled) throw invalidField('unitId', 'unit_not_sampled');
      await checkRatings(ctx, s, input.ratings);
      await insertAnswer(ctx, s, input.unitId, { channel: input.channel, respondent: input.respondent, ratings: input.ratings, comment: input.comment, recordedBy: p.userId });
      return surveyDetail(ctx.tx, p, s.id, ctx.now);
    },
    now,
  );
}

/** SV-04: the resident's answer through the one-time link. The token is spent by the same statement that checks it. */
export async function answerByLink(db: Db, token: string, input: z.infer<typeof ZLinkAnswer>, now?: Date): Promise<{ ok: true }> {
  {
    const [row] = await db.select({ s: surveys }).from(surveySamples).innerJoin(surveys, eq(surveys.id, surveySamples.surveyId)).where(eq(surveySamples.token, token));
    if (!row) throw notFound();
    return runCommand(
      db,
      { userId: null, companyId: row.s.companyId },
      async (ctx) => {
        const [sample] = await ctx.tx
          .update(surveySamples)
          .set({ tokenUsedAt: ctx.now })
          .where(and(eq(surveySamples.token, token), isNull(surveySamples.tokenUsedAt)))
          .returning();
        if (!sample) throw new AppError(409, 'survey_link_used');
        const [s] = await ctx.tx.select().from(surveys).where(eq(surveys.id, sample.surveyId));
        try {
          assertOpen(s, ctx.now);
        } catch {
          throw new AppError(409, 'survey_link_expired');
        }
        await checkRatings(ctx, s, input.ratings);
        await insertAnswer(ctx, s, sample.unitId, { channel: 'link', respondent: input.respondent, ratings: input.ratings, comment: input.comment, recordedBy: null });
        return { ok: true as const };
      },
      now,
    );
  }
}

export { authorizeSurvey };
