import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TPatrolSettings } from '../../../common/patrols';
import { projects, units } from '../org/tables';
import { users } from '../people/tables';
import { workOrders } from '../workorders/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// PT-01, PT-02: the project's patrol settings (heating season, intervals, recheck days), versioned.
export const patrolSettings = pgTable('patrol_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  companyId: uuid('company_id').notNull(),
  settings: jsonb('settings').$type<TPatrolSettings>().notNull(),
  version: integer('version').notNull().default(1),
});

// PT-01: one public-area patrol per project and local day; a workday without one is a missed day.
export const publicPatrols = pgTable(
  'public_patrols',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    patrolDate: date('patrol_date').notNull(),
    route: text('route').notNull(),
    note: text('note').notNull().default(''),
    patrollerId: uuid('patroller_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('public_patrols_day').on(t.projectId, t.patrolDate)],
);

// PT-01: a finding of a patrol — the problem, how it is handled, the recheck due in 3 days, the linked order.
export const patrolFindings = pgTable(
  'patrol_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    patrolId: uuid('patrol_id')
      .notNull()
      .references(() => publicPatrols.id),
    location: text('location').notNull(),
    problem: text('problem').notNull(),
    handling: text('handling').notNull(),
    handlingNote: text('handling_note').notNull().default(''),
    status: text('status').notNull().default('open'), // open | closed
    recheckDueAt: at('recheck_due_at').notNull(), // stored when found, moved on by an unresolved recheck
    firstRecheckDueAt: at('first_recheck_due_at').notNull(),
    firstRecheckedAt: at('first_rechecked_at'),
    rechecks: integer('rechecks').notNull().default(0),
    recheckedAt: at('rechecked_at'),
    recheckResult: text('recheck_result'),
    recheckNote: text('recheck_note').notNull().default(''),
    recheckerId: uuid('rechecker_id').references(() => users.id),
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('patrol_findings_patrol').on(t.patrolId), index('patrol_findings_open').on(t.projectId, t.recheckDueAt).where(sql`status = 'open'`)],
);

// PT-01 with RV-02's sampler: the CS supervisor's (30 %) and the manager's (10 %) spot checks of patrols.
export const patrolChecks = pgTable(
  'patrol_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    patrolId: uuid('patrol_id')
      .notNull()
      .references(() => publicPatrols.id),
    level: text('level').notNull(), // supervisor | manager
    selectedAt: at('selected_at').notNull(),
    checkerId: uuid('checker_id').references(() => users.id),
    checkedAt: at('checked_at'),
    outcome: text('outcome'), // confirmed | not_confirmed
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('patrol_checks_patrol_level').on(t.patrolId, t.level), index('patrol_checks_project').on(t.projectId, t.selectedAt)],
);

// PT-02: a patrol of a vacant unit. The register itself is the units whose state is vacant (no second
// list); each patrol stores when the next one is due, computed with the heating season.
export const vacantPatrols = pgTable(
  'vacant_patrols',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    patrolledAt: at('patrolled_at').notNull(),
    byId: uuid('by_id')
      .notNull()
      .references(() => users.id),
    failed: jsonb('failed').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    note: text('note').notNull().default(''),
    nextDueOn: date('next_due_on').notNull(),
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
  },
  (t) => [index('vacant_patrols_unit').on(t.unitId, t.patrolledAt), index('vacant_patrols_project').on(t.projectId, t.patrolledAt)],
);

// PT-03: the equipment register of a project.
export const equipment = pgTable(
  'equipment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    location: text('location').notNull(),
    installedOn: date('installed_on'),
    retiredAt: at('retired_at'),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('equipment_project_code').on(t.projectId, t.code)],
);

// PT-03: a maintenance plan of a piece of equipment — a check every N days, the next one due stored.
export const maintenancePlans = pgTable(
  'maintenance_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
    title: text('title').notNull(),
    periodDays: integer('period_days').notNull(),
    nextDueOn: date('next_due_on').notNull(),
    lastCheckedOn: date('last_checked_on'),
    lastResult: text('last_result'),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('maintenance_plans_equipment').on(t.equipmentId)],
);

// PT-03: a check done under a plan; a failure opens a work order, linked here.
export const facilityChecks = pgTable(
  'facility_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => maintenancePlans.id),
    result: text('result').notNull(), // pass | fail
    note: text('note').notNull().default(''),
    byId: uuid('by_id')
      .notNull()
      .references(() => users.id),
    checkedAt: at('checked_at').notNull(),
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
  },
  (t) => [index('facility_checks_project').on(t.projectId, t.checkedAt)],
);
