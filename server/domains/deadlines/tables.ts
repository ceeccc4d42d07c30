import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import type { DeskRules } from './rules';

// every deadline of every record, with its computed due time, who answers for it, and how far
// the overdue notices have gone (1: the responsible person, 2: their supervisor).
export const deadlines = pgTable(
  'deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    metAt: timestamp('met_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }), // a typed pause (waiting on the customer, parts, access)
    responsibleId: uuid('responsible_id').references(() => users.id),
    department: text('department'), // when no single person answers for it (dispatch)
    notifiedLevel: integer('notified_level').notNull().default(0),
    ruleVersion: integer('rule_version').notNull(),
  },
  (t) => [
    uniqueIndex('deadlines_entity_kind').on(t.entityId, t.kind),
    // The sweeper's index: open deadlines by due time, whatever the table size.
    index('deadlines_open_due').on(t.dueAt).where(sql`met_at is null and paused_at is null and notified_level < 2`),
    index('deadlines_project_open').on(t.projectId, t.kind, t.dueAt).where(sql`met_at is null`),
  ],
);

// each project's deadline rules, versioned; records keep the version they were computed under.
export const deskRules = pgTable('desk_rules', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  companyId: uuid('company_id').notNull(),
  rules: jsonb('rules').$type<DeskRules>().notNull(),
  version: integer('version').notNull().default(1),
});

