import * as z from 'zod';
import { ZPriceList, ZServiceItem, ZServiceItemCreate, ZServiceItemUpdate } from '../../../common/paid';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { can } from '../../platform/policy';
import { createItem, updateItem } from './commands/write-item';
import { priceList } from './queries';

export function paidRoutes(app: App, { db }: Deps) {
  // PS-01: the price list is public — residents and the future portal read it without signing in.
  app.get(
    '/api/projects/:id/price-list',
    { schema: { params: ZIdParams, querystring: z.object({ all: z.enum(['1']).optional() }), response: { 200: ZPriceList } }, config: { access: 'public' } },
    (req) => priceList(db, req.params.id, !!req.query.all && !!req.principal && can(req.principal, 'catalog.write', req.params.id)),
  );
  app.post('/api/service-items', { schema: { body: ZServiceItemCreate, response: { 201: ZServiceItem } }, config: { access: 'catalog.write' } }, async (req, reply) =>
    reply.status(201).send(await createItem(db, principal(req), req.body)),
  );
  app.put('/api/service-items/:id', { schema: { params: ZIdParams, body: ZServiceItemUpdate, response: { 200: ZServiceItem } }, config: { access: 'catalog.write' } }, (req) =>
    updateItem(db, principal(req), req.params.id, req.body),
  );
}
