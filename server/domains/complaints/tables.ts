import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables';
import { projects } from '../org/tables';
import { users } from '../people/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// CP-01..CP-04: what a complaint adds to its case — type, severity, the handler, the resolution and
// whether the complaint was valid, the company-level contact and progress, and the customer's verdict.
// The case keeps the reply (24 h, IN-05) and the ownership.
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(),
    severity: text('severity').notNull().default('normal'), // normal | major (CP-03)
    majorReasons: jsonb('major_reasons').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    companyLevel: boolean('company_level').notNull().default(false), // CP-04
    handlerId: uuid('handler_id').references(() => users.id),
    status: text('status').notNull().default('open'), // open | resolved | closed
    resolution: text('resolution'),
    valid: boolean('valid'),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    contactedAt: at('contacted_at'),
    lastProgressAt: at('last_progress_at'),
    verdict: text('verdict'),
    followedUpAt: at('followed_up_at'),
    ruleVersion: integer('rule_version').notNull(),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('complaints_case').on(t.caseId), index('complaints_project_created').on(t.projectId, t.createdAt)],
);

// CP-02: what must never happen, detected and kept — one flag of a kind per case, with the case it relates to.
export const deskFlags = pgTable(
  'desk_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    kind: text('kind').notNull(), // repeat_complaint | request_turned_complaint | valid_attitude | no_action | fake_followup
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    relatedCaseId: uuid('related_case_id').references(() => cases.id),
    raisedAt: at('raised_at').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('desk_flags_case_kind').on(t.caseId, t.kind), index('desk_flags_project').on(t.projectId, t.raisedAt)],
);
