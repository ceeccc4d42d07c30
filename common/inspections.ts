// QI-01..QI-03: inspection standards (versioned checklists), monthly inspections out of 100 points and
// their findings (recorded on site, or computed from the system's own data and confirmed).
import * as z from 'zod';
import { ZId } from './shared';

export const INSPECTION_CATEGORIES = ['客服', '环境', '工程', '秩序'] as const;
export const ZInspectionCategory = z.enum(INSPECTION_CATEGORIES);
export const VERIFY_METHODS = ['observation', 'mystery_visit', 'record_check', 'phone_verification'] as const;
export const ZVerifyMethod = z.enum(VERIFY_METHODS);
/** Where an item applies: every project, or only projects of a kind or with a feature. */
export const APPLIES_TO = ['all', 'office', 'villa', 'office_villa', 'front_desk', 'butler', 'vacant_units'] as const;
export const ZAppliesTo = z.enum(APPLIES_TO);

export const PASS_SCORE = 80;
export const FULL_SCORE = 100;

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const ZStandardItem = z
  .object({
    code: z.string().trim().regex(/^[A-Z]{2}-\d{2,3}$/),
    category: ZInspectionCategory,
    topic: z.string().trim().min(1).max(40),
    requirement: z.string().trim().min(1).max(1000),
    methods: z.array(ZVerifyMethod).min(1).max(4),
    /** Points per non-conformity: 0.5, 1, 2 … */
    deduction: z.number().positive().max(100).multipleOf(0.5),
    /** The most one item may take off, whatever the count. */
    cap: z.number().positive().max(100).multipleOf(0.5),
    appliesTo: ZAppliesTo,
  })
  .refine((i) => i.cap >= i.deduction, { path: ['cap'], message: 'cap_below_deduction' });
export type TStandardItem = z.infer<typeof ZStandardItem>;

export const ZStandard = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  current: z.boolean(),
  createdAt: z.string(),
  items: z.array(ZStandardItem),
});
export type TStandard = z.infer<typeof ZStandard>;
export const ZStandardSummary = ZStandard.omit({ items: true }).extend({ itemCount: z.number().int() });
export const ZStandardList = z.object({ items: z.array(ZStandardSummary) });
export const ZStandardRevise = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(60),
  items: z
    .array(ZStandardItem)
    .min(1)
    .max(500)
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, { message: 'duplicate_item' }),
});

export const FINDING_SOURCES = ['manual', 'computed'] as const;
export const FINDING_STATUSES = ['recorded', 'proposed', 'confirmed', 'rejected'] as const;
export const ZFindingStatus = z.enum(FINDING_STATUSES);
/** A finding takes points off when recorded by hand or confirmed by the inspector. */
export const countsAgainst = (status: string) => status === 'recorded' || status === 'confirmed';

export const ZFinding = z.object({
  id: ZId,
  itemCode: z.string(),
  source: z.enum(FINDING_SOURCES),
  status: ZFindingStatus,
  count: z.number().int(),
  note: z.string(),
  evidence: z.string(),
  records: z.array(z.string()),
  reason: z.string(),
  points: z.number(),
});
export type TFinding = z.infer<typeof ZFinding>;

export const INSPECTION_STATUSES = ['draft', 'submitted'] as const;
export const ZInspectionSummary = z.object({
  id: ZId,
  projectId: ZId,
  projectName: z.string(),
  month: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  score: z.number(),
  passed: z.boolean(),
  inspectorName: z.string(),
  standardId: ZId,
  standardVersion: z.number().int(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
});
export type TInspectionSummary = z.infer<typeof ZInspectionSummary>;
/** One automatic item: computed here, or manual until its data domain lands. */
export const ZAutoItem = z.object({ itemCode: z.string(), automatic: z.boolean() });
export const ZInspectionDetail = ZInspectionSummary.extend({
  findings: z.array(ZFinding),
  autoItems: z.array(ZAutoItem),
  corrections: z.array(z.object({ at: z.string(), userName: z.string(), reason: z.string() })),
  actions: z.array(z.enum(['edit', 'submit', 'correct'])),
});
export type TInspectionDetail = z.infer<typeof ZInspectionDetail>;
export const ZInspectionList = z.object({ items: z.array(ZInspectionSummary) });
export const ZInspectionListQuery = z.object({ projectId: ZId.optional(), month: ZMonth.optional() });
export const ZInspectionStart = z.object({ projectId: ZId, month: ZMonth, standardId: ZId.optional() });

const ZFindingFields = {
  count: z.number().int().min(1).max(999),
  note: z.string().trim().max(500).default(''),
  /** A link (URL) or a record id that shows the non-conformity. */
  evidence: z.string().trim().max(500).default(''),
};
export const ZFindingAdd = z.object({ version: z.number().int(), itemCode: z.string().trim().min(1).max(10), ...ZFindingFields });
export const ZFindingEdit = z.object({ version: z.number().int(), ...ZFindingFields });
export const ZFindingReview = z.object({
  version: z.number().int(),
  decision: z.enum(['confirm', 'reject']),
  reason: z.string().trim().max(500).default(''),
});
export const ZFindingParams = z.object({ id: ZId, findingId: ZId });
export const ZInspectionSubmit = z.object({ version: z.number().int() });
/** QI-02: a submitted inspection changes only by a signed correction with its reason. */
export const ZInspectionCorrect = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(2).max(500),
  findingId: ZId.optional(),
  itemCode: z.string().trim().min(1).max(10).optional(),
  /** 0 withdraws the finding. */
  count: z.number().int().min(0).max(999),
  note: z.string().trim().max(500).default(''),
  evidence: z.string().trim().max(500).default(''),
});

export const ZRankingQuery = z.object({ month: ZMonth });
export const ZInspectionRanking = z.object({
  month: z.string(),
  passRate: z.number(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      projectId: ZId,
      projectName: z.string(),
      inspectionId: ZId,
      score: z.number(),
      passed: z.boolean(),
      status: z.enum(INSPECTION_STATUSES),
      previousScore: z.number().nullable(),
    }),
  ),
});

/** QI-02: 100 less each item's deductions, each item capped; never below 0. */
export function scoreOf(items: Pick<TStandardItem, 'code' | 'deduction' | 'cap'>[], findings: { itemCode: string; count: number; status: string }[]) {
  const byItem = new Map<string, number>();
  for (const f of findings) if (countsAgainst(f.status)) byItem.set(f.itemCode, (byItem.get(f.itemCode) ?? 0) + f.count);
  const points = new Map<string, number>();
  let off = 0;
  for (const it of items) {
    const n = byItem.get(it.code);
    if (!n) continue;
    const p = Math.min(it.cap, n * it.deduction);
    points.set(it.code, p);
    off += p;
  }
  const score = Math.max(0, Math.round((FULL_SCORE - off) * 10) / 10);
  return { score, passed: score >= PASS_SCORE, points };
}

// QI-04: the month's bulletin (通报) — the ranking of every project, numbered by the company when it is
// published and sent to every department — and the rectification of each finding.
export const BULLETIN_STATUSES = ['draft', 'published'] as const;
export const ZBulletinRow = z.object({
  rank: z.number().int().nullable(),
  projectId: ZId,
  projectName: z.string(),
  inspectionId: ZId.nullable(),
  /** null: the project has no submitted inspection for the month (publication is refused). */
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  previousScore: z.number().nullable(),
  change: z.number().nullable(),
  findings: z.number().int(),
});
export type TBulletinRow = z.infer<typeof ZBulletinRow>;
export const ZBulletinSummary = z.object({
  id: ZId,
  month: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  number: z.string().nullable(),
  passRate: z.number(),
  projectCount: z.number().int(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export const ZBulletin = ZBulletinSummary.extend({
  remarks: z.string(),
  items: z.array(ZBulletinRow),
  draftedByName: z.string(),
  draftedAt: z.string(),
  publishedByName: z.string().nullable(),
  actions: z.array(z.enum(['edit', 'publish'])),
});
export type TBulletin = z.infer<typeof ZBulletin>;
export const ZBulletinList = z.object({ items: z.array(ZBulletinSummary) });
export const ZBulletinDraft = z.object({ month: ZMonth, remarks: z.string().trim().max(2000).default('') });
export const ZBulletinEdit = z.object({ version: z.number().int(), remarks: z.string().trim().max(2000) });
export const ZBulletinPublish = z.object({ version: z.number().int() });

export const RECTIFICATION_STATES = ['open', 'closed', 'accepted', 'withdrawn'] as const;
export const ZRectificationState = z.enum(RECTIFICATION_STATES);
export const ZRectificationPhoto = z.object({ id: ZId, name: z.string(), url: z.string() });
export const ZRectification = z.object({
  id: ZId,
  number: z.string(),
  projectId: ZId,
  projectName: z.string(),
  inspectionId: ZId,
  month: z.string(),
  itemCode: z.string(),
  topic: z.string(),
  findingNote: z.string(),
  count: z.number().int(),
  state: ZRectificationState,
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** 0 not yet told; 1 the project manager was told it is overdue; 2 escalated to the quality department. */
  notifiedLevel: z.number().int(),
  round: z.number().int(),
  closeNote: z.string(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  photos: z.array(ZRectificationPhoto),
  reviewNote: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.enum(['close', 'accept', 'return'])),
});
export type TRectification = z.infer<typeof ZRectification>;
export const ZRectificationList = z.object({ items: z.array(ZRectification) });
export const ZRectificationQuery = z.object({
  projectId: ZId.optional(),
  /** the rectifications of one inspection (its page lists them) */
  inspectionId: ZId.optional(),
  state: ZRectificationState.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  month: ZMonth.optional(),
});
const ZRectPhotoUpload = z.object({ name: z.string().trim().min(1).max(100), data: z.string().min(1).max(7_200_000) });
export const ZRectificationClose = z.object({
  version: z.number().int(),
  note: z.string().trim().min(2).max(1000),
  photos: z.array(ZRectPhotoUpload).max(6).default([]),
});
export const ZRectificationReview = z.object({
  version: z.number().int(),
  decision: z.enum(['accept', 'return']),
  note: z.string().trim().max(500).default(''),
});
/** QI-04: calendar days the project manager has to rectify a finding (a per-project setting). */
export const DEFAULT_RECTIFICATION_DAYS = 7;
export const ZMonthResults = z.object({ month: z.string(), passRate: z.number(), items: z.array(ZBulletinRow), bulletin: ZBulletinSummary.nullable() });
export type TMonthResults = z.infer<typeof ZMonthResults>;
