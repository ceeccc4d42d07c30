// SV-01..SV-04 over HTTP: the questionnaire and its versions, surveys with their sample, answers,
// verification calls, close, measures (with evidence photos), publication, the month's figures — and the
// public one-time link (no sign-in) the resident answers through.
import * as z from 'zod';
import { ZMonthQuery } from '../../../common/archives';
import {
  ZAnswerCreate,
  ZAnswerParams,
  ZLinkAnswer,
  ZLinkView,
  ZMeasureClose,
  ZMeasureCreate,
  ZMeasureParams,
  ZPublish,
  ZQuestionnaire,
  ZQuestionnaireList,
  ZQuestionnaireRevise,
  ZSurveyCreate,
  ZSurveyDetail,
  ZSurveyFigures,
  ZSurveyList,
  ZSurveyListQuery,
  ZTokenParams,
  ZVerifyAnswer,
  ZVersionBody,
} from '../../../common/surveys';
import { ZIdParams } from '../../../common/shared';
import { notFound } from '../../platform/errors';
import { principal, type App, type Deps } from '../../platform/http';
import { can } from '../../platform/policy';
import { attachmentOf, sendAttachment } from '../files/serve';
import { answerByLink, recordAnswer } from './commands/answers';
import { closeSurvey, publishSurvey } from './commands/lifecycle';
import { addMeasure, closeMeasure } from './commands/measures';
import { reviseQuestionnaire } from './commands/questionnaire';
import { startSurvey } from './commands/start-survey';
import { drawVerification, verifyAnswer } from './commands/verify';
import { surveyFigures } from './figures';
import { linkView, listQuestionnaires, listSurveys, loadQuestionnaire, presentQuestionnaire, surveyDetail } from './queries';

const PHOTO_LIMIT = { bodyLimit: 45 * 1024 * 1024 }; // up to six photos of 5 MB, base64
const ZOk = z.object({ ok: z.literal(true) });

export function surveyRoutes(app: App, { db, storage }: Deps) {
  // SV-01: the company's questionnaire, versioned
  app.get('/api/survey-questionnaires', { schema: { response: { 200: ZQuestionnaireList } }, config: { access: 'survey.read' } }, (req) => listQuestionnaires(db, principal(req)));
  app.get('/api/survey-questionnaires/:id', { schema: { params: ZIdParams, response: { 200: ZQuestionnaire } }, config: { access: 'survey.read' } }, async (req) =>
    presentQuestionnaire(await loadQuestionnaire(db, principal(req).companyId, req.params.id)),
  );
  app.post(
    '/api/survey-questionnaires/:id/versions',
    { schema: { params: ZIdParams, body: ZQuestionnaireRevise, response: { 201: ZQuestionnaire } }, config: { access: 'survey.configure' } },
    async (req, reply) => reply.status(201).send(await reviseQuestionnaire(db, principal(req), req.params.id, req.body)),
  );
  // SV-01: surveys and their samples
  app.get('/api/surveys', { schema: { querystring: ZSurveyListQuery, response: { 200: ZSurveyList } }, config: { access: 'survey.read' } }, (req) => listSurveys(db, principal(req), req.query));
  app.post('/api/surveys', { schema: { body: ZSurveyCreate, response: { 201: ZSurveyDetail } }, config: { access: 'survey.manage' } }, async (req, reply) =>
    reply.status(201).send(await startSurvey(db, principal(req), req.body)),
  );
  app.get('/api/surveys/:id', { schema: { params: ZIdParams, response: { 200: ZSurveyDetail } }, config: { access: 'survey.read' } }, (req) => surveyDetail(db, principal(req), req.params.id));
  // SV-04: answers by phone or on site, and the verification calls
  app.post('/api/surveys/:id/answers', { schema: { params: ZIdParams, body: ZAnswerCreate, response: { 201: ZSurveyDetail } }, config: { access: 'survey.answer' } }, async (req, reply) =>
    reply.status(201).send(await recordAnswer(db, principal(req), req.params.id, req.body)),
  );
  app.post('/api/surveys/:id/verification-draw', { schema: { params: ZIdParams, response: { 200: ZSurveyDetail } }, config: { access: 'survey.verify' } }, (req) =>
    drawVerification(db, principal(req), req.params.id),
  );
  app.post('/api/surveys/:id/answers/:answerId/verify', { schema: { params: ZAnswerParams, body: ZVerifyAnswer, response: { 200: ZSurveyDetail } }, config: { access: 'survey.verify' } }, (req) =>
    verifyAnswer(db, principal(req), req.params.id, req.params.answerId, req.body),
  );
  // SV-02, SV-03: close, measures, publication
  app.post('/api/surveys/:id/close', { schema: { params: ZIdParams, body: ZVersionBody, response: { 200: ZSurveyDetail } }, config: { access: 'survey.manage' } }, (req) =>
    closeSurvey(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/surveys/:id/measures', { schema: { params: ZIdParams, body: ZMeasureCreate, response: { 201: ZSurveyDetail } }, config: { access: 'survey.manage' } }, async (req, reply) =>
    reply.status(201).send(await addMeasure(db, principal(req), req.params.id, req.body)),
  );
  app.post(
    '/api/surveys/:id/measures/:measureId/close',
    { schema: { params: ZMeasureParams, body: ZMeasureClose, response: { 200: ZSurveyDetail } }, config: { access: 'survey.manage' }, ...PHOTO_LIMIT },
    (req) => closeMeasure(db, storage, principal(req), req.params.id, req.params.measureId, req.body),
  );
  app.post('/api/surveys/:id/publish', { schema: { params: ZIdParams, body: ZPublish, response: { 200: ZSurveyDetail } }, config: { access: 'survey.manage' } }, (req) =>
    publishSurvey(db, principal(req), req.params.id, req.body),
  );
  app.get('/api/survey-photos/:id', { schema: { params: ZIdParams }, config: { access: 'survey.read' } }, async (req, reply) => {
    const p = principal(req);
    const f = await attachmentOf(db, p, req.params.id, ['survey_measure']);
    if (!can(p, 'survey.read', f.projectId)) throw notFound();
    return sendAttachment(reply, storage, f);
  });
  app.get('/api/projects/:id/survey-figures', { schema: { params: ZIdParams, querystring: ZMonthQuery, response: { 200: ZSurveyFigures } }, config: { access: 'survey.read' } }, (req) =>
    surveyFigures(db, principal(req), req.params.id, req.query.month),
  );
  // SV-04: the resident's one-time link — public; the token is the only key, spent on the first answer.
  const rateLimit = { max: 30, timeWindow: '1 minute' };
  app.get('/api/survey-links/:token', { schema: { params: ZTokenParams, response: { 200: ZLinkView } }, config: { access: 'public', rateLimit } }, (req) => linkView(db, req.params.token));
  app.post('/api/survey-links/:token', { schema: { params: ZTokenParams, body: ZLinkAnswer, response: { 201: ZOk } }, config: { access: 'public', rateLimit } }, async (req, reply) =>
    reply.status(201).send(await answerByLink(db, req.params.token, req.body)),
  );
}
