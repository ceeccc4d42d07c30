// NT-01..NT-05 over HTTP: notices and their state machine, posting photos, delivery records and the
// inspection's monthly figures.
import {
  ZDeliveries,
  ZDeliveryRecord,
  ZDeliveryResult,
  ZNoticeDetail,
  ZNoticeDraft,
  ZNoticeFigures,
  ZNoticeList,
  ZNoticeListQuery,
  ZNoticeMonthQuery,
  ZNoticePhoto,
  ZNoticePhotoUpload,
  ZNoticeTransition,
  ZNoticeUpdate,
} from '../../../common/notices';
import { ZIdParams } from '../../../common/shared';
import { attachmentOf, sendAttachment } from '../files/serve';
import { principal, type App, type Deps } from '../../platform/http';
import { draftNotice, updateNotice } from './commands/draft-notice';
import { attachNoticePhoto, recordDeliveries } from './commands/record-delivery';
import { transitionNotice } from './commands/transition-notice';
import { noticeFigures } from './figures';
import { listNotices, loadNotice, noticeDeliveryList, noticeDetail } from './queries';

export function noticeRoutes(app: App, { db, storage }: Deps) {
  app.get('/api/notices', { schema: { querystring: ZNoticeListQuery, response: { 200: ZNoticeList } }, config: { access: 'notice.read' } }, (req) =>
    listNotices(db, principal(req), req.query),
  );
  app.post('/api/notices', { schema: { body: ZNoticeDraft, response: { 201: ZNoticeDetail } }, config: { access: 'notice.draft' } }, async (req, reply) =>
    reply.status(201).send(await draftNotice(db, principal(req), req.body)),
  );
  app.get('/api/notices/:id', { schema: { params: ZIdParams, response: { 200: ZNoticeDetail } }, config: { access: 'notice.read' } }, (req) =>
    noticeDetail(db, principal(req), req.params.id),
  );
  app.put('/api/notices/:id', { schema: { params: ZIdParams, body: ZNoticeUpdate, response: { 200: ZNoticeDetail } }, config: { access: 'notice.draft' } }, (req) =>
    updateNotice(db, principal(req), req.params.id, req.body),
  );
  // NT-01, NT-02: every step of the state machine, approval included (the command checks the role).
  app.post('/api/notices/:id/transitions', { schema: { params: ZIdParams, body: ZNoticeTransition, response: { 200: ZNoticeDetail } }, config: { access: 'notice.read' } }, (req) =>
    transitionNotice(db, principal(req), req.params.id, req.body),
  );
  app.post(
    '/api/notices/:id/photos',
    { schema: { params: ZIdParams, body: ZNoticePhotoUpload, response: { 201: ZNoticePhoto } }, config: { access: 'notice.draft' }, bodyLimit: 8 * 1024 * 1024 },
    async (req, reply) => {
      const f = await attachNoticePhoto(db, storage, principal(req), req.params.id, req.body);
      return reply.status(201).send({ id: f.id, kind: f.kind, name: f.name, mime: f.mime, size: f.size, url: `/api/notice-photos/${f.id}`, createdAt: f.createdAt.toISOString() });
    },
  );
  // NT-03: a posting photo is opened only by a reader of its notice.
  app.get('/api/notice-photos/:id', { schema: { params: ZIdParams }, config: { access: 'notice.read' } }, async (req, reply) => {
    const p = principal(req);
    const f = await attachmentOf(db, p, req.params.id, ['notice']);
    await loadNotice(db, p, f.entityId);
    return sendAttachment(reply, storage, f);
  });
  app.get('/api/notices/:id/deliveries', { schema: { params: ZIdParams, response: { 200: ZDeliveries } }, config: { access: 'notice.read' } }, (req) =>
    noticeDeliveryList(db, principal(req), req.params.id),
  );
  app.post('/api/notices/:id/deliveries', { schema: { params: ZIdParams, body: ZDeliveryRecord, response: { 200: ZDeliveryResult } }, config: { access: 'notice.draft' } }, (req) =>
    recordDeliveries(db, principal(req), req.params.id, req.body),
  );
  app.get('/api/projects/:id/notice-figures', { schema: { params: ZIdParams, querystring: ZNoticeMonthQuery, response: { 200: ZNoticeFigures } }, config: { access: 'notice.read' } }, (req) =>
    noticeFigures(db, principal(req), req.params.id, req.query.month),
  );
}
