// X-03, FD-01, FD-06: the portal's errands — item-release pass requests (an owner's is issued at once, a
// tenant's waits for an owner of the unit to confirm it in the portal) and bookings of the rooms residents may
// book (the gym, the clubhouse meeting room). Shared by the server's routes and the portal's pages.
import * as z from 'zod';
import { ZId } from './shared';
import { PASS_STATES } from './frontdesk';
import { bookingWindow, ZRoomKind } from './rooms';

const ZText = (max: number) => z.string().trim().max(max);

// ---- FD-01: pass requests ----
export const PASS_REQUEST_STATUSES = ['awaiting_owner', 'issued', 'declined'] as const;
export type TPassRequestStatus = (typeof PASS_REQUEST_STATUSES)[number];

export const ZPortalPassRequestCreate = z.object({
  unitId: ZId,
  items: ZText(300).min(1),
  pieces: z.number().int().min(1).max(999),
  validOn: z.iso.date(), // the day the items go out
  timeOut: z
    .string()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/) // HH:MM, or empty
    .default(''),
  vehiclePlate: ZText(12).default(''),
  note: ZText(200).default(''),
});
export type TPortalPassRequestCreate = z.input<typeof ZPortalPassRequestCreate>;

export const ZPortalPassRequest = z.object({
  id: ZId,
  unitId: ZId,
  path: z.string(),
  projectName: z.string(),
  relation: z.enum(['owner', 'tenant']),
  requesterName: z.string(),
  items: z.string(),
  pieces: z.number().int(),
  validOn: z.string(),
  timeOut: z.string(),
  vehiclePlate: z.string(),
  note: z.string(),
  status: z.enum(PASS_REQUEST_STATUSES),
  /** the signed-in resident asked for it */
  mine: z.boolean(),
  /** the signed-in resident owns the unit and may confirm or decline it */
  canDecide: z.boolean(),
  ownerName: z.string().nullable(),
  confirmMethod: z.enum(['phone', 'portal']).nullable(),
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  createdAt: z.string(),
  pass: z.object({ id: ZId, number: z.string(), checkCode: z.string(), state: z.enum(PASS_STATES), usedAt: z.string().nullable() }).nullable(),
  version: z.number().int(),
});
export type TPortalPassRequest = z.infer<typeof ZPortalPassRequest>;
export const ZPortalPassDecision = z.object({ version: z.number().int(), reason: ZText(200).default('') });

/** The desk's view of the portal's requests (GET /api/pass-requests). */
export const ZPassRequestQuery = z.object({ projectId: ZId, status: z.enum(PASS_REQUEST_STATUSES).optional() });
export const ZStaffPassRequest = z.object({
  id: ZId,
  unitId: ZId,
  unitPath: z.string(),
  customerId: ZId,
  requesterName: z.string(),
  requesterPhone: z.string(),
  relation: z.enum(['owner', 'tenant']),
  items: z.string(),
  pieces: z.number().int(),
  validOn: z.string(),
  timeOut: z.string(),
  vehiclePlate: z.string(),
  note: z.string(),
  status: z.enum(PASS_REQUEST_STATUSES),
  createdAt: z.string(),
  passId: ZId.nullable(),
  passNumber: z.string().nullable(),
  /** the unit's current owners, for the desk's phone call */
  owners: z.array(z.object({ id: ZId, name: z.string(), phone: z.string() })),
  version: z.number().int(),
});
export type TStaffPassRequest = z.infer<typeof ZStaffPassRequest>;
/** FD-01: the desk issues a tenant's request after confirming with the owner by phone. */
export const ZPassRequestIssue = z.object({ version: z.number().int(), ownerId: ZId, note: ZText(200).default('') });

// ---- FD-06: bookings from the portal ----
export const ZPortalRoom = z.object({ id: ZId, projectId: ZId, projectName: z.string(), kind: ZRoomKind, name: z.string(), capacity: z.number().int(), feePerHour: z.number().int(), equipment: z.string() });
export type TPortalRoom = z.infer<typeof ZPortalRoom>;
export const ZPortalSlotsQuery = z.object({ date: z.iso.date() });
export const ZPortalSlots = z.object({
  date: z.string(),
  slots: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), free: z.boolean(), taken: z.boolean() })), // taken: booked; not free and not taken: past
});
export type TPortalSlots = z.infer<typeof ZPortalSlots>;
export const ZPortalBookingCreate = bookingWindow(
  z.object({
    roomId: ZId,
    unitId: ZId,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    purpose: ZText(200).min(1),
    attendees: z.number().int().min(1).max(2000),
    requirements: ZText(500).default(''),
  }),
);
export type TPortalBookingCreate = z.input<typeof ZPortalBookingCreate>;
export const ZPortalBooking = z.object({
  id: ZId,
  roomId: ZId,
  roomName: z.string(),
  projectName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string(),
  attendees: z.number().int(),
  fee: z.number().int(), // fen
  status: z.enum(['booked', 'used', 'cancelled']),
  canCancel: z.boolean(),
  version: z.number().int(),
});
export type TPortalBooking = z.infer<typeof ZPortalBooking>;
export const ZPortalBookingCancel = z.object({ version: z.number().int(), reason: ZText(200).default('') });
