import * as z from 'zod';
import { ZCaseClose, ZCaseCreate, ZCaseDetail, ZCaseList, ZCaseListQuery, ZCaseReply, ZCaseTransfer, ZOrderCreate } from '../../../common/desk';
import { ZIdParams } from '../../../common/shared';
import { principal, sendWorkbook, type App, type Deps } from '../../platform/http';
import { recordExport } from '../../platform/personal';
import { projectTimezone } from '../org/queries';
import { exportCases } from './export';
import { createCase } from './commands/create-case';
import { addOrder, closeCase, replyCase, transferCase } from './commands/manage-case';
import { caseDetail, listCases, loadCaseRow } from './queries';

export function caseRoutes(app: App, { db, readDb }: Deps) {
  app.get('/api/cases', { schema: { querystring: ZCaseListQuery, response: { 200: ZCaseList } }, config: { access: 'case.read' } }, (req) =>
    listCases(readDb, principal(req), req.query),
  );
  app.get('/api/cases/export', { schema: { querystring: ZCaseListQuery }, config: { access: 'case.read' } }, async (req, reply) => {
    const p = principal(req);
    const file = await exportCases(readDb, p, req.query, await projectTimezone(readDb, req.query.projectId));
    await recordExport(db, p, req.query.projectId, 'cases', req.query);
    return sendWorkbook(reply, file);
  });
  app.get('/api/cases/:id', { schema: { params: ZIdParams, response: { 200: ZCaseDetail } }, config: { access: 'case.read' } }, (req) =>
    caseDetail(db, principal(req), req.params.id),
  );
  app.post('/api/cases', { schema: { body: ZCaseCreate, response: { 201: ZCaseDetail } }, config: { access: 'case.create' } }, async (req, reply) =>
    reply.status(201).send(await createCase(db, principal(req), req.body)),
  );
  app.post(
    '/api/cases/:id/transfer',
    { schema: { params: ZIdParams, body: ZCaseTransfer, response: { 200: ZCaseDetail } }, config: { access: 'case.create' } },
    (req) => transferCase(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/cases/:id/reply', { schema: { params: ZIdParams, body: ZCaseReply, response: { 200: ZCaseDetail } }, config: { access: 'case.create' } }, (req) =>
    replyCase(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/cases/:id/close', { schema: { params: ZIdParams, body: ZCaseClose, response: { 200: ZCaseDetail } }, config: { access: 'case.create' } }, (req) =>
    closeCase(db, principal(req), req.params.id, req.body.version),
  );
  app.post(
    '/api/cases/:id/orders',
    { schema: { params: ZIdParams, body: z.object({ version: z.number().int(), order: ZOrderCreate }), response: { 200: ZCaseDetail } }, config: { access: 'case.create' } },
    async (req) => {
      const { path } = await loadCaseRow(db, principal(req), req.params.id);
      return addOrder(db, principal(req), req.params.id, req.body.version, req.body.order, path);
    },
  );
}
