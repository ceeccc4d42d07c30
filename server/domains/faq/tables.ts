import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../org/tables';

// IN-06: the project's 答客问 — what the desk answers on the call; reviewed at least every 6 months.
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('faq_project').on(t.projectId), index('faq_text_trgm').using('gin', sql`(${t.question} || ' ' || ${t.answer}) gin_trgm_ops`)],
);
