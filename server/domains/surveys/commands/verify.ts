// SV-04: questionnaires cannot be forged. A random sample of the answers (verifyRatio of them, drawn in
// md5(seed ‖ answer id) order, topped up as answers come in and at the close) is called back by someone
// other than who took the answer; "never asked" or "answered differently" marks the answer forged, and a
// forged answer is excluded from every index.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod';
import { FORGED_OUTCOMES, type TSurveyDetail, type ZVerifyAnswer } from '../../../../common/surveys';
import { runCommand } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, notFound, staleVersion } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { loadSurvey, surveyDetail, type SurveyRow } from '../queries';
import { surveyAnswers } from '../tables';
import { units } from '../../org/tables';
import { holdersOf } from '../../deadlines/recipients';
import { notify } from '../../notifications/notify';

/** Draws answers for verification until ⌈answers × verifyRatio⌉ are drawn; answers the newly drawn ids. */
export async function topUpVerification(tx: Tx, s: SurveyRow, now: Date): Promise<string[]> {
  const rows = await tx
    .select({ id: surveyAnswers.id, selected: surveyAnswers.verifySelectedAt })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.surveyId, s.id))
    .orderBy(sql`md5(${s.seed} || ${surveyAnswers.id}::text)`);
  const want = Math.ceil((rows.length * s.verifyRatio) / 100) - rows.filter((r) => r.selected).length;
  const pick = rows.filter((r) => !r.selected).slice(0, Math.max(0, want)).map((r) => r.id);
  for (const id of pick) await tx.update(surveyAnswers).set({ verifySelectedAt: now }).where(and(eq(surveyAnswers.id, id), isNull(surveyAnswers.verifySelectedAt)));
  return pick;
}

export function drawVerification(db: Db, p: Principal, surveyId: string, now?: Date): Promise<TSurveyDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const s = await loadSurvey(ctx.tx, p, surveyId, 'survey.verify');
      const drawn = await topUpVerification(ctx.tx, s, ctx.now);
      await ctx.audit({ entity: 'survey', entityId: s.id, projectId: s.projectId, action: 'draw_verification', after: { drawn } });
      return surveyDetail(ctx.tx, p, s.id, ctx.now);
    },
    now,
  );
}

export function verifyAnswer(db: Db, p: Principal, surveyId: string, answerId: string, input: z.infer<typeof ZVerifyAnswer>, now?: Date): Promise<TSurveyDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const s = await loadSurvey(ctx.tx, p, surveyId, 'survey.verify');
      const [a] = await ctx.tx.select().from(surveyAnswers).where(and(eq(surveyAnswers.id, answerId), eq(surveyAnswers.surveyId, s.id)));
      if (!a) throw notFound();
      if (!a.verifySelectedAt) throw new AppError(409, 'not_drawn_for_verification');
      if (a.verifyOutcome) throw new AppError(409, 'already_checked');
      if (a.recordedBy === p.userId) throw new AppError(409, 'verify_own_answer');
      const forged = FORGED_OUTCOMES.includes(input.outcome);
      const [v] = await ctx.tx
        .update(surveyAnswers)
        .set({ verifyOutcome: input.outcome, verifyNote: input.note, verifiedAt: ctx.now, verifiedBy: p.userId, forged, version: a.version + 1 })
        .where(and(eq(surveyAnswers.id, a.id), eq(surveyAnswers.version, input.version), isNull(surveyAnswers.verifyOutcome)))
        .returning();
      if (!v) throw staleVersion();
      await ctx.audit({ entity: 'survey_answer', entityId: a.id, projectId: s.projectId, action: forged ? 'flag_forged' : 'verify', after: { outcome: input.outcome, note: input.note, recordedBy: a.recordedBy } });
      if (forged) {
        // SV-04: a forged questionnaire is told to the project manager and the quality department
        const [u] = await ctx.tx.select({ path: units.path }).from(units).where(eq(units.id, a.unitId));
        await notify(ctx.tx, {
          companyId: s.companyId,
          projectId: s.projectId,
          userIds: await holdersOf(ctx.tx, s.projectId, ['project_manager', 'quality_inspector']),
          kind: input.outcome === 'never_asked' ? 'forged_answer_never_asked' : 'forged_answer_different',
          entity: 'survey',
          entityId: s.id,
          params: { title: s.title, unit: u?.path ?? '' },
          dedupeKey: `forged_answer:${a.id}`,
          at: ctx.now,
        });
      }
      return surveyDetail(ctx.tx, p, s.id, ctx.now);
    },
    now,
  );
}
