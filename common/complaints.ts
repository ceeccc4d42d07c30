// CP-01..CP-04 complaints, their automatic flags (CP-02), and RV-02 supervision of return visits.
import * as z from 'zod';
import { TRADES, VERDICTS, ZChannel, ZDeadline, type TCategory } from './desk';
import { ZId, ZPhone } from './shared';

export const COMPLAINT_TYPES = ['attitude', 'quality', 'facility', 'fee', 'noise', 'neighbour', 'security', 'environment', 'other'] as const;
export const ZComplaintType = z.enum(COMPLAINT_TYPES);
/**
 * CP-02: the requests a complaint of each type can have grown out of — the same matter, not any request of
 * the unit. Repairs and paid services count only in the named trades (all trades when none are named).
 */
export const COMPLAINT_MATTERS: Record<(typeof COMPLAINT_TYPES)[number], { categories: readonly TCategory[]; trades?: readonly (typeof TRADES)[number][] }> = {
  attitude: { categories: [] },
  quality: { categories: ['repair', 'paid_service'] },
  facility: { categories: ['repair', 'paid_service'], trades: ['water', 'electric', 'door_window', 'public_facility', 'elevator', 'other'] },
  fee: { categories: ['payment', 'paid_service'] },
  noise: { categories: ['suggestion', 'other'] },
  neighbour: { categories: ['suggestion', 'other'] },
  security: { categories: ['public_belongings', 'lost_item', 'item_release', 'other'] },
  environment: { categories: ['repair', 'paid_service', 'suggestion'], trades: ['cleaning', 'greening'] },
  other: { categories: ['consultation', 'suggestion', 'other'] },
};
/** CP-03: what makes a complaint major (重大投诉). */
export const MAJOR_REASONS = ['media', 'industry_notice', 'collective', 'group_escalation'] as const;
export const ZMajorReason = z.enum(MAJOR_REASONS);
/** CP-02: what must never happen, detected by the system. */
export const FLAG_KINDS = ['repeat_complaint', 'request_turned_complaint', 'valid_attitude', 'no_action', 'fake_followup'] as const;
export const ZFlagKind = z.enum(FLAG_KINDS);
export const COMPLAINT_STATUSES = ['open', 'resolved', 'closed'] as const;

const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZComplaintCreate = z.object({
  projectId: ZId,
  channel: ZChannel,
  unitId: ZId.optional(),
  customerId: ZId.optional(),
  callerName: ZText(30),
  callerPhone: ZPhone,
  content: ZText(2000),
  confirmedWithCaller: z.boolean(),
  type: ZComplaintType,
  majorReasons: z.array(ZMajorReason).max(4).default([]),
  /** CP-02: the earlier request this complaint grew out of, when the clerk knows it. */
  relatedCaseId: ZId.optional(),
});
export type TComplaintCreate = z.infer<typeof ZComplaintCreate>;

export const ZComplaintAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), version: z.number().int(), handlerId: ZId }),
  z.object({ action: z.literal('escalate'), version: z.number().int(), majorReasons: z.array(ZMajorReason).min(1).max(4) }),
  z.object({ action: z.literal('contact'), version: z.number().int(), note: ZText(500) }),
  z.object({ action: z.literal('progress'), version: z.number().int(), note: ZText(500) }),
  z.object({ action: z.literal('resolve'), version: z.number().int(), resolution: ZText(1000), valid: z.boolean() }),
  z.object({ action: z.literal('followup'), version: z.number().int(), verdict: z.enum(VERDICTS), note: z.string().trim().max(500).default('') }),
]);
export type TComplaintAction = z.infer<typeof ZComplaintAction>;
export const COMPLAINT_ACTIONS = ['assign', 'escalate', 'contact', 'progress', 'resolve', 'followup'] as const;

export const ZFlag = z.object({
  id: ZId,
  kind: ZFlagKind,
  caseId: ZId,
  caseNumber: z.string(),
  category: z.string(),
  path: z.string().nullable(),
  relatedCaseId: ZId.nullable(),
  relatedCaseNumber: z.string().nullable(),
  complaintId: ZId.nullable(),
  raisedAt: z.string(),
  note: z.string(),
});
export type TFlag = z.infer<typeof ZFlag>;

export const ZComplaint = z.object({
  id: ZId,
  caseId: ZId,
  caseNumber: z.string(),
  projectId: ZId,
  channel: z.string(),
  path: z.string().nullable(),
  callerName: z.string(),
  callerPhone: z.string(),
  content: z.string(),
  type: ZComplaintType,
  severity: z.enum(['normal', 'major']),
  majorReasons: z.array(ZMajorReason),
  companyLevel: z.boolean(),
  ownerName: z.string(),
  handlerId: ZId.nullable(),
  handlerName: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  caseStatus: z.string(),
  reply: z.string().nullable(),
  resolution: z.string().nullable(),
  valid: z.boolean().nullable(),
  resolvedAt: z.string().nullable(),
  contactedAt: z.string().nullable(),
  lastProgressAt: z.string().nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  followedUpAt: z.string().nullable(),
  createdAt: z.string(),
  deadlines: z.array(ZDeadline),
  flags: z.array(ZFlag),
  version: z.number().int(),
  actions: z.array(z.enum(COMPLAINT_ACTIONS)),
});
export type TComplaint = z.infer<typeof ZComplaint>;
export const ZComplaintDetail = ZComplaint.extend({
  events: z.array(z.object({ id: z.number(), action: z.string(), actorName: z.string().nullable(), at: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type TComplaintDetail = z.infer<typeof ZComplaintDetail>;

export const ZComplaintListQuery = z.object({
  projectId: ZId,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  type: ZComplaintType.optional(),
  major: z.enum(['1']).optional(),
  companyLevel: z.enum(['1']).optional(),
  /** The unit page's history of complaints. */
  unitId: ZId.optional(),
});
export const ZComplaintList = z.object({ items: z.array(ZComplaint), nextCursor: z.string().nullable() });

export const ZFlagQuery = z.object({ projectId: ZId, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), kind: ZFlagKind.optional() });
export const ZFlagList = z.object({ items: z.array(ZFlag), counts: z.record(z.string(), z.number()) });

// RV-02: the supervisor's and the manager's re-check of return visits.
export const SUPERVISION_OUTCOMES = ['genuine', 'not_genuine', 'unreachable'] as const;
export const ZSupervisionQuery = z.object({ projectId: ZId, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), level: z.enum(['supervisor', 'manager']).optional() });
/** RV-02: what a supervision check re-checks — a return visit of an order, or a home visit (CR-02). */
export const SUPERVISION_SOURCES = ['followup', 'visit'] as const;
export const ZSupervisionCheck = z.object({
  id: ZId,
  level: z.enum(['supervisor', 'manager']),
  source: z.enum(SUPERVISION_SOURCES),
  followupId: ZId.nullable(),
  visitId: ZId.nullable(),
  orderId: ZId.nullable(),
  orderNumber: z.string().nullable(),
  path: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  visitedBy: z.string().nullable(),
  visitedAt: z.string().nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  visitNote: z.string().nullable(),
  selectedAt: z.string(),
  checkerName: z.string().nullable(),
  checkedAt: z.string().nullable(),
  outcome: z.enum(SUPERVISION_OUTCOMES).nullable(),
  note: z.string(),
  version: z.number().int(),
  mayCheck: z.boolean(),
});
export type TSupervisionCheck = z.infer<typeof ZSupervisionCheck>;
export const ZSupervisionRatio = z.object({ level: z.enum(['supervisor', 'manager']), source: z.enum(SUPERVISION_SOURCES), target: z.number(), visits: z.number().int(), selected: z.number().int(), checked: z.number().int(), genuine: z.number().int(), notGenuine: z.number().int(), unreachable: z.number().int(), achieved: z.number() });
export const ZSupervision = z.object({ month: z.string(), items: z.array(ZSupervisionCheck), ratios: z.array(ZSupervisionRatio) });
export const ZSupervisionRecord = z.object({ version: z.number().int(), outcome: z.enum(SUPERVISION_OUTCOMES), note: z.string().trim().max(500).default('') });
