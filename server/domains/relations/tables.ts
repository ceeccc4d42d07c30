import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TKeyReason, TRelationTargets } from '../../../common/relations';
import { cases } from '../cases/tables';
import { projects, units } from '../org/tables';
import { customers, users } from '../people/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// CR-02..CR-05: each project's targets (defaults from its service level and type), versioned like the desk rules.
export const relationSettings = pgTable('relation_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  companyId: uuid('company_id').notNull(),
  targets: jsonb('targets').$type<TRelationTargets>().notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

// CR-01: 关键业户名单 — a customer of the project (or a body such as the 居委会) with the criteria as reasons.
// The owned area share is stored when listed, so the list shows why the system suggested it.
export const keyCustomers = pgTable(
  'key_customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    customerId: uuid('customer_id').references(() => customers.id),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    phone: text('phone'),
    reasons: jsonb('reasons').$type<TKeyReason[]>().notNull(),
    note: text('note').notNull().default(''),
    areaShare: numeric('area_share', { precision: 8, scale: 6, mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    retiredAt: at('retired_at'),
    retiredReason: text('retired_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('key_customers_project').on(t.projectId),
    uniqueIndex('key_customers_customer').on(t.projectId, t.customerId).where(sql`retired_at is null and customer_id is not null`),
  ],
);

// CR-01: the quarterly review of the key list is a record; its due time (the quarter's last day) is stored on it.
export const keyCustomerReviews = pgTable(
  'key_customer_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    quarter: text('quarter').notNull(),
    dueAt: at('due_at').notNull(),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: at('reviewed_at').notNull(),
    listed: integer('listed').notNull(),
    note: text('note').notNull().default(''),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('key_customer_reviews_quarter').on(t.projectId, t.quarter)],
);

// CR-02: a visit (走访) to a unit — face to face or by phone, whom the visitor met, what was said; a raised
// matter opened a case owned by the visitor. The visitor's role is kept as it was, for coverage by role.
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    customerId: uuid('customer_id').references(() => customers.id),
    keyCustomerId: uuid('key_customer_id').references(() => keyCustomers.id),
    visitorId: uuid('visitor_id')
      .notNull()
      .references(() => users.id),
    visitorRole: text('visitor_role').notNull(),
    mode: text('mode').notNull(), // face | phone
    personMet: text('person_met').notNull(),
    visitedAt: at('visited_at').notNull(),
    visitedOn: date('visited_on').notNull(), // the project's local day, for months, quarters and the map
    content: text('content').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('visits_project_day').on(t.projectId, t.visitedOn),
    index('visits_unit_day').on(t.unitId, t.visitedOn),
    index('visits_key_customer').on(t.keyCustomerId).where(sql`key_customer_id is not null`),
  ],
);

// CR-02: a housekeeper's monthly visit plan — the units to visit that month.
export const visitPlans = pgTable(
  'visit_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    month: text('month').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => users.id),
    unitIds: jsonb('unit_ids').$type<string[]>().notNull(),
    note: text('note').notNull().default(''),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('visit_plans_staff_month').on(t.projectId, t.month, t.staffId)],
);

// CR-04: the yearly plan of community activities and plant-room open days; held ones carry photos (attachments).
export const communityActivities = pgTable(
  'community_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(), // activity | plant_room
    title: text('title').notNull(),
    plannedOn: date('planned_on').notNull(),
    heldOn: date('held_on'),
    participants: integer('participants'),
    summary: text('summary').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('community_activities_project_year').on(t.projectId, t.year)],
);

// CR-04: articles sent to the company magazine (at least 2 a month).
export const magazineArticles = pgTable(
  'magazine_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    month: text('month').notNull(),
    title: text('title').notNull(),
    author: text('author').notNull(),
    sentOn: date('sent_on').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('magazine_articles_project_month').on(t.projectId, t.month)],
);
