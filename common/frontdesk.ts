// FD-01..FD-04: the front desk's registers — item release passes, shift handover logs, call-recording
// reviews, lost and found — and their monthly figures. Shared by the server's routes and the web's forms.
import * as z from 'zod';
import { ZId, ZName, ZPhone } from './shared';

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const ZDate = z.iso.date();
const ZText = (max: number) => z.string().trim().max(max);
const ZVersion = z.number().int().min(0);

// FD-03: at least two reviews and 30 minutes of recordings a week.
export const REVIEW_RULE = { perWeek: 2, minutesPerWeek: 30 } as const;
// FD-04: found items unclaimed this many days are flagged for disposal unless the project sets otherwise.
export const DEFAULT_UNCLAIMED_DAYS = 90;

export const ZProjectMonthQuery = z.object({ projectId: ZId, month: ZMonth });

// ---- FD-01: item release passes (携物出门单) ----
export const PASS_CONFIRMATIONS = ['phone', 'portal'] as const;
export const PASS_STATES = ['valid', 'used', 'expired', 'void'] as const;
export type TPassState = (typeof PASS_STATES)[number];

export const ZPassIssue = z.object({
  projectId: ZId,
  unitId: ZId,
  customerId: ZId,
  bearerName: ZName,
  bearerPhone: ZPhone,
  items: ZText(500).min(1),
  pieces: z.number().int().min(1).max(999),
  idChecked: z.literal(true), // the desk saw the resident's ID before issuing
  validOn: ZDate.optional(), // default: today
  // FD-01: a tenant's pass needs the owner's confirmation, by phone or through the portal.
  ownerConfirmation: z.object({ ownerId: ZId, method: z.enum(PASS_CONFIRMATIONS), note: ZText(200).default('') }).optional(),
  vehiclePlate: ZText(12).optional(), // the plate the resident gave, shown at the gate
});
export type TPassIssue = z.infer<typeof ZPassIssue>;

export const ZPass = z.object({
  id: ZId,
  projectId: ZId,
  projectName: z.string(),
  number: z.string(),
  checkCode: z.string(),
  unitPath: z.string(),
  customerName: z.string(),
  relation: z.enum(['owner', 'tenant']),
  bearerName: z.string(),
  bearerPhone: z.string(),
  items: z.string(),
  pieces: z.number().int(),
  validOn: z.string(),
  ownerConfirmation: z.object({ ownerName: z.string(), method: z.enum(PASS_CONFIRMATIONS), note: z.string(), at: z.string() }).nullable(),
  issuedByName: z.string(),
  issuedAt: z.string(),
  usedAt: z.string().nullable(),
  usedByName: z.string().nullable(),
  gate: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  vehiclePlate: z.string().nullable(),
  state: z.enum(PASS_STATES),
  version: z.number().int(),
});
export type TPass = z.infer<typeof ZPass>;
export const ZPassList = z.object({ items: z.array(ZPass) });
export const ZPassLookupQuery = z.object({ projectId: ZId, q: z.string().trim().min(1).max(40) });
export const ZPassUse = z.object({ gate: ZText(40).default('') });
export const ZPassVoid = z.object({ version: ZVersion, reason: ZText(200).min(1) });

// ---- FD-02: shift handover log (交接班记录) ----
export const SHIFTS = ['day', 'night'] as const;
export const ZShift = z.enum(SHIFTS);
/** Local start and end of each shift in minutes of the day; a night shift ends the next morning. */
export const SHIFT_HOURS: Record<(typeof SHIFTS)[number], { start: number; end: number }> = { day: { start: 8 * 60, end: 20 * 60 }, night: { start: 20 * 60, end: 32 * 60 } };
/** FD-02: the incoming person signs within this many minutes of the shift's end. */
export const SIGN_GRACE_MINUTES = 60;

export const ZCarried = z.object({
  cases: z.array(z.object({ id: ZId, number: z.string(), label: z.string() })),
  orders: z.array(z.object({ id: ZId, number: z.string(), label: z.string() })),
  passes: z.array(z.object({ id: ZId, number: z.string(), label: z.string() })),
  lostItems: z.array(z.object({ id: ZId, number: z.string(), label: z.string() })),
});
export type TCarried = z.infer<typeof ZCarried>;

export const ZShiftLogStart = z.object({ projectId: ZId, shiftDate: ZDate, shift: ZShift, notes: ZText(4000).default('') });
export const ZShiftLogUpdate = z.object({ version: ZVersion, notes: ZText(4000) });
export const ZShiftLogSign = z.object({ version: ZVersion, readConfirmed: z.literal(true) });
export const ZShiftLog = z.object({
  id: ZId,
  projectId: ZId,
  projectName: z.string(),
  shiftDate: z.string(),
  shift: ZShift,
  writerId: ZId,
  writerName: z.string(),
  notes: z.string(),
  startedAt: z.string(),
  dueAt: z.string(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  unsigned: z.boolean(), // FD-02: not signed by its due time (flagged)
  signedLate: z.boolean(),
  /** Open matters: computed now while the log is open, as handed over once signed. */
  carried: ZCarried,
  reviews: z.array(z.object({ id: ZId, reviewerName: z.string(), minutes: z.number().int(), findings: z.string() })),
  actions: z.array(z.enum(['edit', 'sign'])),
  version: z.number().int(),
});
export type TShiftLog = z.infer<typeof ZShiftLog>;
export const ZShiftLogList = z.object({ items: z.array(ZShiftLog.omit({ carried: true, reviews: true })), canStart: z.boolean(), latestUnsignedId: ZId.nullable() });

// ---- FD-03: call-recording reviews ----
export const ZReviewCreate = z.object({
  projectId: ZId,
  reviewedOn: ZDate,
  recording: ZText(100).min(1), // which call: the number or time of the recording
  minutes: z.number().int().min(1).max(600),
  findings: ZText(2000).min(1),
  shiftLogId: ZId.optional(), // FD-03: logged in the handover log of the shift
});
export const ZReview = z.object({ id: ZId, reviewedOn: z.string(), weekStart: z.string(), reviewerName: z.string(), recording: z.string(), minutes: z.number().int(), findings: z.string(), shiftLogId: ZId.nullable(), createdAt: z.string() });
export const ZReviewWeek = z.object({ weekStart: z.string(), weekEnd: z.string(), reviews: z.number().int(), minutes: z.number().int(), finished: z.boolean(), short: z.boolean() });
export type TReviewWeek = z.infer<typeof ZReviewWeek>;
export const ZReviewList = z.object({ items: z.array(ZReview), weeks: z.array(ZReviewWeek) });

// ---- FD-04: lost and found (报失/拾遗) ----
export const LOST_KINDS = ['lost', 'found'] as const;
export const LOST_STATES = ['open', 'matched', 'returned', 'disposed'] as const;
/** FD-04: what kind of thing was lost or found — the first thing matching compares. */
export const LOST_CATEGORIES = ['documents', 'keys', 'wallet', 'phone', 'electronics', 'bag', 'clothing', 'glasses', 'jewellery', 'children', 'umbrella', 'other'] as const;
export type TLostCategory = (typeof LOST_CATEGORIES)[number];
const ZPhoto = z.object({ name: z.string().trim().min(1).max(100), data: z.string().max(7_200_000) });
export const ZLostCreate = z.object({
  projectId: ZId,
  kind: z.enum(LOST_KINDS),
  category: z.enum(LOST_CATEGORIES).default('other'),
  description: ZText(500).min(1),
  place: ZText(100).min(1),
  happenedOn: ZDate,
  personName: ZName, // who lost it, or who found and handed it in
  personPhone: ZPhone,
  storedAt: ZText(100).default(''), // where a found item is kept
  photos: z.array(ZPhoto).max(4).default([]),
});
export const ZLostMatch = z.object({ version: ZVersion, otherId: ZId, otherVersion: ZVersion });
export const ZLostReturn = z.object({
  version: ZVersion,
  receiverName: ZName,
  receiverPhone: ZPhone,
  receiverIdNumber: z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/), // kept masked only (AR-04)
  signature: z.string().min(1).max(2_000_000),
});
export const ZLostDispose = z.object({ version: ZVersion, note: ZText(200).min(1) });
export const ZLostItem = z.object({
  id: ZId,
  projectId: ZId,
  number: z.string(),
  kind: z.enum(LOST_KINDS),
  category: z.enum(LOST_CATEGORIES),
  description: z.string(),
  place: z.string(),
  happenedOn: z.string(),
  personName: z.string(),
  personPhone: z.string(),
  storedAt: z.string(),
  state: z.enum(LOST_STATES),
  matchedId: ZId.nullable(),
  matchedNumber: z.string().nullable(),
  disposeDueOn: z.string().nullable(),
  overdue: z.boolean(), // FD-04: unclaimed past the project's setting: flagged for disposal
  returned: z.object({ receiverName: z.string(), receiverPhone: z.string(), receiverIdNumber: z.string(), at: z.string(), signatureUrl: z.string().nullable(), byName: z.string().nullable() }).nullable(),
  disposedAt: z.string().nullable(),
  disposeNote: z.string().nullable(),
  photos: z.array(z.object({ id: ZId, url: z.string() })),
  /** FD-04: open items of the other kind that look like this one (a match score of 5 or more); counted in lists */
  likelyMatches: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TLostItem = z.infer<typeof ZLostItem>;
export const ZLostListQuery = z.object({ projectId: ZId, kind: z.enum(LOST_KINDS).optional(), open: z.enum(['true', 'false']).optional() });
export const ZLostList = z.object({ items: z.array(ZLostItem), unclaimedDays: z.number().int() });
/** FD-04: why an open item of the other kind may be the one: same category, a near date, a similar place or description. */
export const LOST_MATCH_REASONS = ['category', 'date', 'place', 'description'] as const;
export const ZLostCandidates = z.object({
  items: z.array(z.object({ item: ZLostItem, score: z.number().int(), reasons: z.array(z.enum(LOST_MATCH_REASONS)), days: z.number().int() })),
});
export type TLostCandidate = z.infer<typeof ZLostCandidates>['items'][number];
export const ZFrontdeskSettings = z.object({ unclaimedDays: z.number().int().min(7).max(3650), version: ZVersion });

// ---- one query per project and month for the inspection ----
export const ZFrontdeskFigures = z.object({
  projectId: ZId,
  month: z.string(),
  passesIssued: z.number().int(),
  passesUsed: z.number().int(),
  tenantPasses: z.number().int(),
  shiftLogs: z.number().int(),
  handoversUnsigned: z.number().int(),
  handoversSignedLate: z.number().int(),
  reviews: z.number().int(),
  reviewMinutes: z.number().int(),
  reviewWeeks: z.number().int(),
  reviewWeeksShort: z.number().int(),
  lostOpen: z.number().int(),
  lostOverdue: z.number().int(),
  lostReturned: z.number().int(),
  /** FD-05: villa express mail sent in the month, delivered, and items still followed up whose follow-up is overdue */
  expressSent: z.number().int(),
  expressDelivered: z.number().int(),
  expressFollowUpOverdue: z.number().int(),
  /** FD-06: bookings of the month (not cancelled), used, over but not recorded, used with setup or cleaning not done, faults */
  bookings: z.number().int(),
  bookingsUsed: z.number().int(),
  bookingsNotRecorded: z.number().int(),
  bookingsTasksUndone: z.number().int(),
  bookingFaults: z.number().int(),
});
export type TFrontdeskFigures = z.infer<typeof ZFrontdeskFigures>;
