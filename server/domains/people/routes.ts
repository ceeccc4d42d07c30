import * as z from 'zod';
import {
  ZCustomer,
  ZCustomerCreate,
  ZCustomerList,
  ZCustomerListQuery,
  ZCustomerUpdate,
  ZLookupQuery,
  ZLookupResult,
  ZStaffList,
} from '../../../common/people';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { recordPersonalView } from '../../platform/personal';
import { can } from '../../platform/policy';
import { createCustomer } from './commands/create-customer';
import { updateCustomer } from './commands/update-customer';
import { customerDetail, listCustomers, listStaff, lookup } from './queries';

export function peopleRoutes(app: App, { db, readDb }: Deps) {
  app.get('/api/customers', { schema: { querystring: ZCustomerListQuery, response: { 200: ZCustomerList } }, config: { access: 'customer.read' } }, (req) =>
    listCustomers(readDb, principal(req), req.query),
  );
  app.get('/api/customers/:id', { schema: { params: ZIdParams, response: { 200: ZCustomer } }, config: { access: 'customer.read' } }, async (req) => {
    const p = principal(req);
    const c = await customerDetail(db, p, req.params.id);
    if (can(p, 'personal.read', c.projectId)) await recordPersonalView(db, p, 'customer', c.id, c.projectId);
    return c;
  });
  app.post('/api/customers', { schema: { body: ZCustomerCreate, response: { 201: ZCustomer } }, config: { access: 'customer.write' } }, async (req, reply) =>
    reply.status(201).send(await createCustomer(db, principal(req), req.body)),
  );
  app.put(
    '/api/customers/:id',
    { schema: { params: ZIdParams, body: ZCustomerUpdate, response: { 200: ZCustomer } }, config: { access: 'customer.write' } },
    (req) => updateCustomer(db, principal(req), req.params.id, req.body),
  );
  app.get('/api/lookup', { schema: { querystring: ZLookupQuery, response: { 200: ZLookupResult } }, config: { access: 'customer.read' } }, async (req) => ({
    hits: await lookup(readDb, principal(req), req.query.q, req.query.projectId),
  }));
  app.get(
    '/api/projects/:id/staff',
    { schema: { params: ZIdParams, response: { 200: ZStaffList } }, config: { access: 'staff.read' } },
    async (req) => ({ items: await listStaff(db, principal(req), req.params.id) }),
  );
}
