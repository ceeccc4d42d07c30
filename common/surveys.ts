// SV-01..SV-04: satisfaction surveys — versioned questionnaires on the three-level scale, a survey per
// project with its sampling ratio and reproducible sample of units, answers tied to a unit and a channel,
// phone verification of a random sample (anti-forgery), the report, improvement measures, publication.
import * as z from 'zod';
import { ZId } from './shared';

/** SV-01: the three-level scale (满意 / 较满意 / 不满意). */
export const RATINGS = ['satisfied', 'fair', 'unsatisfied'] as const;
export const ZRating = z.enum(RATINGS);
export type TRating = z.infer<typeof ZRating>;
/**
 * SV-02: the satisfaction index of an item (and overall) is the mean score of its ratings on 0..100:
 * 满意 counts 100, 较满意 50, 不满意 0. Items a respondent did not rate (not applicable) are not counted.
 */
export const RATING_SCORE: Record<TRating, number> = { satisfied: 100, fair: 50, unsatisfied: 0 };
export const DEFAULT_ITEM_TARGET = 80;

/** SV-04: how an answer was taken. `link`: the resident's own one-time link (the resident portal). */
export const ANSWER_CHANNELS = ['phone', 'on_site', 'link'] as const;
export const ZAnswerChannel = z.enum(ANSWER_CHANNELS);
export const STAFF_CHANNELS = ['phone', 'on_site'] as const;
/** SV-04: the outcome of a verification call. never_asked / different mark the answer forged. */
export const VERIFY_OUTCOMES = ['confirmed', 'never_asked', 'different', 'unreachable'] as const;
export const ZVerifyOutcome = z.enum(VERIFY_OUTCOMES);
export const FORGED_OUTCOMES: readonly string[] = ['never_asked', 'different'];
export const SURVEY_STATUSES = ['open', 'closed', 'published'] as const;
export const ZSurveyStatus = z.enum(SURVEY_STATUSES);
/** SV-03: how the results were published to owners. */
export const PUBLISH_CHANNELS = ['notice_board', 'portal', 'letter', 'owners_meeting'] as const;

const ZDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZQuestionItem = z.object({
  code: z.string().trim().regex(/^Q\d{2,3}$/),
  section: text(20),
  text: text(200),
  /** SV-02: the item's target index; below it the item is weak and needs a measure. */
  target: z.number().int().min(1).max(100),
});
export type TQuestionItem = z.infer<typeof ZQuestionItem>;

export const ZQuestionnaire = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  current: z.boolean(),
  createdAt: z.string(),
  items: z.array(ZQuestionItem),
});
export type TQuestionnaire = z.infer<typeof ZQuestionnaire>;
export const ZQuestionnaireList = z.object({ items: z.array(ZQuestionnaire.omit({ items: true }).extend({ itemCount: z.number().int() })) });
export const ZQuestionnaireRevise = z.object({
  version: z.number().int().min(1),
  name: text(60),
  items: z
    .array(ZQuestionItem)
    .min(1)
    .max(100)
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, { message: 'duplicate_item' }),
});

export const ZSurveyCreate = z
  .object({
    projectId: ZId,
    title: text(60),
    questionnaireId: ZId.optional(),
    /** SV-01: the sampling ratio, percent of the project's occupied units. */
    samplingRatio: z.number().int().min(1).max(100),
    /** SV-04: the share of answers verified by phone, percent. */
    verifyRatio: z.number().int().min(1).max(100).default(10),
    opensOn: ZDate,
    closesOn: ZDate,
  })
  .refine((s) => s.closesOn >= s.opensOn, { path: ['closesOn'], message: 'valid_to_before_from' });

export const ZRatingInput = z.object({ code: z.string().trim().max(10), rating: ZRating });
const ZRatings = z
  .array(ZRatingInput)
  .min(1)
  .max(100)
  .refine((r) => new Set(r.map((x) => x.code)).size === r.length, { message: 'duplicate_item' });
export const ZAnswerCreate = z.object({
  unitId: ZId,
  channel: z.enum(STAFF_CHANNELS),
  respondent: text(40),
  ratings: ZRatings,
  comment: z.string().trim().max(1000).default(''),
});
export const ZLinkAnswer = z.object({ respondent: z.string().trim().max(40).default(''), ratings: ZRatings, comment: z.string().trim().max(1000).default('') });
export const ZVerifyAnswer = z.object({ version: z.number().int().min(1), outcome: ZVerifyOutcome, note: z.string().trim().max(500).default('') });
export const ZVersionBody = z.object({ version: z.number().int().min(1) });
export const ZMeasureCreate = z.object({
  version: z.number().int().min(1),
  itemCode: z.string().trim().max(10),
  action: text(500),
  ownerId: ZId,
  dueOn: ZDate,
});
export const ZPhotoInput = z.object({ name: z.string().trim().min(1).max(120), data: z.string().min(1).max(7_000_000) });
export const ZMeasureClose = z.object({ version: z.number().int().min(1), evidence: text(1000), photos: z.array(ZPhotoInput).min(1).max(6) });
export const ZPublish = z.object({
  version: z.number().int().min(1),
  channel: z.enum(PUBLISH_CHANNELS),
  publishedOn: ZDate,
  note: text(500),
});
export const ZSurveyListQuery = z.object({ projectId: ZId.optional() });
export const ZMeasureParams = z.object({ id: ZId, measureId: ZId });
export const ZAnswerParams = z.object({ id: ZId, answerId: ZId });
export const ZTokenParams = z.object({ token: z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/) });

export const ZSurveySummary = z.object({
  id: ZId,
  projectId: ZId,
  projectName: z.string(),
  title: z.string(),
  year: z.number().int(),
  status: ZSurveyStatus,
  samplingRatio: z.number().int(),
  verifyRatio: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  questionnaire: z.object({ id: ZId, name: z.string(), version: z.number().int() }),
  sampleSize: z.number().int(),
  answers: z.number().int(),
  index: z.number().nullable(),
  publishedAt: z.string().nullable(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummary>;
export const ZSurveyList = z.object({ items: z.array(ZSurveySummary) });

export const ZPhoto = z.object({ id: ZId, name: z.string(), url: z.string() });
export const ZSampleUnit = z.object({
  id: ZId,
  unitId: ZId,
  unitPath: z.string(),
  position: z.number().int(),
  answered: z.boolean(),
  /** the one-time link's token, shown to those who run the survey (to send or print it) */
  token: z.string().nullable(),
  linkUsed: z.boolean(),
});
export const ZAnswer = z.object({
  id: ZId,
  unitId: ZId,
  unitPath: z.string(),
  channel: ZAnswerChannel,
  respondent: z.string(),
  ratings: z.array(ZRatingInput),
  comment: z.string(),
  recordedBy: z.string().nullable(),
  answeredAt: z.string(),
  forged: z.boolean(),
  verification: z.object({
    selected: z.boolean(),
    outcome: ZVerifyOutcome.nullable(),
    note: z.string(),
    verifiedAt: z.string().nullable(),
    verifiedBy: z.string().nullable(),
  }),
  version: z.number().int(),
});
export type TAnswer = z.infer<typeof ZAnswer>;
export const ZReportItem = ZQuestionItem.extend({
  rated: z.number().int(),
  satisfied: z.number().int(),
  fair: z.number().int(),
  unsatisfied: z.number().int(),
  index: z.number().nullable(),
  rank: z.number().int().nullable(),
  belowTarget: z.boolean(),
  measures: z.number().int(),
});
export const ZReport = z.object({
  index: z.number().nullable(),
  answers: z.number().int(),
  forged: z.number().int(),
  verificationSelected: z.number().int(),
  verificationDone: z.number().int(),
  items: z.array(ZReportItem),
  /** weak items, worst first */
  weakItems: z.array(z.string()),
  weakWithoutMeasure: z.array(z.string()),
  comments: z.array(z.object({ unitPath: z.string(), comment: z.string() })),
});
export type TReport = z.infer<typeof ZReport>;
export const ZMeasure = z.object({
  id: ZId,
  itemCode: z.string(),
  action: z.string(),
  ownerId: ZId,
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  evidence: z.string(),
  photos: z.array(ZPhoto),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TMeasure = z.infer<typeof ZMeasure>;
export const SURVEY_ACTIONS = ['answer', 'verify', 'close', 'measure', 'publish'] as const;
export const ZSurveyDetail = ZSurveySummary.extend({
  version: z.number().int(),
  items: z.array(ZQuestionItem),
  sample: z.array(ZSampleUnit),
  answerList: z.array(ZAnswer),
  report: ZReport,
  measures: z.array(ZMeasure),
  publication: z.object({ channel: z.enum(PUBLISH_CHANNELS), publishedOn: z.string(), note: z.string(), by: z.string() }).nullable(),
  actions: z.array(z.enum(SURVEY_ACTIONS)),
});
export type TSurveyDetail = z.infer<typeof ZSurveyDetail>;

/** The public answer page behind a one-time link (no sign-in). */
export const ZLinkView = z.object({
  projectName: z.string(),
  title: z.string(),
  unitPath: z.string(),
  closesOn: z.string(),
  state: z.enum(['open', 'used', 'expired']),
  items: z.array(ZQuestionItem),
});
export type TLinkView = z.infer<typeof ZLinkView>;

export const ZSurveyFigures = z.object({
  projectId: ZId,
  month: z.string(),
  /** the latest survey opened by the month's end (null: none yet) */
  surveyId: ZId.nullable(),
  title: z.string().nullable(),
  opensOn: z.string().nullable(),
  /** SV-01: a survey opened within the 12 months up to the month's end */
  surveyedWithinYear: z.boolean(),
  index: z.number().nullable(),
  sampleSize: z.number().int(),
  answers: z.number().int(),
  verified: z.number().int(),
  verificationSelected: z.number().int(),
  forged: z.number().int(),
  itemsBelowTarget: z.number().int(),
  weakWithoutMeasure: z.number().int(),
  measures: z.number().int(),
  measuresOpen: z.number().int(),
  measuresOverdue: z.number().int(),
  published: z.boolean(),
});
export type TSurveyFigures = z.infer<typeof ZSurveyFigures>;

/** SV-02: the index of a set of ratings, one decimal; null when nothing was rated. */
export function indexOf(ratings: TRating[]): number | null {
  if (!ratings.length) return null;
  return Math.round((ratings.reduce((s, r) => s + RATING_SCORE[r], 0) / ratings.length) * 10) / 10;
}
