import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../people/tables';

// Sessions live in the database so any server instance can serve any user; the cookie holds a token
// whose SHA-256 is the key, so a leaked table does not leak usable tokens.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    companyId: uuid('company_id').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

// Sign-in throttles, one row per user name (`name:<lower name>`, known or not) and per client IP
// (`ip:<address>`): failures counted atomically, growing waits once the free attempts are used.
// company_id is set when the name belongs to a user, so the company admin sees their own users' rows.
export const signInThrottles = pgTable('sign_in_throttles', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  companyId: uuid('company_id'),
  failures: integer('failures').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
});
