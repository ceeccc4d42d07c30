import * as z from 'zod';
import { ZFaq, ZFaqUpdate, ZFaqWrite } from '../../../common/desk';
import { ZId, ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { createFaq, updateFaq } from './commands/write-faq';
import { searchFaq } from './queries';

export function faqRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/faq',
    { schema: { querystring: z.object({ projectId: ZId, q: z.string().trim().max(50).optional() }), response: { 200: z.object({ items: z.array(ZFaq) }) } }, config: { access: 'case.read' } },
    async (req) => ({ items: await searchFaq(db, principal(req), req.query.projectId, req.query.q) }),
  );
  app.post('/api/faq', { schema: { body: ZFaqWrite, response: { 201: ZFaq } }, config: { access: 'faq.write' } }, async (req, reply) =>
    reply.status(201).send(await createFaq(db, principal(req), req.body)),
  );
  app.put('/api/faq/:id', { schema: { params: ZIdParams, body: ZFaqUpdate, response: { 200: ZFaq } }, config: { access: 'faq.write' } }, (req) =>
    updateFaq(db, principal(req), req.params.id, req.body),
  );
}
