// QI-01..QI-03 over HTTP: standards and their versions, inspections, their findings, submission,
// corrections, and the month's company ranking.
import {
  ZFindingAdd,
  ZFindingEdit,
  ZFindingParams,
  ZFindingReview,
  ZInspectionCorrect,
  ZInspectionDetail,
  ZInspectionList,
  ZInspectionListQuery,
  ZInspectionRanking,
  ZInspectionStart,
  ZInspectionSubmit,
  ZRankingQuery,
  ZStandard,
  ZStandardList,
  ZStandardRevise,
  ZBulletin,
  ZBulletinDraft,
  ZBulletinEdit,
  ZBulletinList,
  ZBulletinPublish,
  ZMonthResults,
  ZRectification,
  ZRectificationClose,
  ZRectificationList,
  ZRectificationQuery,
  ZRectificationReview,
} from '../../../common/inspections';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { addFinding, editFinding, reviewFinding } from './commands/record-finding';
import { reviseStandard } from './commands/revise-standard';
import { startInspection } from './commands/start-inspection';
import { correctInspection, submitInspection } from './commands/submit-inspection';
import { draftBulletin, editBulletin, publishBulletin } from './commands/bulletin';
import { closeRectification, reviewRectification } from './commands/rectification';
import { listRectifications, rectificationDetail } from './rectification-queries';
import { bulletinDetail, listBulletins, resultsOf } from './results';
import { attachmentOf, sendAttachment } from '../files/serve';
import { can } from '../../platform/policy';
import { notFound } from '../../platform/errors';
import { inspectionDetail, inspectionRanking, listInspections, listStandards, loadStandard, presentStandard } from './queries';

export function inspectionRoutes(app: App, { db, storage }: Deps) {
  app.get('/api/inspection-standards', { schema: { response: { 200: ZStandardList } }, config: { access: 'inspection.read' } }, (req) => listStandards(db, principal(req)));
  app.get('/api/inspection-standards/:id', { schema: { params: ZIdParams, response: { 200: ZStandard } }, config: { access: 'inspection.read' } }, async (req) =>
    presentStandard(await loadStandard(db, principal(req).companyId, req.params.id)),
  );
  app.post('/api/inspection-standards/:id/versions', { schema: { params: ZIdParams, body: ZStandardRevise, response: { 201: ZStandard } }, config: { access: 'inspection.configure' } }, async (req, reply) =>
    reply.status(201).send(await reviseStandard(db, principal(req), req.params.id, req.body)),
  );
  app.get('/api/inspections', { schema: { querystring: ZInspectionListQuery, response: { 200: ZInspectionList } }, config: { access: 'inspection.read' } }, (req) =>
    listInspections(db, principal(req), req.query),
  );
  app.get('/api/inspections/ranking', { schema: { querystring: ZRankingQuery, response: { 200: ZInspectionRanking } }, config: { access: 'inspection.read' } }, (req) =>
    inspectionRanking(db, principal(req), req.query.month),
  );
  app.post('/api/inspections', { schema: { body: ZInspectionStart, response: { 201: ZInspectionDetail } }, config: { access: 'inspection.do' } }, async (req, reply) =>
    reply.status(201).send(await startInspection(db, principal(req), req.body)),
  );
  app.get('/api/inspections/:id', { schema: { params: ZIdParams, response: { 200: ZInspectionDetail } }, config: { access: 'inspection.read' } }, (req) =>
    inspectionDetail(db, principal(req), req.params.id),
  );
  app.post('/api/inspections/:id/findings', { schema: { params: ZIdParams, body: ZFindingAdd, response: { 201: ZInspectionDetail } }, config: { access: 'inspection.do' } }, async (req, reply) =>
    reply.status(201).send(await addFinding(db, principal(req), req.params.id, req.body)),
  );
  app.put('/api/inspections/:id/findings/:findingId', { schema: { params: ZFindingParams, body: ZFindingEdit, response: { 200: ZInspectionDetail } }, config: { access: 'inspection.do' } }, (req) =>
    editFinding(db, principal(req), req.params.id, req.params.findingId, req.body),
  );
  app.post('/api/inspections/:id/findings/:findingId/review', { schema: { params: ZFindingParams, body: ZFindingReview, response: { 200: ZInspectionDetail } }, config: { access: 'inspection.do' } }, (req) =>
    reviewFinding(db, principal(req), req.params.id, req.params.findingId, req.body),
  );
  app.post('/api/inspections/:id/submit', { schema: { params: ZIdParams, body: ZInspectionSubmit, response: { 200: ZInspectionDetail } }, config: { access: 'inspection.do' } }, (req) =>
    submitInspection(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/inspections/:id/corrections', { schema: { params: ZIdParams, body: ZInspectionCorrect, response: { 200: ZInspectionDetail } }, config: { access: 'inspection.do' } }, (req) =>
    correctInspection(db, principal(req), req.params.id, req.body),
  );

  // QI-04: the month's results, the bulletin and the rectification of findings.
  app.get('/api/inspections/results', { schema: { querystring: ZRankingQuery, response: { 200: ZMonthResults } }, config: { access: 'inspection.read' } }, (req) =>
    resultsOf(db, principal(req), req.query.month),
  );
  app.get('/api/inspection-bulletins', { schema: { response: { 200: ZBulletinList } }, config: { access: 'inspection.read' } }, (req) => listBulletins(db, principal(req)));
  app.post('/api/inspection-bulletins', { schema: { body: ZBulletinDraft, response: { 201: ZBulletin } }, config: { access: 'inspection.do' } }, async (req, reply) =>
    reply.status(201).send(await draftBulletin(db, principal(req), req.body)),
  );
  app.get('/api/inspection-bulletins/:id', { schema: { params: ZIdParams, response: { 200: ZBulletin } }, config: { access: 'inspection.read' } }, (req) => bulletinDetail(db, principal(req), req.params.id));
  app.put('/api/inspection-bulletins/:id', { schema: { params: ZIdParams, body: ZBulletinEdit, response: { 200: ZBulletin } }, config: { access: 'inspection.do' } }, (req) =>
    editBulletin(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/inspection-bulletins/:id/publish', { schema: { params: ZIdParams, body: ZBulletinPublish, response: { 200: ZBulletin } }, config: { access: 'inspection.do' } }, (req) =>
    publishBulletin(db, principal(req), req.params.id, req.body),
  );
  app.get('/api/rectifications', { schema: { querystring: ZRectificationQuery, response: { 200: ZRectificationList } }, config: { access: 'inspection.read' } }, (req) =>
    listRectifications(db, principal(req), req.query),
  );
  app.get('/api/rectifications/:id', { schema: { params: ZIdParams, response: { 200: ZRectification } }, config: { access: 'inspection.read' } }, (req) => rectificationDetail(db, principal(req), req.params.id));
  app.post(
    '/api/rectifications/:id/close',
    { schema: { params: ZIdParams, body: ZRectificationClose, response: { 200: ZRectification } }, config: { access: 'rectification.close' }, bodyLimit: 45 * 1024 * 1024 },
    (req) => closeRectification(db, storage, principal(req), req.params.id, req.body),
  );
  app.post('/api/rectifications/:id/review', { schema: { params: ZIdParams, body: ZRectificationReview, response: { 200: ZRectification } }, config: { access: 'inspection.do' } }, (req) =>
    reviewRectification(db, principal(req), req.params.id, req.body),
  );
  // QI-04: a rectification's photo, for readers of its project only
  app.get('/api/rectification-photos/:id', { schema: { params: ZIdParams }, config: { access: 'inspection.read' } }, async (req, reply) => {
    const p = principal(req);
    const f = await attachmentOf(db, p, req.params.id, ['rectification']);
    if (!can(p, 'inspection.read', f.projectId)) throw notFound();
    return sendAttachment(reply, storage, f);
  });
}
