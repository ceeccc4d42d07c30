// X-03, FD-06: a resident books the rooms of their project that residents may book (meeting_rooms.resident_bookable:
// the gym, the clubhouse meeting room — never the staff's rooms) through the desk's own booking command, by the
// clerk on duty: the same exclusion constraint decides between a desk booking and a portal booking sent at once.
// A resident sees and cancels only the bookings they made in the portal.
import { and, asc, eq, gte, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { TPortalBooking, TPortalBookingCreate, TPortalRoom, TPortalSlots } from '../../../common/portal-errands';
import { ZPortalBookingCreate } from '../../../common/portal-errands';
import { fromLocal } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { principalForUser } from '../auth/session';
import { projectTimezone } from '../org/queries';
import { projects } from '../org/tables';
import { bookRoom, cancelBooking } from '../rooms/commands';
import { meetingRooms, roomBookings } from '../rooms/tables';
import { clerkOnDuty } from './duty';
import { allowedUnit, residentUnits } from './scope';
import type { Resident } from './session';

/** The portal's bookable hours: 08:00–22:00 local, in one-hour slots. */
export const PORTAL_HOURS = { from: 8, to: 22 } as const;

const allowedProjects = async (db: DbOrTx, r: Resident) => [...new Set((await residentUnits(db, r)).filter((u) => u.allowed).map((u) => u.projectId))];

export async function residentRooms(db: DbOrTx, r: Resident): Promise<TPortalRoom[]> {
  const ids = await allowedProjects(db, r);
  if (!ids.length) return [];
  const rows = await db
    .select({ m: meetingRooms, projectName: projects.name })
    .from(meetingRooms)
    .innerJoin(projects, eq(projects.id, meetingRooms.projectId))
    .where(and(eq(meetingRooms.companyId, r.companyId), inArray(meetingRooms.projectId, ids), eq(meetingRooms.residentBookable, true), isNull(meetingRooms.retiredAt)))
    .orderBy(asc(projects.code), asc(meetingRooms.name));
  return rows.map(({ m, projectName }) => ({ id: m.id, projectId: m.projectId, projectName, kind: m.kind as TPortalRoom['kind'], name: m.name, capacity: m.capacity, feePerHour: m.feePerHour, equipment: m.equipment }));
}

/** A room the resident may book: of a project they live in, flagged for residents; any other is not found. */
async function bookableRoom(db: DbOrTx, r: Resident, roomId: string) {
  const room = (await residentRooms(db, r)).find((x) => x.id === roomId);
  if (!room) throw notFound();
  return room;
}

/** FD-06: the day's one-hour slots of a room, free or taken (a past hour is never free). */
export async function roomSlots(db: DbOrTx, r: Resident, roomId: string, date: string, now = new Date()): Promise<TPortalSlots> {
  const room = await bookableRoom(db, r, roomId);
  const tz = await projectTimezone(db, room.projectId);
  const from = fromLocal(date, PORTAL_HOURS.from * 60, tz);
  const to = fromLocal(date, PORTAL_HOURS.to * 60, tz);
  const taken = await db
    .select({ s: roomBookings.startsAt, e: roomBookings.endsAt })
    .from(roomBookings)
    .where(and(eq(roomBookings.roomId, room.id), ne(roomBookings.status, 'cancelled'), lt(roomBookings.startsAt, to), gte(roomBookings.endsAt, from)));
  const slots = [];
  for (let h = PORTAL_HOURS.from; h < PORTAL_HOURS.to; h++) {
    const s = fromLocal(date, h * 60, tz);
    const e = fromLocal(date, (h + 1) * 60, tz);
    const busy = taken.some((b) => b.s < e && b.e > s);
    slots.push({ startsAt: s.toISOString(), endsAt: e.toISOString(), free: !busy && s > now, taken: busy });
  }
  return { date, slots };
}

export async function bookForResident(db: Db, r: Resident, raw: TPortalBookingCreate, now = new Date()): Promise<TPortalBooking> {
  const input = ZPortalBookingCreate.parse(raw);
  const room = await bookableRoom(db, r, input.roomId);
  const unit = await allowedUnit(db, r, input.unitId);
  if (unit.projectId !== room.projectId) throw invalidField('unitId', 'unknown_unit');
  if (new Date(input.startsAt) < now) throw invalidField('startsAt', 'date_in_past');
  const clerk = await principalForUser(db, await clerkOnDuty(db, room.projectId), r.companyId, 'zh-CN');
  const b = await bookRoom(
    db,
    clerk,
    { roomId: room.id, startsAt: input.startsAt, endsAt: input.endsAt, bookerName: unit.customerName, bookerPhone: r.phone, unitId: unit.unitId, purpose: input.purpose, attendees: input.attendees, requirements: input.requirements, notice: '' },
    r.residentId,
  );
  return (await residentBookings(db, r, b.id))[0];
}

export async function residentBookings(db: DbOrTx, r: Resident, id?: string, now = new Date()): Promise<TPortalBooking[]> {
  const rows = await db
    .select({ b: roomBookings, roomName: meetingRooms.name, projectName: projects.name })
    .from(roomBookings)
    .innerJoin(meetingRooms, eq(meetingRooms.id, roomBookings.roomId))
    .innerJoin(projects, eq(projects.id, roomBookings.projectId))
    .where(and(eq(roomBookings.companyId, r.companyId), eq(roomBookings.residentId, r.residentId), id ? eq(roomBookings.id, id) : gte(roomBookings.startsAt, new Date(now.getTime() - 30 * 86_400_000))))
    .orderBy(asc(roomBookings.startsAt))
    .limit(100);
  return rows.map(({ b, roomName, projectName }) => ({
    id: b.id,
    roomId: b.roomId,
    roomName,
    projectName,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    purpose: b.purpose,
    attendees: b.attendees,
    fee: b.fee,
    status: b.status as TPortalBooking['status'],
    canCancel: b.status === 'booked' && b.startsAt > now,
    version: b.version,
  }));
}

/** Their own booking only (another's: not found); cancelled through the desk's command, by the clerk on duty. */
export async function cancelResidentBooking(db: Db, r: Resident, id: string, input: { version: number; reason: string }): Promise<TPortalBooking> {
  const [mine] = await residentBookings(db, r, id);
  if (!mine) throw notFound();
  if (!mine.canCancel) throw new AppError(409, 'booking_closed');
  const [row] = await db.select({ projectId: roomBookings.projectId }).from(roomBookings).where(eq(roomBookings.id, id));
  const clerk = await principalForUser(db, await clerkOnDuty(db, row.projectId), r.companyId, 'zh-CN');
  await cancelBooking(db, clerk, id, { version: input.version, reason: input.reason || '住户取消' });
  return (await residentBookings(db, r, id))[0];
}

/** the notice "booking confirmed" for the resident's portal bookings of the coming days. */
export async function bookingNotices(db: DbOrTx, r: Resident) {
  const rows = await db
    .select({ id: roomBookings.id, createdAt: roomBookings.createdAt, status: roomBookings.status, roomName: meetingRooms.name })
    .from(roomBookings)
    .innerJoin(meetingRooms, eq(meetingRooms.id, roomBookings.roomId))
    .where(and(eq(roomBookings.companyId, r.companyId), eq(roomBookings.residentId, r.residentId), gte(roomBookings.createdAt, new Date(Date.now() - 60 * 86_400_000))))
    .limit(50);
  return rows.map((b) => ({ key: `bk:${b.id}`, action: 'booking_confirmed', at: b.createdAt.toISOString(), number: b.roomName, link: '/bookings', status: b.status }));
}
