// SV-01: the company's questionnaire. The default one is put in place the first time it is needed; a
// revision adds the next version and supersedes the current one (stale version → 409). Surveys keep theirs.
import { and, eq, isNull } from 'drizzle-orm';
import type { TQuestionItem, TQuestionnaire } from '../../../../common/surveys';
import { runCommand } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { forbidden, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { DEFAULT_QUESTIONNAIRE_CODE, DEFAULT_QUESTIONNAIRE_ITEMS, DEFAULT_QUESTIONNAIRE_NAME } from '../default-questionnaire';
import { mayConfigureQuestionnaire } from '../policy';
import { currentQuestionnaire, loadQuestionnaire, presentQuestionnaire } from '../queries';
import { surveyQuestionnaires } from '../tables';

/** The company's current default questionnaire, written on first use (version 1, the product's items). */
export async function ensureDefaultQuestionnaire(tx: Tx | Db, companyId: string, now: Date) {
  const existing = await currentQuestionnaire(tx, companyId, DEFAULT_QUESTIONNAIRE_CODE);
  if (existing) return existing;
  const [q] = await tx
    .insert(surveyQuestionnaires)
    .values({ companyId, code: DEFAULT_QUESTIONNAIRE_CODE, name: DEFAULT_QUESTIONNAIRE_NAME, version: 1, items: DEFAULT_QUESTIONNAIRE_ITEMS, createdAt: now })
    .onConflictDoNothing()
    .returning();
  return q ?? (await currentQuestionnaire(tx, companyId, DEFAULT_QUESTIONNAIRE_CODE))!;
}

export function reviseQuestionnaire(db: Db, p: Principal, id: string, input: { version: number; name: string; items: TQuestionItem[] }): Promise<TQuestionnaire> {
  if (!mayConfigureQuestionnaire(p)) throw forbidden();
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const before = await loadQuestionnaire(tx, p.companyId, id);
    updatedOrStale(
      await tx
        .update(surveyQuestionnaires)
        .set({ supersededAt: ctx.now })
        .where(and(eq(surveyQuestionnaires.id, id), eq(surveyQuestionnaires.version, input.version), isNull(surveyQuestionnaires.supersededAt)))
        .returning({ id: surveyQuestionnaires.id }),
    );
    const [q] = await tx
      .insert(surveyQuestionnaires)
      .values({ companyId: p.companyId, code: before.code, name: input.name, version: before.version + 1, items: input.items, createdBy: p.userId, createdAt: ctx.now })
      .returning();
    await ctx.audit({ entity: 'survey_questionnaire', entityId: q.id, projectId: null, action: 'revise', before: { id: before.id, version: before.version }, after: { version: q.version, items: q.items.length } });
    return presentQuestionnaire(q);
  });
}
