import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import { workOrders } from '../workorders/tables';

// PS-01: a project's paid services with their public prices; retired items stay (inactive), never deleted.
export const serviceItems = pgTable(
  'service_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    category: text('category').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    price: numeric('price', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('service_items_project').on(t.projectId, t.category, t.sort)],
);

const money = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true });

// PS-03..PS-06: what makes a work order a paid service — the quote, the customer's agreement to it, the
// appointment given and whether the fee is collected. One row per paid order; the order itself is the
// work order (WO-10), so the desk log, the slip and the service notice never disagree.
export const paidOrders = pgTable(
  'paid_orders',
  {
    orderId: uuid('order_id')
      .primaryKey()
      .references(() => workOrders.id),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    itemId: uuid('item_id').notNull().references(() => serviceItems.id),
    itemName: text('item_name').notNull(), // as quoted: the catalogue may change later
    category: text('category').notNull(),
    quantity: numeric('quantity', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    fee: money('fee').notNull(),
    expectedResult: text('expected_result').notNull(),
    preferredTime: text('preferred_time').notNull(),
    channel: text('channel').notNull(),
    registeredBy: uuid('registered_by').notNull().references(() => users.id),
    agreedAt: at('agreed_at'),
    agreedHow: text('agreed_how'),
    appointmentAt: at('appointment_at'),
    appointedAt: at('appointed_at'),
    collectedAt: at('collected_at'), // a valid receipt exists
    version: integer('version').notNull().default(1),
  },
  (t) => [index('paid_orders_project').on(t.projectId)],
);

// PS-06: receipts numbered per project without gaps; a voided receipt stays, marked, and its number is never reused.
export const receipts = pgTable(
  'paid_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    orderId: uuid('order_id').notNull().references(() => workOrders.id),
    number: text('number').notNull(),
    amount: money('amount').notNull(),
    method: text('method').notNull(),
    issuedBy: uuid('issued_by').notNull().references(() => users.id),
    issuedAt: at('issued_at').notNull(),
    businessDate: date('business_date').notNull(), // the project's local day of issue
    voidedAt: at('voided_at'),
    voidedBy: uuid('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    handoverId: uuid('handover_id').references(() => cashHandovers.id),
  },
  (t) => [
    uniqueIndex('paid_receipts_number').on(t.projectId, t.number),
    index('paid_receipts_day').on(t.projectId, t.businessDate, t.issuedBy),
    index('paid_receipts_order').on(t.orderId),
  ],
);

// PS-07: a clerk's takings of one day handed to finance; finance counts and confirms, differences are flagged.
export const cashHandovers = pgTable(
  'cash_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    clerkId: uuid('clerk_id').notNull().references(() => users.id),
    businessDate: date('business_date').notNull(),
    expected: money('expected').notNull(),
    nonCash: money('non_cash').notNull(),
    declared: money('declared').notNull(),
    received: money('received'),
    difference: money('difference'),
    status: text('status').notNull().default('submitted'),
    note: text('note').notNull().default(''),
    financeNote: text('finance_note').notNull().default(''),
    submittedAt: at('submitted_at').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: at('confirmed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('cash_handovers_day').on(t.projectId, t.businessDate)],
);
