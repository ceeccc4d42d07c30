import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TBulletinRow, TStandardItem } from '../../../common/inspections';
import { projects } from '../org/tables';
import { users } from '../people/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// QI-01: a company's inspection standard, one row per version. A revision adds a row and marks the
// previous one superseded; rows are never changed otherwise, so an inspection keeps the exact version.
export const inspectionStandards = pgTable(
  'inspection_standards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    items: jsonb('items').$type<TStandardItem[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    supersededAt: at('superseded_at'),
  },
  (t) => [
    uniqueIndex('inspection_standards_version').on(t.companyId, t.code, t.version),
    uniqueIndex('inspection_standards_current').on(t.companyId, t.code).where(sql`superseded_at is null`),
  ],
);

// QI-02: one inspection of a project for a month, out of 100 points. The score (in tenths of a point)
// is recomputed from the findings by every command that changes them; `version` guards every change.
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    month: text('month').notNull(),
    standardId: uuid('standard_id')
      .notNull()
      .references(() => inspectionStandards.id),
    status: text('status').notNull().default('draft'), // draft | submitted
    scoreTenths: integer('score_tenths').notNull().default(1000),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    submittedAt: at('submitted_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('inspections_project_month').on(t.projectId, t.month), index('inspections_company_month').on(t.companyId, t.month)],
);

// QI-02, QI-03: a non-conformity of an inspection: recorded by hand (counts at once) or computed from
// the system's data (proposed until the inspector confirms or rejects it with a reason).
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    itemCode: text('item_code').notNull(),
    source: text('source').notNull(), // manual | computed
    status: text('status').notNull(), // recorded | proposed | confirmed | rejected
    count: integer('count').notNull(),
    note: text('note').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    records: jsonb('records').$type<string[]>().notNull().default([]),
    reason: text('reason').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('inspection_findings_inspection').on(t.inspectionId)],
);

// QI-04: the month's bulletin of the company. A draft keeps a snapshot of the ranking, refreshed by every
// edit and by publication; once published it is numbered (company sequence) and frozen.
export const inspectionBulletins = pgTable(
  'inspection_bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    month: text('month').notNull(),
    status: text('status').notNull().default('draft'), // draft | published
    number: text('number'),
    remarks: text('remarks').notNull().default(''),
    passRate: integer('pass_rate_bp').notNull().default(0), // basis points
    items: jsonb('items').$type<TBulletinRow[]>().notNull(),
    draftedBy: uuid('drafted_by').notNull().references(() => users.id),
    draftedAt: at('drafted_at').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: at('published_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('inspection_bulletins_month').on(t.companyId, t.month), uniqueIndex('inspection_bulletins_number').on(t.companyId, t.number)],
);

// QI-04: each finding that counts against a submitted inspection is to be rectified by the project by
// its deadline (mirrored into `deadlines`, kind 'rectification'): open → closed with evidence by the
// project manager → accepted by the inspector, or returned (open again, a new deadline, the next round).
// A finding withdrawn by a correction withdraws its rectification.
export const rectifications = pgTable(
  'rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => inspectionFindings.id),
    number: text('number').notNull(),
    state: text('state').notNull().default('open'), // open | closed | accepted | withdrawn
    dueAt: at('due_at'),
    round: integer('round').notNull().default(1),
    responsibleId: uuid('responsible_id').references(() => users.id),
    closeNote: text('close_note').notNull().default(''),
    closedAt: at('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    reviewNote: text('review_note').notNull().default(''),
    reviewedAt: at('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('rectifications_finding').on(t.findingId),
    uniqueIndex('rectifications_number').on(t.projectId, t.number),
    index('rectifications_project_state').on(t.projectId, t.state, t.dueAt),
  ],
);
