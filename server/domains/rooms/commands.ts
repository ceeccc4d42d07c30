// FD-06: rooms, bookings (refused when they overlap — the exclusion constraint decides, so it holds under
// concurrency), cancellation, and the record of use with setup and cleaning; an equipment fault becomes a
// work order through the desk's command.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TBooking, TRoom, ZBookingCancel, ZBookingCreate, ZBookingFinish, ZRoomCreate } from '../../../common/rooms';
import { runCommand } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound, updatedOrStale } from '../../platform/errors';
import { authorize, type Principal } from '../../platform/policy';
import { units } from '../org/tables';
import { openPatrolOrder } from '../patrols/orders';
import { bookingById, presentRoom } from './queries';
import { meetingRooms, roomBookings } from './tables';

const HALF_HOUR = 30 * 60_000;

export function createRoom(db: Db, p: Principal, input: z.infer<typeof ZRoomCreate>): Promise<TRoom> {
  return runCommand(db, p, async (ctx) => {
    authorize(p, 'room.manage', input.projectId, 'room.read');
    const [r] = await ctx.tx.insert(meetingRooms).values({ companyId: p.companyId, ...input, createdAt: ctx.now }).returning();
    await ctx.audit({ entity: 'meeting_room', entityId: r.id, projectId: r.projectId, action: 'create', after: input });
    return presentRoom(r);
  });
}

const isExclusion = (e: unknown): boolean => {
  for (let x = e as { code?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x) if (x.code === '23P01') return true;
  return false;
};

/** `residentId`: booked by a resident in the portal, through the clerk on duty. */
export async function bookRoom(db: Db, p: Principal, input: z.infer<typeof ZBookingCreate>, residentId?: string): Promise<TBooking> {
  try {
    return await runCommand(db, p, async (ctx) => {
      const [room] = await ctx.tx.select().from(meetingRooms).where(and(eq(meetingRooms.id, input.roomId), eq(meetingRooms.companyId, p.companyId)));
      if (!room) throw notFound();
      authorize(p, 'room.book', room.projectId, 'room.read');
      if (room.retiredAt) throw new AppError(409, 'room_retired');
      if (input.attendees > room.capacity) throw invalidField('attendees', 'over_capacity');
      if (input.unitId) {
        const [u] = await ctx.tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), eq(units.projectId, room.projectId)));
        if (!u) throw invalidField('unitId', 'unknown_unit');
      }
      const starts = new Date(input.startsAt);
      const ends = new Date(input.endsAt);
      const halfHours = Math.ceil((ends.getTime() - starts.getTime()) / HALF_HOUR);
      const fee = Math.round((room.feePerHour * halfHours) / 2);
      const [b] = await ctx.tx
        .insert(roomBookings)
        .values({
          companyId: p.companyId,
          projectId: room.projectId,
          roomId: room.id,
          startsAt: starts,
          endsAt: ends,
          bookerName: input.bookerName,
          bookerPhone: input.bookerPhone,
          unitId: input.unitId ?? null,
          purpose: input.purpose,
          attendees: input.attendees,
          requirements: input.requirements,
          notice: input.notice,
          fee,
          residentId: residentId ?? null,
          createdBy: p.userId,
          createdAt: ctx.now,
        })
        .returning();
      await ctx.audit({ entity: 'room_booking', entityId: b.id, projectId: b.projectId, action: 'create', after: { roomId: room.id, startsAt: input.startsAt, endsAt: input.endsAt, bookerName: input.bookerName, fee, ...(residentId ? { via: 'portal' } : {}) } });
      return bookingById(ctx.tx, p, b.id);
    });
  } catch (e) {
    // FD-06: the exclusion constraint refused an overlap — also when the other booking committed a moment ago.
    if (isExclusion(e)) throw new AppError(409, 'booking_conflict', [{ path: 'startsAt', key: 'slot_taken' }]);
    throw e;
  }
}

async function loadBooking(db: Parameters<typeof bookingById>[0], p: Principal, id: string) {
  const [b] = await db.select().from(roomBookings).where(and(eq(roomBookings.id, id), eq(roomBookings.companyId, p.companyId)));
  if (!b) throw notFound();
  authorize(p, 'room.book', b.projectId, 'room.read');
  if (b.status !== 'booked') throw new AppError(409, 'booking_closed');
  return b;
}

export function cancelBooking(db: Db, p: Principal, id: string, input: z.infer<typeof ZBookingCancel>): Promise<TBooking> {
  return runCommand(db, p, async (ctx) => {
    const b = await loadBooking(ctx.tx, p, id);
    updatedOrStale(
      await ctx.tx
        .update(roomBookings)
        .set({ status: 'cancelled', cancelReason: input.reason, version: sql`${roomBookings.version} + 1` })
        .where(and(eq(roomBookings.id, id), eq(roomBookings.version, input.version), eq(roomBookings.status, 'booked')))
        .returning({ id: roomBookings.id }),
    );
    await ctx.audit({ entity: 'room_booking', entityId: id, projectId: b.projectId, action: 'cancel', after: { reason: input.reason } });
    return bookingById(ctx.tx, p, id);
  });
}

/** FD-06: the record of use — setup and cleaning done, notes; an equipment fault opens a work order. */
export function finishBooking(db: Db, p: Principal, id: string, input: z.infer<typeof ZBookingFinish>): Promise<TBooking> {
  return runCommand(db, p, async (ctx) => {
    const b = await loadBooking(ctx.tx, p, id);
    const [room] = await ctx.tx.select().from(meetingRooms).where(and(eq(meetingRooms.id, b.roomId), isNull(meetingRooms.retiredAt)));
    const order = input.fault
      ? await openPatrolOrder(ctx, p, { projectId: b.projectId, location: room?.name ?? '', description: input.fault, trade: 'public_facility', priority: 'normal', department: 'engineering' })
      : null;
    updatedOrStale(
      await ctx.tx
        .update(roomBookings)
        .set({ status: 'used', usageNote: input.usageNote, setupDone: input.setupDone, cleaningDone: input.cleaningDone, workOrderId: order?.id ?? null, version: sql`${roomBookings.version} + 1` })
        .where(and(eq(roomBookings.id, id), eq(roomBookings.version, input.version), eq(roomBookings.status, 'booked')))
        .returning({ id: roomBookings.id }),
    );
    await ctx.audit({ entity: 'room_booking', entityId: id, projectId: b.projectId, action: 'finish', after: { usageNote: input.usageNote, setupDone: input.setupDone, cleaningDone: input.cleaningDone, workOrder: order?.number ?? null } });
    return bookingById(ctx.tx, p, id);
  });
}
