// FD-06: the rooms of a project and their bookings over a period.
import { and, asc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { TBooking, TRoom } from '../../../common/rooms';
import { fromLocal, addDays } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { projectTimezone } from '../org/queries';
import { meetingRooms, roomBookings } from './tables';

export const presentRoom = (r: typeof meetingRooms.$inferSelect): TRoom => ({ id: r.id, projectId: r.projectId, kind: r.kind as TRoom['kind'], name: r.name, capacity: r.capacity, feePerHour: r.feePerHour, equipment: r.equipment, residentBookable: r.residentBookable, version: r.version });

const present = (b: typeof roomBookings.$inferSelect, roomName: string): TBooking => ({
  id: b.id,
  projectId: b.projectId,
  roomId: b.roomId,
  roomName,
  startsAt: b.startsAt.toISOString(),
  endsAt: b.endsAt.toISOString(),
  bookerName: b.bookerName,
  bookerPhone: b.bookerPhone,
  purpose: b.purpose,
  attendees: b.attendees,
  requirements: b.requirements,
  notice: b.notice,
  fee: b.fee,
  status: b.status as TBooking['status'],
  usageNote: b.usageNote,
  setupDone: b.setupDone,
  cleaningDone: b.cleaningDone,
  workOrderId: b.workOrderId,
  version: b.version,
});

export async function listRooms(db: DbOrTx, p: Principal, projectId: string): Promise<TRoom[]> {
  if (!can(p, 'room.read', projectId)) throw notFound();
  return (await db.select().from(meetingRooms).where(and(eq(meetingRooms.projectId, projectId), isNull(meetingRooms.retiredAt))).orderBy(asc(meetingRooms.name))).map(presentRoom);
}

export async function listBookings(db: DbOrTx, p: Principal, projectId: string, from: string, to: string): Promise<TBooking[]> {
  if (!can(p, 'room.read', projectId)) throw notFound();
  const tz = await projectTimezone(db, projectId);
  const rows = await db
    .select({ b: roomBookings, roomName: meetingRooms.name })
    .from(roomBookings)
    .innerJoin(meetingRooms, eq(meetingRooms.id, roomBookings.roomId))
    .where(and(eq(roomBookings.projectId, projectId), gte(roomBookings.startsAt, fromLocal(from, 0, tz)), lt(roomBookings.startsAt, fromLocal(addDays(to, 1), 0, tz))))
    .orderBy(asc(roomBookings.startsAt))
    .limit(1000);
  return rows.map((r) => present(r.b, r.roomName));
}

export async function bookingById(db: DbOrTx, p: Principal, id: string): Promise<TBooking> {
  const [r] = await db
    .select({ b: roomBookings, roomName: meetingRooms.name })
    .from(roomBookings)
    .innerJoin(meetingRooms, eq(meetingRooms.id, roomBookings.roomId))
    .where(and(eq(roomBookings.id, id), eq(roomBookings.companyId, p.companyId)));
  if (!r || !can(p, 'room.read', r.b.projectId)) throw notFound();
  return present(r.b, r.roomName);
}
