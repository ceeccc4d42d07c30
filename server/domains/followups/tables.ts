import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import { visits } from '../relations/tables';
import { workOrders } from '../workorders/tables';

// WO-07, RV-01: a return visit of a completed order, selected by the sampler; one row per round of rework.
export const followups = pgTable(
  'followups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    orderId: uuid('order_id').notNull().references(() => workOrders.id),
    round: integer('round').notNull(), // the order's rework count when it was selected
    status: text('status').notNull().default('pending'), // pending | done | unreachable
    attempts: integer('attempts').notNull().default(0),
    verdict: text('verdict'),
    solved: boolean('solved'),
    channel: text('channel'),
    note: text('note'),
    visitorId: uuid('visitor_id').references(() => users.id),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('followups_order_round').on(t.orderId, t.round), index('followups_project_status').on(t.projectId, t.status)],
);

export const followupAttempts = pgTable('followup_attempts', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  followupId: uuid('followup_id').notNull().references(() => followups.id),
  outcome: text('outcome').notNull(),
  channel: text('channel').notNull(),
  note: text('note').notNull(),
  byId: uuid('by_id').notNull().references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

// RV-02: the supervisor's and the manager's re-check of a return visit — or of a home visit (CR-02) —
// drawn by the sampler; each check is of exactly one of the two.
export const supervisionChecks = pgTable(
  'supervision_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    followupId: uuid('followup_id').references(() => followups.id),
    visitId: uuid('visit_id').references(() => visits.id),
    level: text('level').notNull(), // supervisor | manager
    selectedAt: timestamp('selected_at', { withTimezone: true }).notNull(),
    checkerId: uuid('checker_id').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    outcome: text('outcome'), // genuine | not_genuine | unreachable
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('supervision_followup_level').on(t.followupId, t.level),
    uniqueIndex('supervision_visit_level').on(t.visitId, t.level),
    index('supervision_project').on(t.projectId, t.level, t.selectedAt),
    check('supervision_one_record', sql`num_nonnulls(${t.followupId}, ${t.visitId}) = 1`),
  ],
);
