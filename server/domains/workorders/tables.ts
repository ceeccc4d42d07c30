import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables';
import { projects, units } from '../org/tables';
import { users } from '../people/tables';

export interface Acceptance {
  kind: 'signature' | 'consent';
  by: string | null; // who recorded it
  opinion: string | null;
  at: string;
  signatureFileId?: string;
  contactedBy?: 'phone' | 'on_site';
}

// WO-01..WO-10: one record per repair; the front-desk log, duty log and engineering slip are views of it.
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    number: text('number').notNull(),
    trade: text('trade').notNull(),
    priority: text('priority').notNull(),
    locationKind: text('location_kind').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    location: text('location').notNull(),
    description: text('description').notNull(),
    department: text('department').notNull(),
    status: text('status').notNull().default('reported'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    holdReason: text('hold_reason'),
    heldFrom: text('held_from'), // the state a held order resumes to
    result: text('result'),
    materials: jsonb('materials').$type<{ name: string; quantity: number; unit: string }[]>().notNull().default(sql`'[]'::jsonb`),
    acceptance: jsonb('acceptance').$type<Acceptance>(),
    onsiteConfirmedBy: uuid('onsite_confirmed_by').references(() => users.id),
    explanation: text('explanation'),
    paid: boolean('paid').notNull().default(false),
    reworkCount: integer('rework_count').notNull().default(0),
    followupSelected: boolean('followup_selected'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lastProgressAt: timestamp('last_progress_at', { withTimezone: true }),
    ruleVersion: integer('rule_version').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('work_orders_project_number').on(t.projectId, t.number),
    index('work_orders_project_reported').on(t.projectId, t.reportedAt, t.id),
    index('work_orders_project_status').on(t.projectId, t.status, t.reportedAt),
    index('work_orders_assignee').on(t.assigneeId, t.status),
    index('work_orders_case').on(t.caseId),
  ],
);
