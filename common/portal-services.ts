// X-03 with CP-01, PS-01..PS-04, NT-04, SV-04: what the resident portal adds beside repairs — complaints,
// paid services at listed prices with the quote agreed on the phone, the project's published notices
// (a read is the unit's delivery record) and the surveys the resident's unit is sampled in.
import * as z from 'zod';
import { VERDICTS } from './desk';
import { ZComplaintType } from './complaints';
import { ZId } from './shared';

const ZText = (max: number) => z.string().trim().min(1).max(max);

/** CP-01: a complaint from the phone, about the home or a public area. */
export const ZPortalComplaintCreate = z
  .object({
    unitId: ZId,
    type: ZComplaintType,
    locationKind: z.enum(['unit', 'public']),
    publicLocation: z.string().trim().max(100).optional(),
    content: ZText(1000),
  })
  .refine((r) => r.locationKind !== 'public' || !!r.publicLocation, { path: ['publicLocation'], error: 'required' });
export type TPortalComplaintCreate = z.infer<typeof ZPortalComplaintCreate>;

export const ZPortalStep = z.object({ entity: z.string(), action: z.string(), at: z.string() });
export const ZPortalComplaint = z.object({
  caseId: ZId,
  number: z.string(),
  type: ZComplaintType,
  status: z.enum(['open', 'resolved', 'closed']),
  path: z.string().nullable(),
  content: z.string(),
  reply: z.string().nullable(),
  resolution: z.string().nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  createdAt: z.string(),
  replyDueAt: z.string().nullable(),
  /** CP-01: the follow-up verdict is the resident's once the complaint is resolved and answered. */
  canRate: z.boolean(),
  version: z.number().int(),
  timeline: z.array(ZPortalStep),
});
export type TPortalComplaint = z.infer<typeof ZPortalComplaint>;
export const ZPortalComplaintVerdict = z.object({ version: z.number().int(), verdict: z.enum(VERDICTS), note: z.string().trim().max(500).default('') });

/** PS-03: an order at the listed price; the desk quotes, the resident agrees before work starts. */
export const ZPortalPaidCreate = z.object({
  unitId: ZId,
  itemId: ZId,
  quantity: z.number().positive().max(1000).multipleOf(0.01).default(1),
  description: ZText(1000),
  preferredTime: ZText(50),
});
export type TPortalPaidCreate = z.infer<typeof ZPortalPaidCreate>;

export const ZPortalPaidOrder = z.object({
  orderId: ZId,
  caseId: ZId,
  number: z.string(),
  path: z.string().nullable(),
  itemName: z.string(),
  quantity: z.number(),
  fee: z.number(),
  expectedResult: z.string(),
  preferredTime: z.string(),
  status: z.string(),
  /** PS-03: the desk has sent its quote (an order from the portal waits for it). */
  quoted: z.boolean(),
  quotedAt: z.string().nullable(),
  agreedAt: z.string().nullable(),
  agreedHow: z.string().nullable(),
  declinedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  collected: z.boolean(),
  createdAt: z.string(),
  canAgree: z.boolean(),
  version: z.number().int(),
  timeline: z.array(ZPortalStep),
});
export type TPortalPaidOrder = z.infer<typeof ZPortalPaidOrder>;
export const ZPortalQuoteAnswer = z.object({ version: z.number().int(), note: z.string().trim().max(200).default('') });

/** NT-04: the project's published notices as the portal shows them. */
export const ZPortalBulletin = z.object({
  id: ZId,
  number: z.string(),
  title: z.string(),
  projectName: z.string(),
  publishedAt: z.string().nullable(),
  validTo: z.string(),
  read: z.boolean(),
});
export type TPortalBulletin = z.infer<typeof ZPortalBulletin>;
export const ZPortalBulletinDetail = ZPortalBulletin.extend({ body: z.string(), validFrom: z.string(), recorded: z.number().int() });
export type TPortalBulletinDetail = z.infer<typeof ZPortalBulletinDetail>;

/** SV-04: an open survey the resident's unit is sampled in, with its one-time link (only for that unit's residents). */
export const ZPortalSurvey = z.object({ surveyId: ZId, title: z.string(), path: z.string(), closesOn: z.string(), link: z.string() });
export type TPortalSurvey = z.infer<typeof ZPortalSurvey>;
