// The service desk: first-inquiry cases (IN-01..IN-06), work orders (WO-01..WO-10), follow-ups (WO-07, RV-01).
import * as z from 'zod';
import { ZId, ZPage, ZPhone, zPageOf } from './shared';

export const CHANNELS = [
  'phone', // 来电（白天）
  'phone_night', // 夜间来电
  'walk_in', // 前台来访
  'company_transfer', // 公司转办
  'committee_transfer', // 业委会转办
  'note', // 口头/书面留言
  'portal', // 住户端
  'quality_dept', // 品质部
  'group_hotline', // 集团热线
  'owners_forum', // 业主论坛
  'visit', // 走访中客户提出（CR-02）
] as const;
export const ZChannel = z.enum(CHANNELS);
/** CP-04: matters that reach the project through company-level channels. */
export const COMPANY_CHANNELS: readonly (typeof CHANNELS)[number][] = ['quality_dept', 'group_hotline', 'owners_forum', 'company_transfer'];

export const CATEGORIES = [
  'consultation',
  'repair',
  'complaint',
  'suggestion',
  'paid_service',
  'payment',
  'lost_item',
  'found_item',
  'public_belongings',
  'express_mail',
  'meeting_booking',
  'item_release',
  'other',
] as const;
export const ZCategory = z.enum(CATEGORIES);
export type TCategory = z.infer<typeof ZCategory>;

export const CASE_STATUSES = ['open', 'replied', 'closed', 'cancelled'] as const;
export const ZCaseStatus = z.enum(CASE_STATUSES);

export const TRADES = ['water', 'electric', 'door_window', 'public_facility', 'elevator', 'cleaning', 'greening', 'other'] as const;
export const ZTrade = z.enum(TRADES);
export const PRIORITIES = ['normal', 'emergency'] as const;
export const ZPriority = z.enum(PRIORITIES);

// WO-03: the states of a work order.
export const WO_STATUSES = ['reported', 'dispatched', 'accepted', 'in_progress', 'on_hold', 'completed', 'closed', 'followed_up', 'cannot_repair', 'cancelled'] as const;
export const ZWoStatus = z.enum(WO_STATUSES);
export type TWoStatus = z.infer<typeof ZWoStatus>;
export const OPEN_WO_STATUSES: readonly TWoStatus[] = ['reported', 'dispatched', 'accepted', 'in_progress', 'on_hold'];

export const WO_ACTIONS = [
  'dispatch',
  'reassign',
  'accept',
  'return',
  'start',
  'hold',
  'resume',
  'complete',
  'record_acceptance',
  'confirm_onsite',
  'cannot_repair',
  'cancel',
  'close',
  'progress_note',
] as const;
export const ZWoAction = z.enum(WO_ACTIONS);
export type TWoAction = z.infer<typeof ZWoAction>;

export const HOLD_REASONS = ['waiting_customer', 'waiting_parts', 'waiting_access'] as const;
export const ZHoldReason = z.enum(HOLD_REASONS);

const ZText = (max: number) => z.string().trim().min(1).max(max);
export const ZSignature = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { error: 'bad_signature' });

export const ZMaterial = z.object({ name: ZText(50), quantity: z.number().positive().max(10000), unit: z.string().trim().max(10) });

/** The body of POST /api/work-orders/:id/transitions: one action with what that action needs. */
export const ZTransition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('dispatch'), version: z.number().int(), assigneeId: ZId }),
  z.object({ action: z.literal('reassign'), version: z.number().int(), assigneeId: ZId, reason: ZText(200) }),
  z.object({ action: z.literal('accept'), version: z.number().int() }),
  z.object({ action: z.literal('return'), version: z.number().int(), reason: ZText(200) }),
  z.object({ action: z.literal('start'), version: z.number().int() }),
  z.object({ action: z.literal('hold'), version: z.number().int(), reason: ZHoldReason, note: z.string().trim().max(200).default('') }),
  z.object({ action: z.literal('resume'), version: z.number().int() }),
  z.object({
    action: z.literal('complete'),
    version: z.number().int(),
    result: ZText(500),
    materials: z.array(ZMaterial).max(30).default([]),
    // WO-05: the customer signs on the technician's phone; without it the desk records consent later.
    signature: ZSignature.optional(),
    customerOpinion: z.string().trim().max(200).optional(),
  }),
  z.object({
    action: z.literal('record_acceptance'),
    version: z.number().int(),
    consent: z.literal(true),
    customerOpinion: ZText(200),
    contactedBy: z.enum(['phone', 'on_site']),
    // PS-06: a paid service is signed for — the customer may sign at the desk when paying.
    signature: ZSignature.optional(),
  }),
  z.object({ action: z.literal('confirm_onsite'), version: z.number().int(), note: z.string().trim().max(200).default('') }),
  z.object({ action: z.literal('cannot_repair'), version: z.number().int(), explanation: ZText(500) }),
  z.object({ action: z.literal('cancel'), version: z.number().int(), reason: ZText(200) }),
  z.object({ action: z.literal('close'), version: z.number().int() }),
  z.object({ action: z.literal('progress_note'), version: z.number().int(), note: ZText(500) }),
]);
export type TTransition = z.infer<typeof ZTransition>;

export const ZDeadline = z.object({
  kind: z.string(),
  dueAt: z.string(),
  metAt: z.string().nullable(),
  overdue: z.boolean(),
});
/**
 * the due times the registers keep on their own rows, mirrored into the shared deadlines so the
 * sweeper tells someone: a notice's take-down (NT-02), the key list's quarterly review and each key
 * customer's quarterly visit (CR-01), a patrol finding's recheck (PT-01), a vacant unit's patrol (PT-02),
 * the handover log's signature (FD-02), an unclaimed found item (FD-04), express mail's follow-up (FD-05),
 * the monthly briefing published by the 10th (NT-05).
 * These escalate to the CS supervisor; the maintenance check (PT-03) to the engineering supervisor.
 */
export const REGISTER_DESK_KINDS = ['nt_take_down', 'cr_review', 'cr_key_visit', 'pt_recheck', 'pt_vacant', 'fd_sign', 'fd_lost_dispose', 'fd_express', 'nt_briefing'] as const;
export const REGISTER_DEADLINE_KINDS = [...REGISTER_DESK_KINDS, 'pt_maintenance'] as const;
export type TDeadline = z.infer<typeof ZDeadline>;

export const ZAttachment = z.object({ id: ZId, kind: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() });

export const ZWorkOrder = z.object({
  id: ZId,
  projectId: ZId,
  caseId: ZId,
  caseNumber: z.string(),
  number: z.string(),
  trade: ZTrade,
  priority: ZPriority,
  locationKind: z.enum(['unit', 'public']),
  unitId: ZId.nullable(),
  location: z.string(),
  description: z.string(),
  status: ZWoStatus,
  department: z.string(),
  assigneeId: ZId.nullable(),
  assigneeName: z.string().nullable(),
  ownerName: z.string(), // the case owner (IN-01), accountable for the reply
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  reportedAt: z.string(),
  completedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  holdReason: ZHoldReason.nullable(),
  result: z.string().nullable(),
  materials: z.array(ZMaterial),
  acceptance: z.object({ kind: z.string(), by: z.string().nullable(), opinion: z.string().nullable(), at: z.string() }).nullable(),
  onsiteConfirmedBy: z.string().nullable(),
  explanation: z.string().nullable(),
  paid: z.boolean(),
  reworkCount: z.number().int(),
  followupSelected: z.boolean().nullable(),
  ruleVersion: z.number().int(),
  deadlines: z.array(ZDeadline),
  version: z.number().int(),
  /** WO-03 + policy: what this user may do now, so the page shows only those buttons. */
  actions: z.array(ZWoAction),
});
export type TWorkOrder = z.infer<typeof ZWorkOrder>;

export const ZWorkOrderEvent = z.object({ id: z.number(), action: z.string(), actorName: z.string().nullable(), at: z.string(), before: z.unknown(), after: z.unknown() });
export const ZWorkOrderDetail = ZWorkOrder.extend({
  events: z.array(ZWorkOrderEvent),
  attachments: z.array(ZAttachment),
  signatureUrl: z.string().nullable(),
});
export type TWorkOrderDetail = z.infer<typeof ZWorkOrderDetail>;

/** WO-03: a transition that takes the order out of the caller's sight (a technician returns it) answers with this acknowledgement. */
export const ZOrderHandedOver = z.object({ id: ZId, number: z.string(), status: ZWoStatus, version: z.number().int(), visible: z.literal(false) });
export type TOrderHandedOver = z.infer<typeof ZOrderHandedOver>;
export const ZTransitionResult = z.union([ZWorkOrderDetail, ZOrderHandedOver]);
export type TTransitionResult = z.infer<typeof ZTransitionResult>;

export const ZWorkOrderListQuery = ZPage.extend({
  projectId: ZId,
  status: z.union([ZWoStatus, z.array(ZWoStatus)]).optional(),
  trade: ZTrade.optional(),
  department: z.string().max(30).optional(),
  assigneeId: z.union([ZId, z.literal('me')]).optional(),
  overdue: z.enum(['1', 'true']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(50).optional(),
  /** The unit page's history of repairs and paid services. */
  unitId: ZId.optional(),
});
export type TWorkOrderListQuery = z.infer<typeof ZWorkOrderListQuery>;
export const ZWorkOrderList = zPageOf(ZWorkOrder);

export const ZOrderCreate = z
  .object({
    trade: ZTrade,
    priority: ZPriority.default('normal'),
    locationKind: z.enum(['unit', 'public']),
    publicLocation: z.string().trim().max(100).optional(),
    description: ZText(1000),
    department: z.enum(['engineering', 'environment', 'security']).default('engineering'),
  })
  .refine((o) => o.locationKind !== 'public' || !!o.publicLocation, { path: ['publicLocation'], error: 'required' });
export type TOrderCreate = z.infer<typeof ZOrderCreate>;

export const ZCaseCreate = z.object({
  projectId: ZId,
  channel: ZChannel,
  category: ZCategory,
  unitId: ZId.optional(),
  customerId: ZId.optional(),
  callerName: ZText(30),
  callerPhone: ZPhone,
  content: ZText(2000),
  confirmedWithCaller: z.boolean(), // IN-03: read back to the caller
  answerNow: z.string().trim().max(1000).optional(), // IN-06: a simple question answered on the spot
  order: ZOrderCreate.optional(), // a repair opens its first work order with the case
});
export type TCaseCreate = z.infer<typeof ZCaseCreate>;

export const ZCase = z.object({
  id: ZId,
  projectId: ZId,
  number: z.string(),
  channel: ZChannel,
  category: ZCategory,
  status: ZCaseStatus,
  unitId: ZId.nullable(),
  path: z.string().nullable(),
  customerId: ZId.nullable(),
  callerName: z.string(),
  callerPhone: z.string(),
  content: z.string(),
  confirmedWithCaller: z.boolean(),
  ownerId: ZId,
  ownerName: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  lateReason: z.string().nullable(),
  createdAt: z.string(),
  replyDueAt: z.string(),
  overdue: z.boolean(),
  orderCount: z.number().int(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type TCase = z.infer<typeof ZCase>;
export const ZCaseDetail = ZCase.extend({
  orders: z.array(ZWorkOrder),
  events: z.array(ZWorkOrderEvent),
  attachments: z.array(ZAttachment),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

export const ZCaseListQuery = ZPage.extend({
  projectId: ZId,
  status: ZCaseStatus.optional(),
  category: ZCategory.optional(),
  ownerId: z.union([ZId, z.literal('me')]).optional(),
  overdue: z.enum(['1', 'true']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(50).optional(),
});
export const ZCaseList = zPageOf(ZCase);

export const ZCaseTransfer = z.object({ version: z.number().int(), toUserId: ZId, reason: ZText(200) });
export const ZCaseReply = z.object({
  version: z.number().int(),
  reply: ZText(1000),
  // IN-05: when the 24 h reply is missed, the owner records the contact made and why.
  lateReason: z.string().trim().max(500).optional(),
});
export const ZCaseClose = z.object({ version: z.number().int() });

export const FOLLOWUP_OUTCOMES = ['reached', 'not_reached', 'retry_later'] as const;
export const VERDICTS = ['satisfied', 'fairly_satisfied', 'unsatisfied'] as const; // RV-01 三级
export const ZFollowupAttempt = z
  .object({
    version: z.number().int(),
    outcome: z.enum(FOLLOWUP_OUTCOMES),
    channel: z.enum(['phone', 'on_site']),
    verdict: z.enum(VERDICTS).optional(),
    solved: z.boolean().optional(),
    note: z.string().trim().max(500).default(''),
  })
  .refine((a) => a.outcome !== 'reached' || (a.verdict && a.solved !== undefined), { path: ['verdict'], error: 'verdict_required' });
export type TFollowupAttempt = z.infer<typeof ZFollowupAttempt>;

export const ZFollowup = z.object({
  id: ZId,
  orderId: ZId,
  orderNumber: z.string(),
  projectId: ZId,
  path: z.string(),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  description: z.string(),
  paid: z.boolean(),
  status: z.enum(['pending', 'done', 'unreachable']),
  attempts: z.number().int(),
  verdict: z.enum(VERDICTS).nullable(),
  solved: z.boolean().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TFollowup = z.infer<typeof ZFollowup>;
export const ZFollowupQueue = z.object({
  items: z.array(ZFollowup),
  rate: z.object({ month: z.string(), closedFree: z.number(), selectedFree: z.number(), closedPaid: z.number(), selectedPaid: z.number(), reworked: z.number(), target: z.number() }),
});

export const ZFaq = z.object({ id: ZId, projectId: ZId, question: z.string(), answer: z.string(), reviewedAt: z.string(), stale: z.boolean(), version: z.number().int() });
export type TFaq = z.infer<typeof ZFaq>;
export const ZFaqWrite = z.object({ projectId: ZId, question: ZText(200), answer: ZText(2000) });
export const ZFaqUpdate = z.object({ question: ZText(200), answer: ZText(2000), version: z.number().int() });

export const ZNotification = z.object({
  id: ZId,
  kind: z.string(),
  entity: z.string(),
  entityId: ZId,
  title: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  link: z.string(),
});
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });

// QI-05: the monthly KPIs of a project's repairs, and the company's ranking by them.
export const ZKpiQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
/** QI-05: the monthly counters, each a count of facts from the event history (definitions in the README and the page's hints). */
export const KPI_COUNTS = [
  'repairCycles',
  'dispatchedInTime',
  'dispatchedSameDay',
  'completed',
  'reworks',
  'closedPaid',
  'followedPaid',
  'closedFree',
  'followedFree',
  'repliesDue',
  'repliedInTime',
  'complaintRepliesDue',
  'complaintRepliedInTime',
  'complaintFollowupsDue',
  'complaintFollowedInTime',
  // QI-05 (added with the dashboard): repair cycles completed within their completion deadline (by the
  // cycle's month), return-visit verdicts of repairs and complaints (by the month of the visit)
  'completedInTime',
  'visitVerdicts',
  'visitsSatisfied',
  'complaintVerdicts',
  'complaintSatisfied',
] as const;
export const KPI_RATES = ['dispatchRate', 'sameDayDispatchRate', 'completionRate', 'reworkRate', 'paidFollowupRate', 'freeFollowupRate', 'replyRate', 'complaintReplyRate', 'complaintFollowupRate'] as const;
export type TKpiRate = (typeof KPI_RATES)[number];
export const ZProjectKpis = z.object({
  projectId: ZId,
  projectName: z.string(),
  month: z.string(),
  counts: z.object(Object.fromEntries(KPI_COUNTS.map((k) => [k, z.number().int()])) as Record<(typeof KPI_COUNTS)[number], z.ZodNumber>),
  rates: z.object(Object.fromEntries(KPI_RATES.map((k) => [k, z.number()])) as Record<TKpiRate, z.ZodNumber>),
  score: z.number(),
});
export type TProjectKpis = z.infer<typeof ZProjectKpis>;
export const ZKpiRanking = z.object({ month: z.string(), items: z.array(ZProjectKpis) });

// QI-05: every KPI of the catalogue, per project and company per month, with its target. Each is a
// ratio num/den (the company's is Σnum/Σden, its target weighted by den); `better` says which way is good.
export const QI05_KPIS = [
  'complaintTimeliness',
  'complaintSatisfaction',
  'repairTimeliness',
  'reworkRate',
  'sameDayDispatch',
  'paidFollowup',
  'freeFollowup',
  'visitCoverage',
  'feeCollection',
  'ownerSatisfaction',
  'facilityFailure',
] as const;
export type TQi05Kpi = (typeof QI05_KPIS)[number];
export const QI05_LOWER_BETTER: readonly TQi05Kpi[] = ['reworkRate', 'facilityFailure'];
/** QI-05: the per-project targets the SPEC gives numbers for (a setting in the project's desk rules). */
export const ZKpiTargets = z.object({
  complaintTimeliness: z.number().min(0).max(1), // IN-05, CP-01: every reply in 24 h, every follow-up in a week
  sameDayDispatch: z.number().min(0).max(1), // WO-02: 100 %
  paidFollowup: z.number().min(0).max(1), // PS-08: 100 %
  feeCollection: z.number().min(0).max(1), // QI-05: ≥ 98 %
  ownerSatisfaction: z.number().min(0).max(1), // QI-05: ≥ 90 %
  facilityFailure: z.number().min(0).max(1), // PT-03: ≤ 2 %
});
export type TKpiTargets = z.infer<typeof ZKpiTargets>;
export const DEFAULT_KPI_TARGETS: TKpiTargets = { complaintTimeliness: 1, sameDayDispatch: 1, paidFollowup: 1, feeCollection: 0.98, ownerSatisfaction: 0.9, facilityFailure: 0.02 };
export const ZKpiPoint = z.object({ num: z.number(), den: z.number(), value: z.number().nullable(), target: z.number().nullable() });
export type TKpiPoint = z.infer<typeof ZKpiPoint>;
const ZKpiValues = z.object(Object.fromEntries(QI05_KPIS.map((k) => [k, ZKpiPoint])) as Record<TQi05Kpi, typeof ZKpiPoint>);
export const ZKpiMonth = z.object({
  month: z.string(),
  kpis: ZKpiValues,
  /** SV-01..SV-04 hook: the satisfaction index of the surveys domain; null until that domain reports one. */
  surveySatisfaction: z.number().nullable(),
});
export type TKpiMonth = z.infer<typeof ZKpiMonth>;
export const ZKpiDashboard = z.object({
  month: z.string(),
  months: z.array(z.string()),
  projects: z.array(z.object({ projectId: ZId, projectName: z.string(), months: z.array(ZKpiMonth) })),
  company: z.array(ZKpiMonth),
});
export type TKpiDashboard = z.infer<typeof ZKpiDashboard>;

// X-01, QI-05: the signed-in user's to-dos on the role home page (工作台), nearest due first.
export const ZTodo = z.object({
  kind: z.string(), // a deadline kind (labels: ui.deadline.<kind>)
  entity: z.string(),
  entityId: ZId,
  projectId: ZId,
  projectName: z.string(),
  title: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  mine: z.boolean(),
  link: z.string(),
});
export const ZTodos = z.object({ now: z.string(), items: z.array(ZTodo), counts: z.record(z.string(), z.number().int()) });
export type TTodos = z.infer<typeof ZTodos>;
