import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { departments, projects, units } from '../org/tables';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    departmentId: uuid('department_id').references(() => departments.id),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username').on(sql`lower(${t.username})`)],
);

// ORG-05: a role held in one project, or in all of the company's projects when project_id is null.
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    projectId: uuid('project_id').references(() => projects.id),
    role: text('role').notNull(),
  },
  (t) => [index('user_roles_user').on(t.userId)],
);

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(), // IN-03: the caller-ID key
    idNumber: text('id_number'), // AR-04: only the masked form (3101**********1234); the number itself is sealed
    idNumberSealed: text('id_number_sealed'),
    idNumberHash: text('id_number_hash'), // keyed hash: the ID-number search never sees the plain value
    emergencyContacts: jsonb('emergency_contacts').$type<{ name: string; phone: string; relation: string }[]>().notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_project_name').on(t.projectId, t.name),
    index('customers_phone_trgm').using('gin', sql`${t.phone} gin_trgm_ops`),
    index('customers_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('customers_id_hash').on(t.projectId, t.idNumberHash),
    // AR-04: the start-up sealing step finds plain ID numbers left by older databases without a scan.
    index('customers_id_plain').on(t.companyId).where(sql`id_number_sealed is null and id_number is not null and position('*' in id_number) = 0`),
  ],
);

// ORG-06: several customers per unit; a tenant names the owner who consented.
export const customerUnits = pgTable(
  'customer_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    relation: text('relation').notNull(),
    consentingOwnerId: uuid('consenting_owner_id').references(() => customers.id),
    since: date('since'),
    endedAt: timestamp('ended_at', { withTimezone: true }), // moved out: kept, never deleted
  },
  (t) => [index('customer_units_unit').on(t.unitId), index('customer_units_customer').on(t.customerId)],
);
