// FD-06: meeting rooms and the gym (会务) — rooms with capacity and fees, bookings that never overlap,
// the meeting notice and the client's requirements, the record of use, setup and cleaning, faults to orders.
import * as z from 'zod';
import { ZId, ZPhone } from './shared';

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZNote = (max: number) => z.string().trim().max(max).default('');

export const ROOM_KINDS = ['meeting', 'gym', 'function_hall'] as const;
export const ZRoomKind = z.enum(ROOM_KINDS);
export const ZRoomCreate = z.object({ projectId: ZId, kind: ZRoomKind, name: ZText(60), capacity: z.number().int().min(1).max(2000), feePerHour: z.number().int().min(0).max(1_000_000), equipment: ZNote(300), residentBookable: z.boolean().default(false) });
export const ZRoom = z.object({ id: ZId, projectId: ZId, kind: ZRoomKind, name: z.string(), capacity: z.number().int(), feePerHour: z.number().int(), equipment: z.string(), residentBookable: z.boolean(), version: z.number().int() });
export type TRoom = z.infer<typeof ZRoom>;

export const BOOKING_STATUSES = ['booked', 'used', 'cancelled'] as const;
/** FD-06: a booking ends after it starts and within a day — the desk's booking and the portal's alike. */
export const bookingWindow = <T extends z.ZodType<{ startsAt: string; endsAt: string }>>(schema: T) =>
  schema
    .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), { path: ['endsAt'], error: 'end_before_start' })
    .refine((b) => Date.parse(b.endsAt) - Date.parse(b.startsAt) <= 24 * 3_600_000, { path: ['endsAt'], error: 'booking_too_long' });
export const ZBookingCreate = bookingWindow(
  z.object({
    roomId: ZId,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    bookerName: ZText(30),
    bookerPhone: ZPhone,
    unitId: ZId.optional(),
    purpose: ZText(200),
    attendees: z.number().int().min(1).max(2000),
    requirements: ZNote(500), // client requirements: layout, projector, tea service …
    notice: ZNote(1000), // the meeting notice to post or send
  }),
);
export const ZBookingFinish = z.object({
  version: z.number().int(),
  usageNote: ZNote(500),
  setupDone: z.boolean(),
  cleaningDone: z.boolean(),
  fault: z.string().trim().min(1).max(500).optional(), // an equipment fault → a work order
});
export const ZBookingCancel = z.object({ version: z.number().int(), reason: ZText(200) });
export const ZBooking = z.object({
  id: ZId,
  projectId: ZId,
  roomId: ZId,
  roomName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  bookerName: z.string(),
  bookerPhone: z.string(),
  purpose: z.string(),
  attendees: z.number().int(),
  requirements: z.string(),
  notice: z.string(),
  fee: z.number().int(), // fen: the room's hourly fee × hours, rounded up to the half hour
  status: z.enum(BOOKING_STATUSES),
  usageNote: z.string(),
  setupDone: z.boolean(),
  cleaningDone: z.boolean(),
  workOrderId: ZId.nullable(),
  version: z.number().int(),
});
export type TBooking = z.infer<typeof ZBooking>;
export const ZBookingQuery = z.object({ projectId: ZId, from: z.iso.date(), to: z.iso.date() });

// FD-05: express mail for villa owners — identity checked, item type, courier booked, followed until
// delivered; the courier's fee is the courier's (noted as paid to the courier, never taken by the desk).
export const ITEM_TYPES = ['document', 'parcel', 'fragile', 'valuables', 'other'] as const;
export const IDENTITY_CHECKS = ['id_card', 'known_in_person', 'phone_callback'] as const;
export const EXPRESS_STATUSES = ['booked', 'picked_up', 'in_transit', 'delivered', 'returned'] as const;
export const ZExpressCreate = z.object({
  unitId: ZId,
  customerId: ZId,
  identityCheck: z.enum(IDENTITY_CHECKS),
  itemType: z.enum(ITEM_TYPES),
  destination: ZText(200),
  courier: ZText(40),
  fee: z.number().int().min(0).max(1_000_000), // fen, paid to the courier
  note: ZNote(300),
});
export const ZExpressProgress = z.object({ version: z.number().int(), status: z.enum(EXPRESS_STATUSES), trackingNo: z.string().trim().max(40).optional(), note: ZNote(300) });
export const ZExpress = z.object({
  id: ZId,
  projectId: ZId,
  unitId: ZId,
  path: z.string(),
  customerName: z.string(),
  identityCheck: z.enum(IDENTITY_CHECKS),
  itemType: z.enum(ITEM_TYPES),
  destination: z.string(),
  courier: z.string(),
  trackingNo: z.string(),
  fee: z.number().int(),
  status: z.enum(EXPRESS_STATUSES),
  followUps: z.array(z.object({ at: z.string(), status: z.string(), note: z.string() })),
  nextFollowUpAt: z.string().nullable(),
  followUpOverdue: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TExpress = z.infer<typeof ZExpress>;
export const ZExpressQuery = z.object({ projectId: ZId, open: z.enum(['true', 'false']).optional() });
