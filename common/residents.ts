// the resident portal's contracts — sign-in by phone and one-time code, the resident's units,
// repairs reported from the phone, their cases and orders, acceptance, ratings and portal notices.
import * as z from 'zod';
import { ZId, ZPhone } from './shared';
import { VERDICTS, ZSignature, ZTrade, ZWoStatus } from './desk';

export const ZCodeRequest = z.object({ phone: ZPhone });
export const ZCodeRequested = z.object({
  ok: z.literal(true),
  /** Demo mode only: the code itself, so the demo can be walked without a phone. */
  demoCode: z.string().nullable(),
  expiresInSeconds: z.number().int(),
});
export const ZResidentSignIn = z.object({ phone: ZPhone, code: z.string().trim().regex(/^\d{6}$/, { error: 'code_format' }) });

export const ZResidentUnit = z.object({
  unitId: ZId,
  projectId: ZId,
  projectName: z.string(),
  path: z.string(),
  relation: z.enum(['owner', 'tenant']),
  /** A tenant without the owner's consent sees the unit but can do nothing with it. */
  allowed: z.boolean(),
});
export type TResidentUnit = z.infer<typeof ZResidentUnit>;

export const ZResidentMe = z.object({
  id: ZId,
  name: z.string(),
  phone: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  units: z.array(ZResidentUnit),
  unread: z.number().int(),
  demo: z.boolean(),
});
export type TResidentMe = z.infer<typeof ZResidentMe>;

export const ZPhoto = z.object({ name: z.string().trim().min(1).max(100), data: z.string().max(2_800_000) });
export const ZRepairReport = z
  .object({
    unitId: ZId,
    locationKind: z.enum(['unit', 'public']),
    publicLocation: z.string().trim().max(100).optional(),
    trade: ZTrade,
    description: z.string().trim().min(1).max(1000),
    photos: z.array(ZPhoto).max(3).default([]),
  })
  .refine((r) => r.locationKind !== 'public' || !!r.publicLocation, { path: ['publicLocation'], error: 'required' });
export type TRepairReport = z.infer<typeof ZRepairReport>;

export const ZPortalDeadline = z.object({ kind: z.string(), dueAt: z.string(), metAt: z.string().nullable(), overdue: z.boolean() });
export const ZPortalEvent = z.object({ entity: z.enum(['case', 'work_order']), action: z.string(), status: z.string().nullable(), at: z.string(), number: z.string() });
export type TPortalEvent = z.infer<typeof ZPortalEvent>;

export const ZPortalOrder = z.object({
  id: ZId,
  number: z.string(),
  status: ZWoStatus,
  location: z.string(),
  description: z.string(),
  assigneeName: z.string().nullable(),
  reportedAt: z.string(),
  completedAt: z.string().nullable(),
  result: z.string().nullable(),
  signed: z.boolean(),
  canSign: z.boolean(),
  canRate: z.boolean(),
  rating: z.object({ verdict: z.enum(VERDICTS), solved: z.boolean(), at: z.string() }).nullable(),
  deadlines: z.array(ZPortalDeadline),
  version: z.number().int(),
});
export type TPortalOrder = z.infer<typeof ZPortalOrder>;

export const ZPortalCase = z.object({
  id: ZId,
  number: z.string(),
  category: z.string(),
  status: z.string(),
  path: z.string().nullable(),
  content: z.string(),
  reply: z.string().nullable(),
  createdAt: z.string(),
  replyDueAt: z.string().nullable(),
  photos: z.array(z.object({ id: ZId, url: z.string() })),
  orders: z.array(ZPortalOrder),
});
export type TPortalCase = z.infer<typeof ZPortalCase>;
export const ZPortalCaseDetail = ZPortalCase.extend({ timeline: z.array(ZPortalEvent) });
export type TPortalCaseDetail = z.infer<typeof ZPortalCaseDetail>;

export const ZSignAcceptance = z.object({ version: z.number().int(), signature: ZSignature, opinion: z.string().trim().max(200).optional() });
export const ZRateOrder = z.object({ verdict: z.enum(VERDICTS), solved: z.boolean(), note: z.string().trim().max(500).default('') });

/** a notice links to a page of the portal (a case, a paid order, a complaint, a pass request, the bookings) or to a survey's one-time link. */
export const ZPortalNotice = ZPortalEvent.extend({
  entity: z.enum(['case', 'work_order', 'paid_order', 'complaint', 'survey', 'pass_request', 'room_booking']),
  id: z.number(),
  caseId: ZId.nullable(),
  link: z.string(),
  read: z.boolean(),
});
export type TPortalNotice = z.infer<typeof ZPortalNotice>;
export const ZPortalNotices = z.object({ items: z.array(ZPortalNotice), unread: z.number().int() });
export type TPortalNotices = z.infer<typeof ZPortalNotices>;
