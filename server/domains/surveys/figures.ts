// SV-01..SV-04: a project's survey figures for a month in one query, as the quality inspection (CS-52..55)
// and the KPI dashboard read them: the latest survey opened by the month's end, its index (forged answers
// excluded), answers, verification calls and forgeries, weak items and their measures (open, overdue as of
// the month's end or now), and whether the results were published.
import { sql } from 'drizzle-orm';
import { indexOf, type TQuestionItem, type TRating, type TSurveyFigures } from '../../../common/surveys';
import { localMonth } from '../../platform/clock';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { projectTimezone } from '../org/queries';
import { buildReport } from './queries';

interface Row {
  id: string;
  title: string;
  opens_on: string;
  status: string;
  closed: boolean;
  items: TQuestionItem[];
  sample_size: number;
  answers: { ratings: { code: string; rating: TRating }[]; forged: boolean; selected: boolean; outcome: string | null }[] | null;
  measures: { itemCode: string; status: string; dueAt: string }[] | null;
}

export async function surveyFigures(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<TSurveyFigures> {
  return (await surveyMonth(db, p, projectId, month, now)).figures;
}

/**
 * The figures with what the quality inspection needs besides (QI-03, CS-52..55): the codes of the weak items
 * without a measure, and whether the survey had closed by the month's end (or now, for a running month) —
 * a survey still taking answers is not yet judged on its measures, calls and publication.
 */
export async function surveyMonth(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<{ figures: TSurveyFigures; weakWithoutMeasure: string[]; closed: boolean }> {
  if (!can(p, 'survey.read', projectId)) throw notFound();
  const tz = await projectTimezone(db, projectId);
  const { to, lastDay } = localMonth(month, tz);
  const cutoff = now < to ? now : to;
  const yearBefore = `${Number(lastDay.slice(0, 4)) - 1}${lastDay.slice(4)}`;
  const [r] = rowsOf<Row>(
    await db.execute(sql`
      select s.id, s.title, s.opens_on::text as opens_on, s.status, q.items,
             (s.closes_at <= ${cutoff.toISOString()}::timestamptz or s.closed_at <= ${cutoff.toISOString()}::timestamptz) as closed,
             (select count(*)::int from survey_samples x where x.survey_id = s.id) as sample_size,
             (select json_agg(json_build_object('ratings', a.ratings, 'forged', a.forged, 'selected', a.verify_selected_at is not null, 'outcome', a.verify_outcome))
                from survey_answers a where a.survey_id = s.id and a.answered_at < ${to.toISOString()}::timestamptz) as answers,
             (select json_agg(json_build_object('itemCode', m.item_code, 'status', case when m.closed_at < ${cutoff.toISOString()}::timestamptz then 'done' else 'open' end, 'dueAt', m.due_at))
                from survey_measures m where m.survey_id = s.id and m.created_at < ${cutoff.toISOString()}::timestamptz) as measures
        from surveys s join survey_questionnaires q on q.id = s.questionnaire_id
       where s.project_id = ${projectId} and s.opens_on <= ${lastDay}::date
       order by s.opens_on desc, s.created_at desc
       limit 1`),
  );
  const empty = { projectId, month, surveyId: null, title: null, opensOn: null, surveyedWithinYear: false, index: null, sampleSize: 0, answers: 0, verified: 0, verificationSelected: 0, forged: 0, itemsBelowTarget: 0, weakWithoutMeasure: 0, measures: 0, measuresOpen: 0, measuresOverdue: 0, published: false };
  if (!r) return { figures: empty, weakWithoutMeasure: [], closed: false };
  const answers = r.answers ?? [];
  const measures = r.measures ?? [];
  const report = buildReport(
    r.items,
    answers.map((a) => ({ ratings: a.ratings, forged: a.forged, verifySelectedAt: a.selected ? new Date(0) : null, verifyOutcome: a.outcome, comment: '' })),
    measures,
  );
  const open = measures.filter((m) => m.status === 'open');
  const figures: TSurveyFigures = {
    ...empty,
    surveyId: r.id,
    title: r.title,
    opensOn: r.opens_on,
    surveyedWithinYear: r.opens_on > yearBefore,
    index: indexOf(answers.filter((a) => !a.forged).flatMap((a) => a.ratings.map((x) => x.rating))),
    sampleSize: r.sample_size,
    answers: report.answers,
    verified: answers.filter((a) => a.selected && a.outcome && a.outcome !== 'unreachable').length,
    verificationSelected: report.verificationSelected,
    forged: report.forged,
    itemsBelowTarget: report.weakItems.length,
    weakWithoutMeasure: report.weakWithoutMeasure.length,
    measures: measures.length,
    measuresOpen: open.length,
    measuresOverdue: open.filter((m) => new Date(m.dueAt) < cutoff).length,
    published: r.status === 'published',
  };
  return { figures, weakWithoutMeasure: report.weakWithoutMeasure, closed: !!r.closed };
}
