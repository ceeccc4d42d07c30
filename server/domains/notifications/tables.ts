import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../people/tables';

// in-app notices (overdue deadlines and others); the text is rendered in the reader's language.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id'),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    dedupeKey: text('dedupe_key').notNull(), // one notice per user and cause, however many sweepers run
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notifications_dedupe').on(t.userId, t.dedupeKey), index('notifications_user').on(t.userId, t.createdAt)],
);
