// SV-01: starts a project's survey on the company's current questionnaire with its sampling ratio, and
// draws the sample: the project's occupied units (not vacant) ordered by md5(seed ‖ unit id), the first
// ⌈units × ratio⌉ — the same seed and units always give the same sample. Each sampled unit gets the
// unguessable token of its one-time link (SV-04).
import { randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TSurveyDetail, ZSurveyCreate } from '../../../../common/surveys';
import { runCommand } from '../../../platform/audit';
import { addDays, fromLocal, toLocal } from '../../../platform/clock';
import type { Db, DbOrTx } from '../../../platform/db';
import { invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { projectTimezone } from '../../org/queries';
import { units } from '../../org/tables';
import { authorizeSurvey } from '../policy';
import { loadQuestionnaire, surveyDetail } from '../queries';
import { surveySamples, surveys } from '../tables';
import { ensureDefaultQuestionnaire } from './questionnaire';

/** SV-01: the reproducible sample of a project's occupied units for a seed and a ratio (percent). */
export async function drawSample(db: DbOrTx, projectId: string, seed: string, ratio: number): Promise<string[]> {
  const frame = units.state;
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.projectId, projectId), ne(frame, 'vacant')))
    .orderBy(sql`md5(${seed} || ${units.id}::text)`);
  return rows.slice(0, Math.ceil((rows.length * ratio) / 100)).map((r) => r.id);
}

export const newToken = () => randomBytes(24).toString('base64url');

export function startSurvey(db: Db, p: Principal, input: z.infer<typeof ZSurveyCreate>, now?: Date): Promise<TSurveyDetail> {
  authorizeSurvey(p, 'survey.manage', input.projectId);
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const tz = await projectTimezone(tx, input.projectId);
      if (input.closesOn < toLocal(ctx.now, tz).date) throw invalidField('closesOn', 'date_in_past');
      const qn = input.questionnaireId
        ? await loadQuestionnaire(tx, p.companyId, input.questionnaireId).catch(() => {
            throw invalidField('questionnaireId', 'unknown_questionnaire');
          })
        : await ensureDefaultQuestionnaire(tx, p.companyId, ctx.now);
      if (qn.supersededAt) throw invalidField('questionnaireId', 'questionnaire_superseded');
      const seed = randomBytes(8).toString('hex');
      const [s] = await tx
        .insert(surveys)
        .values({
          companyId: p.companyId,
          projectId: input.projectId,
          title: input.title,
          year: Number(input.opensOn.slice(0, 4)),
          questionnaireId: qn.id,
          samplingRatio: input.samplingRatio,
          verifyRatio: input.verifyRatio,
          seed,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          closesAt: fromLocal(addDays(input.closesOn, 1), 0, tz),
          createdBy: p.userId,
          createdAt: ctx.now,
        })
        .returning();
      const sample = await drawSample(tx, input.projectId, seed, input.samplingRatio);
      if (!sample.length) throw invalidField('samplingRatio', 'no_units_to_sample');
      await tx.insert(surveySamples).values(sample.map((unitId, i) => ({ companyId: p.companyId, projectId: s.projectId, surveyId: s.id, unitId, position: i + 1, token: newToken() })));
      await ctx.audit({ entity: 'survey', entityId: s.id, projectId: s.projectId, action: 'start', after: { title: s.title, questionnaireId: qn.id, questionnaireVersion: qn.version, samplingRatio: s.samplingRatio, sampleSize: sample.length } });
      return surveyDetail(tx, p, s.id, ctx.now);
    },
    now,
  );
}
