// FD-05 express mail and FD-06 over HTTP: rooms, bookings (an overlap is refused with 409), cancellation and the record of use.
import * as z from 'zod';
import { ZBooking, ZBookingCancel, ZBookingCreate, ZBookingFinish, ZBookingQuery, ZExpress, ZExpressCreate, ZExpressProgress, ZExpressQuery, ZRoom, ZRoomCreate } from '../../../common/rooms';
import { listExpress, progressExpress, sendExpress } from './express';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { bookRoom, cancelBooking, createRoom, finishBooking } from './commands';
import { bookingById, listBookings, listRooms } from './queries';

export function roomRoutes(app: App, { db }: Deps) {
  app.get('/api/rooms', { schema: { querystring: z.object({ projectId: z.uuid() }), response: { 200: z.object({ items: z.array(ZRoom) }) } }, config: { access: 'room.read' } }, async (req) => ({
    items: await listRooms(db, principal(req), req.query.projectId),
  }));
  app.post('/api/rooms', { schema: { body: ZRoomCreate, response: { 201: ZRoom } }, config: { access: 'room.manage' } }, async (req, reply) => reply.status(201).send(await createRoom(db, principal(req), req.body)));
  app.get('/api/room-bookings', { schema: { querystring: ZBookingQuery, response: { 200: z.object({ items: z.array(ZBooking) }) } }, config: { access: 'room.read' } }, async (req) => ({
    items: await listBookings(db, principal(req), req.query.projectId, req.query.from, req.query.to),
  }));
  // FD-06: one booking, for its printed meeting notice (会议通知)
  app.get('/api/room-bookings/:id', { schema: { params: ZIdParams, response: { 200: ZBooking } }, config: { access: 'room.read' } }, (req) => bookingById(db, principal(req), req.params.id));
  app.post('/api/room-bookings', { schema: { body: ZBookingCreate, response: { 201: ZBooking } }, config: { access: 'room.book' } }, async (req, reply) => reply.status(201).send(await bookRoom(db, principal(req), req.body)));
  app.post('/api/room-bookings/:id/cancel', { schema: { params: ZIdParams, body: ZBookingCancel, response: { 200: ZBooking } }, config: { access: 'room.book' } }, (req) =>
    cancelBooking(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/room-bookings/:id/finish', { schema: { params: ZIdParams, body: ZBookingFinish, response: { 200: ZBooking } }, config: { access: 'room.book' } }, (req) =>
    finishBooking(db, principal(req), req.params.id, req.body),
  );
  // FD-05: villa express mail, kept by the desk
  app.get('/api/express-mail', { schema: { querystring: ZExpressQuery, response: { 200: z.object({ items: z.array(ZExpress) }) } }, config: { access: 'case.read' } }, async (req) => ({
    items: await listExpress(db, principal(req), req.query.projectId, req.query.open === 'true'),
  }));
  app.post('/api/express-mail', { schema: { body: ZExpressCreate, response: { 201: ZExpress } }, config: { access: 'case.create' } }, async (req, reply) => reply.status(201).send(await sendExpress(db, principal(req), req.body)));
  app.post('/api/express-mail/:id/progress', { schema: { params: ZIdParams, body: ZExpressProgress, response: { 200: ZExpress } }, config: { access: 'case.create' } }, (req) =>
    progressExpress(db, principal(req), req.params.id, req.body),
  );
}
