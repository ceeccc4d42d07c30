// the portal's complaints (CP-01), paid services (PS-01..PS-04), notices (NT-04) and surveys (SV-04)
// under /api/resident — access 'resident', every record scoped to the resident's own units on the server.
import * as z from 'zod';
import {
  ZPortalBulletin,
  ZPortalBulletinDetail,
  ZPortalComplaint,
  ZPortalComplaintCreate,
  ZPortalComplaintVerdict,
  ZPortalPaidCreate,
  ZPortalPaidOrder,
  ZPortalQuoteAnswer,
  ZPortalSurvey,
} from '../../../common/portal-services';
import { ZPriceList } from '../../../common/paid';
import { ZIdParams } from '../../../common/shared';
import type { App, Deps } from '../../platform/http';
import { openBulletin, residentBulletins } from './bulletins';
import { fileComplaint, rateComplaint, residentComplaint } from './complaints';
import { agreeQuote, declineQuote, orderPaidService, residentPaidOrder, residentPaidOrders, residentPriceList } from './paid';
import { resident } from './routes';
import { residentSurveys } from './surveys';

const access = { access: 'resident' } as const;

export function residentServiceRoutes(app: App, { db }: Deps) {
  // CP-01: complaints, followed by their case id; the follow-up verdict once resolved and answered.
  app.post('/api/resident/complaints', { schema: { body: ZPortalComplaintCreate, response: { 201: z.object({ caseId: z.uuid(), number: z.string() }) } }, config: access }, async (req, reply) =>
    reply.status(201).send(await fileComplaint(db, resident(req), req.body)),
  );
  app.get('/api/resident/complaints/:id', { schema: { params: ZIdParams, response: { 200: ZPortalComplaint } }, config: access }, (req) => residentComplaint(db, resident(req), req.params.id));
  app.post('/api/resident/complaints/:id/verdict', { schema: { params: ZIdParams, body: ZPortalComplaintVerdict, response: { 200: ZPortalComplaint } }, config: access }, (req) =>
    rateComplaint(db, resident(req), req.params.id, req.body),
  );

  // PS-01..PS-04: the price list of the resident's project, orders at listed prices, the quote agreed or declined.
  app.get('/api/resident/units/:id/price-list', { schema: { params: ZIdParams, response: { 200: ZPriceList } }, config: access }, (req) => residentPriceList(db, resident(req), req.params.id));
  app.post('/api/resident/paid-orders', { schema: { body: ZPortalPaidCreate, response: { 201: z.object({ orderId: z.uuid(), caseId: z.uuid(), number: z.string() }) } }, config: access }, async (req, reply) =>
    reply.status(201).send(await orderPaidService(db, resident(req), req.body)),
  );
  app.get('/api/resident/paid-orders', { schema: { response: { 200: z.array(ZPortalPaidOrder) } }, config: access }, (req) => residentPaidOrders(db, resident(req)));
  app.get('/api/resident/paid-orders/:id', { schema: { params: ZIdParams, response: { 200: ZPortalPaidOrder } }, config: access }, (req) => residentPaidOrder(db, resident(req), req.params.id));
  app.post('/api/resident/paid-orders/:id/agree', { schema: { params: ZIdParams, body: ZPortalQuoteAnswer, response: { 200: ZPortalPaidOrder } }, config: access }, (req) =>
    agreeQuote(db, resident(req), req.params.id, req.body),
  );
  app.post('/api/resident/paid-orders/:id/decline', { schema: { params: ZIdParams, body: ZPortalQuoteAnswer, response: { 200: ZPortalPaidOrder } }, config: access }, (req) =>
    declineQuote(db, resident(req), req.params.id, req.body),
  );

  // NT-04: the published notices; opening one records its delivery to the resident's units.
  app.get('/api/resident/bulletins', { schema: { response: { 200: z.array(ZPortalBulletin) } }, config: access }, (req) => residentBulletins(db, resident(req)));
  app.get('/api/resident/bulletins/:id', { schema: { params: ZIdParams, response: { 200: ZPortalBulletinDetail } }, config: access }, (req) => openBulletin(db, resident(req), req.params.id));

  // SV-04: the open surveys the resident's unit is sampled in, with the unit's one-time link.
  app.get('/api/resident/surveys', { schema: { response: { 200: z.array(ZPortalSurvey) } }, config: access }, async (req) => (await residentSurveys(db, resident(req))).map(({ openedAt: _o, ...s }) => s));
}
