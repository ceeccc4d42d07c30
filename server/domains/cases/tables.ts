import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects, units } from '../org/tables';
import { customers, users } from '../people/tables';

// IN-01..IN-05: a customer's matter, owned by whoever first received it (首问责任人).
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull().default('open'),
    unitId: uuid('unit_id').references(() => units.id),
    customerId: uuid('customer_id').references(() => customers.id),
    callerName: text('caller_name').notNull(),
    callerPhone: text('caller_phone').notNull(),
    content: text('content').notNull(),
    confirmedWithCaller: boolean('confirmed_with_caller').notNull(),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    lateReason: text('late_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ruleVersion: integer('rule_version').notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cases_project_number').on(t.projectId, t.number),
    index('cases_project_created').on(t.projectId, t.createdAt, t.id),
    index('cases_owner').on(t.ownerId, t.status),
    index('cases_phone_trgm').using('gin', sql`${t.callerPhone} gin_trgm_ops`),
  ],
);
