import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects, units } from '../org/tables';
import { users } from '../people/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// NT-01..NT-05: a notice from its draft to its take-down. The due times are stored on the row when they
// become known, so the lists and the inspection's figures count overdue take-downs without recomputing.
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(), // NT-01: 翠湖-通-2026-018
    kind: text('kind').notNull().default('general'), // general | briefing | annual
    template: text('template').notNull().default(''),
    subject: text('subject').notNull(), // the … of 关于…的通知
    title: text('title').notNull(),
    body: text('body').notNull(),
    period: text('period'), // NT-05: "2026-12" for a briefing, "2026" for an annual publication
    boardLocation: text('board_location').notNull().default(''),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    validUntil: at('valid_until').notNull(), // the end of validTo, local time
    status: text('status').notNull().default('draft'),
    submittedAt: at('submitted_at'),
    approvedAt: at('approved_at'),
    approvedBy: uuid('approved_by').references(() => users.id),
    publishedAt: at('published_at'),
    expiredAt: at('expired_at'),
    takeDownDueAt: at('take_down_due_at'), // NT-02: 24 h after validUntil
    takenDownAt: at('taken_down_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('notices_number').on(t.projectId, t.number),
    index('notices_project_created').on(t.projectId, t.createdAt, t.id),
    index('notices_project_published').on(t.projectId, t.publishedAt),
    // the expiry job's index: published notices by the end of their validity
    index('notices_published_until').on(t.validUntil).where(sql`status = 'published'`),
  ],
);

// NT-04: one delivery record per notice and unit (signed receipt, SMS, call log; portal reads later).
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    method: text('method').notNull(),
    recipient: text('recipient').notNull().default(''),
    note: text('note').notNull().default(''),
    deliveredAt: at('delivered_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id), // null: the resident portal
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('notice_deliveries_unit').on(t.noticeId, t.unitId)],
);
