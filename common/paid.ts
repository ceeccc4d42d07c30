// PS-01: the per-project catalogue of paid convenience services and its public price list.
import * as z from 'zod';
import { ZId } from './shared';

// Household water/electric work, cleaning and greening; appliance repair and renovation are outside by default.
export const SERVICE_CATEGORIES = ['water_electric', 'cleaning', 'greening'] as const;
export const ZServiceCategory = z.enum(SERVICE_CATEGORIES);

const ZPrice = z.number().min(0).max(100_000).multipleOf(0.01);

export const ZServiceItem = z.object({
  id: ZId,
  projectId: ZId,
  category: ZServiceCategory,
  name: z.string(),
  unit: z.string(),
  price: z.number(),
  note: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TServiceItem = z.infer<typeof ZServiceItem>;

export const ZPriceList = z.object({
  projectId: ZId,
  projectName: z.string(),
  currency: z.literal('CNY'),
  excluded: z.array(z.string()), // PS-01: what the desk does not take on
  items: z.array(ZServiceItem),
});
export type TPriceList = z.infer<typeof ZPriceList>;

export const ZServiceItemCreate = z.object({
  projectId: ZId,
  category: ZServiceCategory,
  name: z.string().trim().min(1).max(50),
  unit: z.string().trim().min(1).max(10),
  price: ZPrice,
  note: z.string().trim().max(200).default(''),
});
export const ZServiceItemUpdate = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  unit: z.string().trim().min(1).max(10).optional(),
  price: ZPrice.optional(),
  note: z.string().trim().max(200).optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});

// PS-02..PS-09: paid orders, receipts, the daily cash hand-over and the monthly summary.
export const ZMoney = z.number().min(0).max(1_000_000).multipleOf(0.01);
export const PAY_METHODS = ['cash', 'scan', 'card'] as const; // 现金 / 扫码 / 刷卡
export const ZPayMethod = z.enum(PAY_METHODS);
export const PAID_CHANNELS = ['phone', 'phone_night', 'walk_in', 'portal'] as const;
const ZText = (max: number) => z.string().trim().min(1).max(max);

/** PS-03: the registration (有偿服务登记) with the quoted price; `agreed` when the customer accepts it now. */
export const ZPaidRegister = z.object({
  projectId: ZId,
  channel: z.enum(PAID_CHANNELS),
  unitId: ZId,
  customerId: ZId.optional(),
  callerName: ZText(30),
  callerPhone: z.string().trim().regex(/^[0-9+\- ]{3,20}$/),
  confirmedWithCaller: z.boolean(),
  itemId: ZId,
  quantity: z.number().positive().max(1000).multipleOf(0.01).default(1),
  description: ZText(1000),
  preferredTime: ZText(50),
  fee: ZMoney,
  expectedResult: ZText(200),
  agreed: z.boolean(),
});
export type TPaidRegister = z.infer<typeof ZPaidRegister>;

/** The desk's steps on a paid order: requote, record the agreement, give the appointment, collect the fee. */
export const ZPaidAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('quote'), version: z.number().int(), fee: ZMoney, expectedResult: ZText(200) }),
  z.object({ action: z.literal('agree'), version: z.number().int(), how: z.enum(['on_site', 'phone', 'walk_in']) }),
  z.object({ action: z.literal('appoint'), version: z.number().int(), appointmentAt: z.iso.datetime({ offset: true }) }),
  z.object({ action: z.literal('collect'), version: z.number().int(), amount: ZMoney, method: ZPayMethod }),
]);
export type TPaidAction = z.infer<typeof ZPaidAction>;
export const PAID_ACTIONS = ['quote', 'agree', 'appoint', 'collect'] as const;

export const ZReceiptVoid = z.object({ reason: ZText(200) });

/** PS-05: each copy of the service notice has its own state, derived from the one order record. */
export const ZNoticeCopies = z.object({
  finance: z.enum(['awaiting_payment', 'paid', 'handed_over', 'confirmed', 'cancelled']),
  department: z.enum(['to_dispatch', 'dispatched', 'in_progress', 'done', 'cancelled']),
  archive: z.enum(['open', 'signed', 'filed', 'followed_up', 'cancelled']),
});
export type TNoticeCopies = z.infer<typeof ZNoticeCopies>;

export const ZReceipt = z.object({
  id: ZId,
  number: z.string(),
  orderId: ZId,
  orderNumber: z.string(),
  amount: z.number(),
  method: ZPayMethod,
  issuedAt: z.string(),
  issuedBy: z.string(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
  handoverId: ZId.nullable(),
});
export type TReceipt = z.infer<typeof ZReceipt>;

export const ZPaidOrder = z.object({
  orderId: ZId,
  orderNumber: z.string(),
  caseId: ZId,
  caseNumber: z.string(),
  projectId: ZId,
  channel: z.string(),
  location: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  itemName: z.string(),
  category: z.string(),
  quantity: z.number(),
  fee: z.number(),
  description: z.string(),
  expectedResult: z.string(),
  preferredTime: z.string(),
  status: z.string(),
  department: z.string(),
  assigneeName: z.string().nullable(),
  registeredAt: z.string(),
  registeredBy: z.string(),
  agreedAt: z.string().nullable(),
  agreedHow: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  appointedAt: z.string().nullable(),
  appointmentDueAt: z.string().nullable(),
  signed: z.boolean(),
  completedAt: z.string().nullable(),
  result: z.string().nullable(),
  copies: ZNoticeCopies,
  receipts: z.array(ZReceipt),
  version: z.number().int(),
  actions: z.array(z.enum(PAID_ACTIONS)),
});
export type TPaidOrder = z.infer<typeof ZPaidOrder>;

export const ZPaidListQuery = z.object({
  projectId: ZId,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  stage: z.enum(['unagreed', 'open', 'unpaid', 'paid', 'closed']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(50).optional(),
});
export type TPaidListQuery = z.infer<typeof ZPaidListQuery>;
export const ZPaidList = z.object({ items: z.array(ZPaidOrder), nextCursor: z.string().nullable() });

// PS-07: the desk's takings per clerk and day, handed to finance and confirmed there.
/** Without a date: the project's own today, whatever the clerk's computer clock says. */
export const ZCashQuery = z.object({ projectId: ZId, date: z.iso.date().optional() });
export const ZHandover = z.object({
  id: ZId,
  clerkId: ZId,
  clerkName: z.string(),
  date: z.string(),
  expected: z.number(), // cash by the receipts
  nonCash: z.number(),
  declared: z.number(), // cash the clerk counted and handed over
  received: z.number().nullable(), // cash finance counted
  difference: z.number().nullable(),
  flagged: z.boolean(),
  status: z.enum(['submitted', 'confirmed']),
  submittedAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  note: z.string(),
  financeNote: z.string(),
  receiptCount: z.number().int(),
  version: z.number().int(),
});
export type THandover = z.infer<typeof ZHandover>;
export const ZCashDay = z.object({
  projectId: ZId,
  date: z.string(),
  clerks: z.array(
    z.object({
      clerkId: ZId,
      clerkName: z.string(),
      cash: z.number(), // collected in cash that day, voids excluded
      nonCash: z.number(),
      outstandingCash: z.number(), // not yet handed over
      outstandingCount: z.number().int(),
      late: z.boolean(), // PS-07: the day is over and cash is still with the desk
    }),
  ),
  receipts: z.array(ZReceipt),
  handovers: z.array(ZHandover),
  /** Earlier days with cash still not handed over. */
  lateDays: z.array(z.object({ date: z.string(), clerkName: z.string(), amount: z.number() })),
});
export type TCashDay = z.infer<typeof ZCashDay>;
export const ZHandoverCreate = z.object({ projectId: ZId, date: z.iso.date(), declared: ZMoney, note: z.string().trim().max(200).default('') });
export const ZHandoverConfirm = z.object({ version: z.number().int(), received: ZMoney, note: z.string().trim().max(200).default('') });

// PS-09: the month per department and per staff, reconciled against receipts and finance.
export const ZSummaryQuery = z.object({ projectId: ZId, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
const ZSummaryLine = z.object({
  key: z.string(),
  name: z.string(),
  registered: z.number().int(),
  completed: z.number().int(),
  closed: z.number().int(),
  reworked: z.number().int(),
  receipts: z.number().int(),
  amount: z.number(),
  satisfied: z.number().int(),
  followedUp: z.number().int(),
});
export type TSummaryLine = z.infer<typeof ZSummaryLine>;
export const ZPaidSummary = z.object({
  projectId: ZId,
  projectName: z.string(),
  month: z.string(),
  departments: z.array(ZSummaryLine),
  staff: z.array(ZSummaryLine),
  total: ZSummaryLine,
  reconciliation: z.object({
    receiptsAmount: z.number(), // receipts issued in the month, voids excluded
    receiptsCount: z.number().int(),
    voidedCount: z.number().int(),
    byMethod: z.record(z.string(), z.number()),
    confirmedCash: z.number(), // cash finance confirmed for the month's receipts
    handedUnconfirmed: z.number(),
    notHandedOver: z.number(),
    cashDifferences: z.number(), // the sum of flagged differences
    closedWithoutReceipt: z.number().int(), // orders closed in the month with no valid receipt: must be 0
    feeMismatch: z.number().int(), // receipts whose amount differs from the agreed fee: must be 0
    balanced: z.boolean(),
  }),
});
export type TPaidSummary = z.infer<typeof ZPaidSummary>;
