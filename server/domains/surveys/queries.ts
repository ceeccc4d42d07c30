// SV-01..SV-04: reads — questionnaires, survey lists and details with the sample, answers, the report
// (index overall and per item, ranked, weak items), measures and publication; the public link's page.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { FORGED_OUTCOMES, indexOf, type TAnswer, type TLinkView, type TMeasure, type TQuestionItem, type TQuestionnaire, type TRating, type TReport, type TSurveyDetail, type TSurveySummary } from '../../../common/surveys';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, projectsWhere, type Principal } from '../../platform/policy';
import { attachments } from '../files/tables';
import { projects, units } from '../org/tables';
import { users } from '../people/tables';
import { authorizeSurvey, surveyActions } from './policy';
import { surveyAnswers, surveyMeasures, surveyQuestionnaires, surveySamples, surveys } from './tables';

export type QuestionnaireRow = typeof surveyQuestionnaires.$inferSelect;
export type SurveyRow = typeof surveys.$inferSelect;

export const presentQuestionnaire = (q: QuestionnaireRow): TQuestionnaire => ({
  id: q.id,
  code: q.code,
  name: q.name,
  version: q.version,
  current: !q.supersededAt,
  createdAt: q.createdAt.toISOString(),
  items: q.items,
});

export async function loadQuestionnaire(db: DbOrTx, companyId: string, id: string): Promise<QuestionnaireRow> {
  const [q] = await db.select().from(surveyQuestionnaires).where(and(eq(surveyQuestionnaires.id, id), eq(surveyQuestionnaires.companyId, companyId)));
  if (!q) throw notFound();
  return q;
}

export async function currentQuestionnaire(db: DbOrTx, companyId: string, code: string): Promise<QuestionnaireRow | undefined> {
  const [q] = await db.select().from(surveyQuestionnaires).where(and(eq(surveyQuestionnaires.companyId, companyId), eq(surveyQuestionnaires.code, code), isNull(surveyQuestionnaires.supersededAt)));
  return q;
}

export async function listQuestionnaires(db: DbOrTx, p: Principal) {
  const rows = await db.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.companyId, p.companyId)).orderBy(asc(surveyQuestionnaires.code), desc(surveyQuestionnaires.version));
  return { items: rows.map((q) => ({ ...presentQuestionnaire(q), items: undefined, itemCount: q.items.length })).map(({ items: _i, ...r }) => r) };
}

/** Loads a survey the principal may act on (404 outside their projects, 403 without the action). */
export async function loadSurvey(db: DbOrTx, p: Principal, id: string, action: Parameters<typeof authorizeSurvey>[1] = 'survey.read'): Promise<SurveyRow> {
  const [s] = await db.select().from(surveys).where(and(eq(surveys.id, id), eq(surveys.companyId, p.companyId)));
  if (!s) throw notFound();
  authorizeSurvey(p, action, s.projectId);
  return s;
}

type AnswerRow = typeof surveyAnswers.$inferSelect;
type MeasureRow = typeof surveyMeasures.$inferSelect;

/** SV-02: the report from the survey's questionnaire, its answers (forged ones excluded) and measures. */
export function buildReport(items: TQuestionItem[], answers: Pick<AnswerRow, 'ratings' | 'forged' | 'verifySelectedAt' | 'verifyOutcome' | 'comment'>[], measures: Pick<MeasureRow, 'itemCode'>[], unitPaths: string[] = []): TReport {
  const valid = answers.filter((a) => !a.forged);
  const all: TRating[] = valid.flatMap((a) => a.ratings.map((r) => r.rating));
  const rows = items.map((it) => {
    const rs = valid.flatMap((a) => a.ratings.filter((r) => r.code === it.code).map((r) => r.rating));
    const index = indexOf(rs);
    return {
      ...it,
      rated: rs.length,
      satisfied: rs.filter((r) => r === 'satisfied').length,
      fair: rs.filter((r) => r === 'fair').length,
      unsatisfied: rs.filter((r) => r === 'unsatisfied').length,
      index,
      rank: null as number | null,
      belowTarget: index !== null && index < it.target,
      measures: measures.filter((m) => m.itemCode === it.code).length,
    };
  });
  // items ranked by their index, best first (equal indexes share a rank); unrated items have no rank
  const ranked = rows.filter((r) => r.index !== null).sort((a, b) => b.index! - a.index!);
  for (const r of ranked) r.rank = ranked.findIndex((x) => x.index === r.index) + 1;
  const weak = rows.filter((r) => r.belowTarget).sort((a, b) => a.index! - b.index!);
  return {
    index: indexOf(all),
    answers: valid.length,
    forged: answers.length - valid.length,
    verificationSelected: answers.filter((a) => a.verifySelectedAt).length,
    verificationDone: answers.filter((a) => a.verifySelectedAt && a.verifyOutcome).length,
    items: rows,
    weakItems: weak.map((r) => r.code),
    weakWithoutMeasure: weak.filter((r) => !r.measures).map((r) => r.code),
    comments: valid.map((a, i) => ({ unitPath: unitPaths[answers.indexOf(a)] ?? String(i + 1), comment: a.comment })).filter((c) => c.comment),
  };
}

export async function listSurveys(db: DbOrTx, p: Principal, q: { projectId?: string }): Promise<{ items: TSurveySummary[] }> {
  if (q.projectId && !can(p, 'survey.read', q.projectId)) throw notFound();
  const ids = q.projectId ? [q.projectId] : projectsWhere(p, 'survey.read');
  if (!ids.length) return { items: [] };
  const rows = await db
    .select({
      s: surveys,
      projectName: projects.name,
      qName: surveyQuestionnaires.name,
      qVersion: surveyQuestionnaires.version,
      items: surveyQuestionnaires.items,
      sampleSize: sql<number>`(select count(*)::int from survey_samples x where x.survey_id = ${surveys.id})`,
    })
    .from(surveys)
    .innerJoin(projects, eq(projects.id, surveys.projectId))
    .innerJoin(surveyQuestionnaires, eq(surveyQuestionnaires.id, surveys.questionnaireId))
    .where(inArray(surveys.projectId, ids))
    .orderBy(desc(surveys.opensOn), desc(surveys.createdAt))
    .limit(200);
  const answers = rows.length
    ? await db.select({ surveyId: surveyAnswers.surveyId, ratings: surveyAnswers.ratings, forged: surveyAnswers.forged }).from(surveyAnswers).where(inArray(surveyAnswers.surveyId, rows.map((r) => r.s.id)))
    : [];
  return {
    items: rows.map((r) => {
      const mine = answers.filter((a) => a.surveyId === r.s.id && !a.forged);
      return summary(r.s, r.projectName, { id: r.s.questionnaireId, name: r.qName, version: r.qVersion }, r.sampleSize, mine.length, indexOf(mine.flatMap((a) => a.ratings.map((x) => x.rating))));
    }),
  };
}

function summary(s: SurveyRow, projectName: string, questionnaire: TSurveySummary['questionnaire'], sampleSize: number, answers: number, index: number | null): TSurveySummary {
  return {
    id: s.id,
    projectId: s.projectId,
    projectName,
    title: s.title,
    year: s.year,
    status: s.status as TSurveySummary['status'],
    samplingRatio: s.samplingRatio,
    verifyRatio: s.verifyRatio,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    questionnaire,
    sampleSize,
    answers,
    index,
    publishedAt: s.publishedAt?.toISOString() ?? null,
  };
}

export const photoUrl = (id: string) => `/api/survey-photos/${id}`;

export async function surveyDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TSurveyDetail> {
  const s = await loadSurvey(db, p, id);
  const [[project], [qn], sample, answers, measures] = await Promise.all([
    db.select({ name: projects.name }).from(projects).where(eq(projects.id, s.projectId)),
    db.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.id, s.questionnaireId)),
    db
      .select({ id: surveySamples.id, unitId: surveySamples.unitId, position: surveySamples.position, token: surveySamples.token, tokenUsedAt: surveySamples.tokenUsedAt, path: units.path })
      .from(surveySamples)
      .innerJoin(units, eq(units.id, surveySamples.unitId))
      .where(eq(surveySamples.surveyId, s.id))
      .orderBy(asc(surveySamples.position)),
    db.select({ a: surveyAnswers, path: units.path }).from(surveyAnswers).innerJoin(units, eq(units.id, surveyAnswers.unitId)).where(eq(surveyAnswers.surveyId, s.id)).orderBy(desc(surveyAnswers.answeredAt)),
    db.select({ m: surveyMeasures, ownerName: users.displayName }).from(surveyMeasures).innerJoin(users, eq(users.id, surveyMeasures.ownerId)).where(eq(surveyMeasures.surveyId, s.id)).orderBy(asc(surveyMeasures.createdAt)),
  ]);
  const people = [...new Set(answers.flatMap((r) => [r.a.recordedBy, r.a.verifiedBy]).filter((x): x is string => !!x))];
  const names = new Map(people.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.name]) : []);
  const photos = measures.length
    ? await db
        .select({ id: attachments.id, name: attachments.name, entityId: attachments.entityId })
        .from(attachments)
        .where(and(eq(attachments.entity, 'survey_measure'), inArray(attachments.entityId, measures.map((m) => m.m.id))))
        .orderBy(attachments.createdAt)
    : [];
  const answered = new Set(answers.map((r) => r.a.unitId));
  const mayRun = can(p, 'survey.manage', s.projectId);
  const report = buildReport(qn.items, answers.map((r) => r.a), measures.map((m) => m.m), answers.map((r) => r.path));
  const valid = answers.filter((r) => !r.a.forged);
  return {
    ...summary(s, project.name, { id: qn.id, name: qn.name, version: qn.version }, sample.length, valid.length, report.index),
    version: s.version,
    items: qn.items,
    sample: sample.map((x) => ({ id: x.id, unitId: x.unitId, unitPath: x.path, position: x.position, answered: answered.has(x.unitId), token: mayRun ? x.token : null, linkUsed: !!x.tokenUsedAt })),
    answerList: answers.map(({ a, path }) => presentAnswer(a, path, names)),
    report,
    measures: measures.map(({ m, ownerName }) => presentMeasure(m, ownerName, photos.filter((f) => f.entityId === m.id).map((f) => ({ id: f.id, name: f.name, url: photoUrl(f.id) })), now)),
    publication: s.publication ? { ...s.publication, channel: s.publication.channel as 'notice_board' } : null,
    actions: surveyActions(p, s),
  };
}

export const presentAnswer = (a: AnswerRow, unitPath: string, names: Map<string, string>): TAnswer => ({
  id: a.id,
  unitId: a.unitId,
  unitPath,
  channel: a.channel as TAnswer['channel'],
  respondent: a.respondent,
  ratings: a.ratings,
  comment: a.comment,
  recordedBy: a.recordedBy ? (names.get(a.recordedBy) ?? null) : null,
  answeredAt: a.answeredAt.toISOString(),
  forged: a.forged,
  verification: {
    selected: !!a.verifySelectedAt,
    outcome: (a.verifyOutcome as TAnswer['verification']['outcome']) ?? null,
    note: a.verifyNote,
    verifiedAt: a.verifiedAt?.toISOString() ?? null,
    verifiedBy: a.verifiedBy ? (names.get(a.verifiedBy) ?? null) : null,
  },
  version: a.version,
});

export const presentMeasure = (m: MeasureRow, ownerName: string, photos: TMeasure['photos'], now: Date): TMeasure => ({
  id: m.id,
  itemCode: m.itemCode,
  action: m.action,
  ownerId: m.ownerId,
  ownerName,
  dueOn: m.dueOn,
  status: m.status as TMeasure['status'],
  overdue: m.status === 'open' && m.dueAt < now,
  evidence: m.evidence,
  photos,
  closedAt: m.closedAt?.toISOString() ?? null,
  version: m.version,
});

/** SV-04: the page behind a one-time link — no sign-in; an unknown token is a 404. */
export async function linkView(db: DbOrTx, token: string, now = new Date()): Promise<TLinkView> {
  const [r] = await db
    .select({ sample: surveySamples, s: surveys, path: units.path, projectName: projects.name, items: surveyQuestionnaires.items })
    .from(surveySamples)
    .innerJoin(surveys, eq(surveys.id, surveySamples.surveyId))
    .innerJoin(units, eq(units.id, surveySamples.unitId))
    .innerJoin(projects, eq(projects.id, surveys.projectId))
    .innerJoin(surveyQuestionnaires, eq(surveyQuestionnaires.id, surveys.questionnaireId))
    .where(eq(surveySamples.token, token));
  if (!r) throw notFound();
  const [answered] = await db.select({ id: surveyAnswers.id }).from(surveyAnswers).where(and(eq(surveyAnswers.surveyId, r.s.id), eq(surveyAnswers.unitId, r.sample.unitId)));
  const state = r.sample.tokenUsedAt || answered ? 'used' : r.s.status !== 'open' || r.s.closesAt <= now ? 'expired' : 'open';
  return { projectName: r.projectName, title: r.s.title, unitPath: r.path, closesOn: r.s.closesOn, state, items: state === 'open' ? r.items : [] };
}

export { FORGED_OUTCOMES };
