import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { TCalendarDay } from '../../../common/calendar';
import { projects } from '../org/tables';

// ORG-01: one working calendar per project — the weekly pattern, business hours, and the days that
// break the pattern (public holidays, make-up workdays 调休). Edited as a whole, versioned, audited.
export const projectCalendars = pgTable('project_calendars', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  companyId: uuid('company_id').notNull(),
  weekdays: jsonb('weekdays').$type<number[]>().notNull(),
  businessStart: text('business_start').notNull(),
  businessEnd: text('business_end').notNull(),
  days: jsonb('days').$type<TCalendarDay[]>().notNull(),
  version: integer('version').notNull().default(1),
});
