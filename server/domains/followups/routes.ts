import * as z from 'zod';
import { ZFollowupAttempt, ZFollowupQueue } from '../../../common/desk';
import { ZId, ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { recordAttempt } from './commands/record-attempt';
import { followupQueue } from './queries';

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
}
