import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TQuestionItem, TRating } from '../../../common/surveys';
import { projects, units } from '../org/tables';
import { users } from '../people/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// SV-01: the company's questionnaire, one row per version. A revision adds a row and supersedes the
// previous one; rows are never changed otherwise, so a survey keeps the exact version it used.
export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    items: jsonb('items').$type<TQuestionItem[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    supersededAt: at('superseded_at'),
  },
  (t) => [
    uniqueIndex('survey_questionnaires_version').on(t.companyId, t.code, t.version),
    uniqueIndex('survey_questionnaires_current').on(t.companyId, t.code).where(sql`superseded_at is null`),
  ],
);

// SV-01..SV-03: a survey of a project: its questionnaire version, sampling and verification ratios,
// the period answers are taken in, and its publication to owners.
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id),
    samplingRatio: integer('sampling_ratio').notNull(), // percent
    verifyRatio: integer('verify_ratio').notNull(), // percent
    /** the sample's and the verification draw's seed: the same seed and units give the same sample */
    seed: text('seed').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    closesAt: at('closes_at').notNull(), // the end of closesOn, local time: links expire then
    status: text('status').notNull().default('open'), // open | closed | published
    closedAt: at('closed_at'),
    publishedAt: at('published_at'),
    publication: jsonb('publication').$type<{ channel: string; publishedOn: string; note: string; by: string }>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('surveys_project_opens').on(t.projectId, t.opensOn)],
);

// SV-01, SV-04: the sampled units of a survey, each with its one-time link's token.
export const surveySamples = pgTable(
  'survey_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    position: integer('position').notNull(),
    token: text('token').notNull(),
    tokenUsedAt: at('token_used_at'),
  },
  (t) => [uniqueIndex('survey_samples_unit').on(t.surveyId, t.unitId), uniqueIndex('survey_samples_token').on(t.token)],
);

// SV-01, SV-04: one answer per sampled unit, with its channel and who took it; a sample of answers is
// drawn for a verification call, whose outcome may mark the answer forged (excluded from the index).
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    channel: text('channel').notNull(), // phone | on_site | link
    respondent: text('respondent').notNull().default(''),
    ratings: jsonb('ratings').$type<{ code: string; rating: TRating }[]>().notNull(),
    comment: text('comment').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id), // null: the resident's own link
    answeredAt: at('answered_at').notNull(),
    verifySelectedAt: at('verify_selected_at'),
    verifyOutcome: text('verify_outcome'),
    verifyNote: text('verify_note').notNull().default(''),
    verifiedAt: at('verified_at'),
    verifiedBy: uuid('verified_by').references(() => users.id),
    forged: boolean('forged').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('survey_answers_unit').on(t.surveyId, t.unitId), index('survey_answers_project').on(t.projectId, t.answeredAt)],
);

// SV-02: an improvement measure for a weak item: owner, deadline (mirrored into `deadlines`), evidence.
export const surveyMeasures = pgTable(
  'survey_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    itemCode: text('item_code').notNull(),
    action: text('action').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    dueAt: at('due_at').notNull(),
    status: text('status').notNull().default('open'), // open | done
    evidence: text('evidence').notNull().default(''),
    closedAt: at('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('survey_measures_survey').on(t.surveyId)],
);
