// FD-01..FD-04 over HTTP: release passes and the gate's check, shift handover logs, call-recording
// reviews, lost and found, the project's setting and the inspection's monthly figures.
import * as z from 'zod';
import {
  ZFrontdeskFigures,
  ZFrontdeskSettings,
  ZLostCreate,
  ZLostDispose,
  ZLostItem,
  ZLostCandidates,
  ZLostList,
  ZLostListQuery,
  ZLostMatch,
  ZLostReturn,
  ZPass,
  ZPassIssue,
  ZPassList,
  ZPassLookupQuery,
  ZPassUse,
  ZPassVoid,
  ZProjectMonthQuery,
  ZReviewCreate,
  ZReviewList,
  ZShiftLog,
  ZShiftLogList,
  ZShiftLogSign,
  ZShiftLogStart,
  ZShiftLogUpdate,
} from '../../../common/frontdesk';
import { ZIdParams } from '../../../common/shared';
import { notFound } from '../../platform/errors';
import { attachmentOf, sendAttachment } from '../files/serve';
import { principal, type App, type Deps } from '../../platform/http';
import { authorize, can } from '../../platform/policy';
import { issuePass } from './commands/issue-pass';
import { createLost, disposeLost, matchLost, returnLost, saveSettings } from './commands/lost-item';
import { logReview } from './commands/log-review';
import { signLog, startLog, updateLog } from './commands/shift-log';
import { usePass, voidPass } from './commands/use-pass';
import { frontdeskFigures } from './figures';
import { listLost, lostCandidates, lostDetail, unclaimedDaysOf } from './lost';
import { listPasses, lookupPasses, passDetail } from './passes';
import { listReviews } from './reviews';
import { listLogs, logDetail } from './shift-logs';

const ZCreated = z.object({ id: z.uuid() });

export function frontdeskRoutes(app: App, { db, storage }: Deps) {
  // FD-01: item release passes.
  app.get('/api/release-passes', { schema: { querystring: ZProjectMonthQuery, response: { 200: ZPassList } }, config: { access: 'frontdesk.read' } }, (req) =>
    listPasses(db, principal(req), req.query.projectId, req.query.month),
  );
  app.get('/api/release-passes/check', { schema: { querystring: ZPassLookupQuery, response: { 200: ZPassList } }, config: { access: 'frontdesk.gate' } }, (req) =>
    lookupPasses(db, principal(req), req.query.projectId, req.query.q),
  );
  app.get('/api/release-passes/:id', { schema: { params: ZIdParams, response: { 200: ZPass } }, config: { access: 'frontdesk.read' } }, (req) => passDetail(db, principal(req), req.params.id));
  app.post('/api/release-passes', { schema: { body: ZPassIssue, response: { 201: ZPass } }, config: { access: 'frontdesk.desk' } }, async (req, reply) =>
    reply.status(201).send(await issuePass(db, principal(req), req.body)),
  );
  app.post('/api/release-passes/:id/use', { schema: { params: ZIdParams, body: ZPassUse, response: { 200: ZPass } }, config: { access: 'frontdesk.gate' } }, (req) =>
    usePass(db, principal(req), req.params.id, req.body.gate),
  );
  app.post('/api/release-passes/:id/void', { schema: { params: ZIdParams, body: ZPassVoid, response: { 200: ZPass } }, config: { access: 'frontdesk.desk' } }, (req) =>
    voidPass(db, principal(req), req.params.id, req.body),
  );

  // FD-02: shift handover logs.
  app.get('/api/shift-logs', { schema: { querystring: ZProjectMonthQuery, response: { 200: ZShiftLogList } }, config: { access: 'frontdesk.read' } }, (req) =>
    listLogs(db, principal(req), req.query.projectId, req.query.month),
  );
  app.get('/api/shift-logs/:id', { schema: { params: ZIdParams, response: { 200: ZShiftLog } }, config: { access: 'frontdesk.read' } }, (req) => logDetail(db, principal(req), req.params.id));
  app.post('/api/shift-logs', { schema: { body: ZShiftLogStart, response: { 201: ZShiftLog } }, config: { access: 'frontdesk.desk' } }, async (req, reply) =>
    reply.status(201).send(await startLog(db, principal(req), req.body)),
  );
  app.put('/api/shift-logs/:id', { schema: { params: ZIdParams, body: ZShiftLogUpdate, response: { 200: ZShiftLog } }, config: { access: 'frontdesk.desk' } }, (req) =>
    updateLog(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/shift-logs/:id/sign', { schema: { params: ZIdParams, body: ZShiftLogSign, response: { 200: ZShiftLog } }, config: { access: 'frontdesk.desk' } }, (req) =>
    signLog(db, principal(req), req.params.id, req.body),
  );

  // FD-03: call-recording reviews and the weekly rule.
  app.get('/api/call-reviews', { schema: { querystring: ZProjectMonthQuery, response: { 200: ZReviewList } }, config: { access: 'frontdesk.read' } }, (req) =>
    listReviews(db, principal(req), req.query.projectId, req.query.month),
  );
  app.post('/api/call-reviews', { schema: { body: ZReviewCreate, response: { 201: ZCreated } }, config: { access: 'frontdesk.review' } }, async (req, reply) =>
    reply.status(201).send(await logReview(db, principal(req), req.body)),
  );

  // FD-04: lost and found.
  app.get('/api/lost-items', { schema: { querystring: ZLostListQuery, response: { 200: ZLostList } }, config: { access: 'frontdesk.read' } }, (req) => listLost(db, principal(req), req.query));
  app.get('/api/lost-items/:id', { schema: { params: ZIdParams, response: { 200: ZLostItem } }, config: { access: 'frontdesk.read' } }, (req) => lostDetail(db, principal(req), req.params.id));
  app.get('/api/lost-items/:id/candidates', { schema: { params: ZIdParams, response: { 200: ZLostCandidates } }, config: { access: 'frontdesk.read' } }, (req) =>
    lostCandidates(db, principal(req), req.params.id),
  );
  app.post('/api/lost-items', { schema: { body: ZLostCreate, response: { 201: ZLostItem } }, config: { access: 'frontdesk.desk' }, bodyLimit: 32 * 1024 * 1024 }, async (req, reply) =>
    reply.status(201).send(await createLost(db, principal(req), storage, req.body)),
  );
  app.post('/api/lost-items/:id/match', { schema: { params: ZIdParams, body: ZLostMatch, response: { 200: ZLostItem } }, config: { access: 'frontdesk.desk' } }, (req) =>
    matchLost(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/lost-items/:id/return', { schema: { params: ZIdParams, body: ZLostReturn, response: { 200: ZLostItem } }, config: { access: 'frontdesk.desk' }, bodyLimit: 4 * 1024 * 1024 }, (req) =>
    returnLost(db, principal(req), storage, req.params.id, req.body),
  );
  app.post('/api/lost-items/:id/dispose', { schema: { params: ZIdParams, body: ZLostDispose, response: { 200: ZLostItem } }, config: { access: 'frontdesk.desk' } }, (req) =>
    disposeLost(db, principal(req), req.params.id, req.body),
  );
  // FD-04: a photo or signature of the register, for its readers only.
  app.get('/api/lost-files/:id', { schema: { params: ZIdParams }, config: { access: 'frontdesk.read' } }, async (req, reply) => {
    const p = principal(req);
    const f = await attachmentOf(db, p, req.params.id, ['lost_item']);
    if (!can(p, 'frontdesk.read', f.projectId)) throw notFound();
    return sendAttachment(reply, storage, f);
  });
  app.get('/api/projects/:id/frontdesk-settings', { schema: { params: ZIdParams, response: { 200: ZFrontdeskSettings } }, config: { access: 'frontdesk.read' } }, async (req) => {
    if (!can(principal(req), 'frontdesk.read', req.params.id)) throw notFound();
    return unclaimedDaysOf(db, req.params.id);
  });
  app.put('/api/projects/:id/frontdesk-settings', { schema: { params: ZIdParams, body: ZFrontdeskSettings, response: { 200: ZFrontdeskSettings } }, config: { access: 'settings.write' } }, (req) => {
    const p = principal(req);
    authorize(p, 'settings.write', req.params.id, 'project.read');
    return saveSettings(db, p, req.params.id, req.body);
  });

  // The inspection's figures: one query per project and month.
  app.get('/api/projects/:id/frontdesk-figures', { schema: { params: ZIdParams, querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }), response: { 200: ZFrontdeskFigures } }, config: { access: 'frontdesk.read' } }, (req) =>
    frontdeskFigures(db, principal(req), req.params.id, req.query.month),
  );
}
