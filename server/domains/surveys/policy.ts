// SV-01..SV-04: who may do what with a survey. Reading needs survey.read in its project (another
// project's survey is a 404); the questionnaire is the company's and only a company-wide grant revises it.
import type { TSurveyDetail } from '../../../common/surveys';
import type { TAction } from '../../../common/roles';
import { authorize, can, holdsCompanyWide, type Principal } from '../../platform/policy';

export function authorizeSurvey(p: Principal, action: TAction, projectId: string): void {
  authorize(p, action, projectId, 'survey.read');
}

export const mayConfigureQuestionnaire = (p: Principal) => holdsCompanyWide(p, 'survey.configure');

export function surveyActions(p: Principal, s: { projectId: string; status: string }): TSurveyDetail['actions'] {
  const out: TSurveyDetail['actions'] = [];
  if (s.status === 'open' && can(p, 'survey.answer', s.projectId)) out.push('answer');
  if (can(p, 'survey.verify', s.projectId)) out.push('verify');
  if (can(p, 'survey.manage', s.projectId)) {
    if (s.status === 'open') out.push('close');
    if (s.status !== 'open') out.push('measure');
    if (s.status === 'closed') out.push('publish');
  }
  return out;
}
