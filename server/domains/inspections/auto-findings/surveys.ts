// QI-03 from the satisfaction surveys (SV-01..SV-04), read from the month's survey figures: a survey within
// the last 12 months with a measure for every weak item (CS-52), its results published to owners (CS-53),
// its measures carried out by their deadlines (CS-54), and its answers verified by phone, none forged
// (CS-55). A survey still taking answers is judged on its forged answers only.
import { sql } from 'drizzle-orm';
import { recordRef } from '../../../../common/inspection-records';
import { surveyMonth } from '../../surveys/figures';
import { counted, finding, RECORDS_KEPT, refs, type AutoContext, type AutoItem } from './context';

const month = (c: AutoContext) => c.once('surveys', () => surveyMonth(c.db, c.p, c.projectId, c.month, c.now));

/** SV-01, SV-02 (CS-52): a survey at least once a year, and an improvement measure for each weak item. */
const surveyed: AutoItem = {
  access: 'survey.read',
  async compute(c) {
    const { figures: f, weakWithoutMeasure, closed } = await month(c);
    if (!f.surveyId || !f.surveyedWithinYear) return finding(1, [recordRef('survey_missing', c.month)]);
    const weak = closed ? weakWithoutMeasure : [];
    return finding(weak.length, refs('survey_item', weak.map((code) => `${f.surveyId}/${code}`)));
  },
};

/** SV-02 (CS-53): the closed survey's index and measures published to owners. */
const published: AutoItem = {
  access: 'survey.read',
  async compute(c) {
    const { figures: f, closed } = await month(c);
    const bad = !!f.surveyId && f.surveyedWithinYear && closed && !f.published;
    return finding(bad ? 1 : 0, bad ? [recordRef('survey', f.surveyId!)] : []);
  },
};

/** SV-02 (CS-54): every measure done (closed with its evidence) by its deadline. */
const measures: AutoItem = {
  access: 'survey.read',
  async compute(c) {
    const { figures: f } = await month(c);
    if (!f.surveyId || !f.measuresOverdue) return finding(0);
    const { C } = await c.range();
    const r = counted(
      await c.db.execute(sql`
        select id, count(*) over ()::int as n from survey_measures
         where survey_id = ${f.surveyId} and created_at < ${C}::timestamptz and due_at < ${C}::timestamptz
           and (closed_at is null or closed_at >= ${C}::timestamptz)
         order by due_at limit ${RECORDS_KEPT}`),
    );
    return finding(f.measuresOverdue, refs('survey_measure', r.ids.map((id) => `${f.surveyId}/${id}`)));
  },
};

/**
 * SV-04 (CS-55): no forged questionnaire — every answer drawn for verification called back once the survey
 * closed (an unreachable owner leaves it unverified), and none found forged ("never asked", "answered differently").
 */
const verified: AutoItem = {
  access: 'survey.read',
  async compute(c) {
    const { figures: f, closed } = await month(c);
    if (!f.surveyId) return finding(0);
    const unverified = closed ? f.verificationSelected - f.verified : 0;
    if (unverified + f.forged <= 0) return finding(0);
    const { T } = await c.range();
    const r = counted(
      await c.db.execute(sql`
        select id, count(*) over ()::int as n from survey_answers
         where survey_id = ${f.surveyId} and answered_at < ${T}::timestamptz
           and (forged or (${closed}::boolean and verify_selected_at is not null and (verify_outcome is null or verify_outcome = 'unreachable')))
         order by forged desc, answered_at limit ${RECORDS_KEPT}`),
    );
    return finding(unverified + f.forged, refs('survey_answer', r.ids.map((id) => `${f.surveyId}/${id}`)));
  },
};

export const SURVEY_ITEMS: Record<string, AutoItem> = {
  'CS-52': surveyed,
  'CS-53': published,
  'CS-54': measures,
  'CS-55': verified,
};
