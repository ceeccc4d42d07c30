// X-03, FD-01, FD-06: the portal's pass requests and bookings under /api/resident (access 'resident', scoped to
// the resident's own units on the server), and the desk's view of the portal's pass requests.
import * as z from 'zod';
import {
  ZPassRequestIssue,
  ZPassRequestQuery,
  ZPortalBooking,
  ZPortalBookingCancel,
  ZPortalBookingCreate,
  ZPortalPassDecision,
  ZPortalPassRequest,
  ZPortalPassRequestCreate,
  ZPortalRoom,
  ZPortalSlots,
  ZPortalSlotsQuery,
  ZStaffPassRequest,
} from '../../../common/portal-errands';
import { ZPass } from '../../../common/frontdesk';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { bookForResident, cancelResidentBooking, residentBookings, residentRooms, roomSlots } from './bookings';
import { decidePassRequest, issuePassRequest, passRequestFor, requestPass, residentPassRequests, staffPassRequests } from './passes';
import { resident } from './routes';

const access = { access: 'resident' } as const;

export function residentErrandRoutes(app: App, { db }: Deps) {
  // FD-01: item-release pass requests; an owner's is issued at once, a tenant's waits for an owner's confirmation.
  app.get('/api/resident/pass-requests', { schema: { response: { 200: z.array(ZPortalPassRequest) } }, config: access }, (req) => residentPassRequests(db, resident(req)));
  app.post('/api/resident/pass-requests', { schema: { body: ZPortalPassRequestCreate, response: { 201: ZPortalPassRequest } }, config: access }, async (req, reply) =>
    reply.status(201).send(await requestPass(db, resident(req), req.body)),
  );
  app.get('/api/resident/pass-requests/:id', { schema: { params: ZIdParams, response: { 200: ZPortalPassRequest } }, config: access }, (req) => passRequestFor(db, resident(req), req.params.id));
  app.post('/api/resident/pass-requests/:id/confirm', { schema: { params: ZIdParams, body: ZPortalPassDecision, response: { 200: ZPortalPassRequest } }, config: access }, (req) =>
    decidePassRequest(db, resident(req), req.params.id, 'confirm', req.body),
  );
  app.post('/api/resident/pass-requests/:id/decline', { schema: { params: ZIdParams, body: ZPortalPassDecision, response: { 200: ZPortalPassRequest } }, config: access }, (req) =>
    decidePassRequest(db, resident(req), req.params.id, 'decline', req.body),
  );

  // FD-06: the rooms residents may book, a day's free slots, their own bookings.
  app.get('/api/resident/rooms', { schema: { response: { 200: z.array(ZPortalRoom) } }, config: access }, (req) => residentRooms(db, resident(req)));
  app.get('/api/resident/rooms/:id/slots', { schema: { params: ZIdParams, querystring: ZPortalSlotsQuery, response: { 200: ZPortalSlots } }, config: access }, (req) =>
    roomSlots(db, resident(req), req.params.id, req.query.date),
  );
  app.get('/api/resident/room-bookings', { schema: { response: { 200: z.array(ZPortalBooking) } }, config: access }, (req) => residentBookings(db, resident(req)));
  app.post('/api/resident/room-bookings', { schema: { body: ZPortalBookingCreate, response: { 201: ZPortalBooking } }, config: access }, async (req, reply) =>
    reply.status(201).send(await bookForResident(db, resident(req), req.body)),
  );
  app.post('/api/resident/room-bookings/:id/cancel', { schema: { params: ZIdParams, body: ZPortalBookingCancel, response: { 200: ZPortalBooking } }, config: access }, (req) =>
    cancelResidentBooking(db, resident(req), req.params.id, req.body),
  );

  // FD-01: the desk sees the portal's requests awaiting an owner and may issue one after a phone call.
  app.get('/api/pass-requests', { schema: { querystring: ZPassRequestQuery, response: { 200: z.object({ items: z.array(ZStaffPassRequest) }) } }, config: { access: 'frontdesk.read' } }, (req) =>
    staffPassRequests(db, principal(req), req.query.projectId, req.query.status),
  );
  app.post('/api/pass-requests/:id/issue', { schema: { params: ZIdParams, body: ZPassRequestIssue, response: { 200: ZPass } }, config: { access: 'frontdesk.desk' } }, (req) =>
    issuePassRequest(db, principal(req), req.params.id, req.body),
  );
}
