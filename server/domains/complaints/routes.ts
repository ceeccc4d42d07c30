import { ZComplaintAction, ZComplaintCreate, ZComplaintDetail, ZComplaintList, ZComplaintListQuery, ZFlagList, ZFlagQuery } from '../../../common/complaints';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { complaintAction } from './commands/complaint-action';
import { registerComplaint } from './commands/register-complaint';
import { complaintDetail, listComplaints, listFlags } from './queries';

export function complaintRoutes(app: App, { db }: Deps) {
  app.post('/api/complaints', { schema: { body: ZComplaintCreate, response: { 201: ZComplaintDetail } }, config: { access: 'case.create' } }, async (req, reply) =>
    reply.status(201).send(await registerComplaint(db, principal(req), req.body)),
  );
  app.get('/api/complaints', { schema: { querystring: ZComplaintListQuery, response: { 200: ZComplaintList } }, config: { access: 'case.read' } }, (req) =>
    listComplaints(db, principal(req), req.query),
  );
  app.get('/api/complaints/:id', { schema: { params: ZIdParams, response: { 200: ZComplaintDetail } }, config: { access: 'case.read' } }, (req) =>
    complaintDetail(db, principal(req), req.params.id),
  );
  app.post('/api/complaints/:id/actions', { schema: { params: ZIdParams, body: ZComplaintAction, response: { 200: ZComplaintDetail } }, config: { access: 'case.read' } }, (req) =>
    complaintAction(db, principal(req), req.params.id, req.body),
  );
  // CP-02: the month's flags of a project.
  app.get('/api/flags', { schema: { querystring: ZFlagQuery, response: { 200: ZFlagList } }, config: { access: 'case.read' } }, (req) =>
    listFlags(db, principal(req), req.query.projectId, req.query.month, req.query.kind),
  );
}
