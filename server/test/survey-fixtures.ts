// Fresh surveys for tests that write (SV-01..SV-04): open, answered and drawn for verification, closed
// with a weak item, with an open or a done measure — started by the project's manager, answered by its clerk.
import type { Db } from '../platform/db';
import type { Storage } from '../platform/storage';
import { recordAnswer } from '../domains/surveys/commands/answers';
import { closeSurvey } from '../domains/surveys/commands/lifecycle';
import { addMeasure, closeMeasure } from '../domains/surveys/commands/measures';
import { startSurvey } from '../domains/surveys/commands/start-survey';
import { DEFAULT_QUESTIONNAIRE_ITEMS } from '../domains/surveys/default-questionnaire';
import { principalOf, userId } from './desk';

const day = (offset = 0) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function surveyFixtures(db: Db, storage: Storage, key: string, projectId: string) {
  const manager = () => principalOf(db, `${key}-manager`);
  return {
    surveyInput: () => ({ projectId, title: '年度业主满意度调查', samplingRatio: 1, verifyRatio: 100, opensOn: day(), closesOn: day(30) }),
    async openSurvey() {
      return startSurvey(db, await manager(), { projectId, title: '年度业主满意度调查', samplingRatio: 1, verifyRatio: 100, opensOn: day(), closesOn: day(30) });
    },
    /** An open survey whose first sampled unit answered by phone to the clerk, every item unsatisfied. */
    async answeredSurvey() {
      const s = await this.openSurvey();
      return recordAnswer(db, await principalOf(db, `${key}-clerk`), s.id, {
        unitId: s.sample[0].unitId,
        channel: 'phone',
        respondent: '业主',
        ratings: DEFAULT_QUESTIONNAIRE_ITEMS.map((i) => ({ code: i.code, rating: 'unsatisfied' as const })),
        comment: '',
      });
    },
    /** Closed: its one answer drawn for verification, every item below target. */
    async closedSurvey() {
      const s = await this.answeredSurvey();
      return closeSurvey(db, await manager(), s.id, { version: s.version });
    },
    async openMeasure() {
      const s = await this.closedSurvey();
      const d = await addMeasure(db, await manager(), s.id, { version: s.version, itemCode: 'Q01', action: '整改', ownerId: await userId(db, `${key}-super`), dueOn: day(10) });
      return { survey: d, measure: d.measures[0] };
    },
    async doneMeasure() {
      const { survey, measure } = await this.openMeasure();
      const d = await closeMeasure(db, storage, await manager(), survey.id, measure.id, { version: measure.version, evidence: '已整改', photos: [{ name: '整改.png', data: PNG }] });
      return { survey: d, measure: d.measures[0] };
    },
  };
}
