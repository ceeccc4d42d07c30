// SV-02, SV-03: closing a survey fixes its answers (the verification draw is topped up one last time);
// publishing records how the results and measures reached the owners — only once every drawn answer is
// called back and every weak item has its improvement measure.
import { and, eq } from 'drizzle-orm';
import type * as z from 'zod';
import type { TSurveyDetail, ZPublish } from '../../../../common/surveys';
import { runCommand } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { projectTimezone } from '../../org/queries';
import { users } from '../../people/tables';
import { loadSurvey, surveyDetail } from '../queries';
import { surveys } from '../tables';
import { topUpVerification } from './verify';

export function closeSurvey(db: Db, p: Principal, surveyId: string, input: { version: number }, now?: Date): Promise<TSurveyDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const s = await loadSurvey(ctx.tx, p, surveyId, 'survey.manage');
      if (s.status !== 'open') throw new AppError(409, 'illegal_transition');
      updatedOrStale(
        await ctx.tx
          .update(surveys)
          .set({ status: 'closed', closedAt: ctx.now, version: s.version + 1 })
          .where(and(eq(surveys.id, s.id), eq(surveys.version, input.version)))
          .returning({ id: surveys.id }),
      );
      const drawn = await topUpVerification(ctx.tx, s, ctx.now);
      await ctx.audit({ entity: 'survey', entityId: s.id, projectId: s.projectId, action: 'close', after: { drawn } });
      return surveyDetail(ctx.tx, p, s.id, ctx.now);
    },
    now,
  );
}

export function publishSurvey(db: Db, p: Principal, surveyId: string, input: z.infer<typeof ZPublish>, now?: Date): Promise<TSurveyDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const s = await loadSurvey(ctx.tx, p, surveyId, 'survey.manage');
      if (s.status === 'open') throw new AppError(409, 'survey_not_closed');
      if (s.status !== 'closed') throw new AppError(409, 'illegal_transition');
      const tz = await projectTimezone(ctx.tx, s.projectId);
      if (input.publishedOn > toLocal(ctx.now, tz).date) throw invalidField('publishedOn', 'date_in_future');
      if (s.closedAt && input.publishedOn < toLocal(s.closedAt, tz).date) throw invalidField('publishedOn', 'published_before_close');
      const before = await surveyDetail(ctx.tx, p, s.id, ctx.now);
      if (before.report.verificationDone < before.report.verificationSelected) throw new AppError(409, 'verification_pending');
      if (before.report.weakWithoutMeasure.length) throw new AppError(409, 'measure_missing');
      const [me] = await ctx.tx.select({ name: users.displayName }).from(users).where(eq(users.id, p.userId));
      const publication = { channel: input.channel, publishedOn: input.publishedOn, note: input.note, by: me?.name ?? '' };
      updatedOrStale(
        await ctx.tx
          .update(surveys)
          .set({ status: 'published', publishedAt: ctx.now, publication, version: s.version + 1 })
          .where(and(eq(surveys.id, s.id), eq(surveys.version, input.version)))
          .returning({ id: surveys.id }),
      );
      await ctx.audit({ entity: 'survey', entityId: s.id, projectId: s.projectId, action: 'publish', after: { ...publication, index: before.report.index, weakItems: before.report.weakItems } });
      return surveyDetail(ctx.tx, p, s.id, ctx.now);
    },
    now,
  );
}
