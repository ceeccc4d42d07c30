import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workOrders } from '../workorders/tables';

// a resident of the portal, keyed by the phone number the desk holds for them as a customer.
// What they may see is not stored here: it is read live from customer_units (owner, or tenant with the
// owner's consent), so a moved-out customer loses the unit the moment the desk ends the link.
export const residentAccounts = pgTable(
  'resident_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    phone: text('phone').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    active: boolean('active').notNull().default(true),
    /** Portal notices newer than this are unread. */
    noticesReadAt: timestamp('notices_read_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('resident_accounts_phone').on(t.companyId, t.phone)],
);

// one-time sign-in codes, stored as a keyed hash only; 5 minutes, 5 tries, used once.
// Every request leaves a row (also for unknown numbers, whose code is never sent), so the per-phone and
// per-address limits count the same way whoever asks.
export const residentCodes = pgTable(
  'resident_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phone: text('phone').notNull(),
    ip: text('ip').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('resident_codes_phone').on(t.phone, t.createdAt), index('resident_codes_ip').on(t.ip, t.createdAt)],
);

// Resident sessions: their own table and cookie, never a staff session.
export const residentSessions = pgTable(
  'resident_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    companyId: uuid('company_id').notNull(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residentAccounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('resident_sessions_resident').on(t.residentId)],
);

// X-03, RV-01: the resident's rating of a repair from the portal, one per order and round of rework.
// When the order is drawn for a return visit, the rating is also recorded as that visit (channel portal).
export const residentRatings = pgTable(
  'resident_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    round: integer('round').notNull(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residentAccounts.id),
    verdict: text('verdict').notNull(),
    solved: boolean('solved').notNull(),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('resident_ratings_order_round').on(t.orderId, t.round)],
);
