import * as z from 'zod';
import { ZSupervision, ZSupervisionQuery, ZSupervisionRecord } from '../../../common/complaints';
import { ZFollowupAttempt, ZFollowupQueue } from '../../../common/desk';
import { ZId, ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { recordAttempt } from './commands/record-attempt';
import { followupQueue } from './queries';
import { recordCheck, supervision } from './supervision';

export function followupRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/followups',
    {
      schema: { querystring: z.object({ projectId: ZId, status: z.enum(['pending', 'done', 'unreachable']).default('pending') }), response: { 200: ZFollowupQueue } },
      config: { access: 'followup.do' },
    },
    (req) => followupQueue(db, principal(req), req.query.projectId, req.query.status),
  );
  app.post(
    '/api/followups/:id/attempts',
    {
      schema: { params: ZIdParams, body: ZFollowupAttempt, response: { 200: z.object({ id: ZId, status: z.string(), attempts: z.number(), version: z.number() }) } },
      config: { access: 'followup.do' },
    },
    (req) => recordAttempt(db, principal(req), req.params.id, req.body),
  );
  // RV-02: the supervisor's and the manager's samples; the level's own action is checked inside.
  app.get('/api/supervision', { schema: { querystring: ZSupervisionQuery, response: { 200: ZSupervision } }, config: { access: 'project.read' } }, (req) =>
    supervision(db, principal(req), req.query),
  );
  app.post(
    '/api/supervision/:id',
    { schema: { params: ZIdParams, body: ZSupervisionRecord, response: { 200: z.object({ id: ZId, outcome: z.string(), version: z.number() }) } }, config: { access: 'project.read' } },
    (req) => recordCheck(db, principal(req), req.params.id, req.body),
  );
}
