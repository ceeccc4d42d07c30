import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects, units } from '../org/tables';
import { users } from '../people/tables';
import { workOrders } from '../workorders/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// FD-06: the project's meeting rooms, function halls and gym, with capacity and hourly fee (fen).
export const meetingRooms = pgTable('meeting_rooms', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  capacity: integer('capacity').notNull(),
  feePerHour: integer('fee_per_hour').notNull(),
  equipment: text('equipment').notNull().default(''),
  residentBookable: boolean('resident_bookable').notNull().default(false), // FD-06, X-03: residents book it in the portal (the gym, the clubhouse room)
  retiredAt: at('retired_at'),
  createdAt: at('created_at').notNull(),
  version: integer('version').notNull().default(1),
});

// FD-06: a booking. Two live bookings of one room never overlap: an exclusion constraint on
// (room_id, tstzrange(starts_at, ends_at)) added in the migration (drizzle cannot declare it), so two
// requests sent at once cannot both pass a check — the database refuses the second.
export const roomBookings = pgTable(
  'room_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    roomId: uuid('room_id')
      .notNull()
      .references(() => meetingRooms.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    bookerName: text('booker_name').notNull(),
    bookerPhone: text('booker_phone').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    purpose: text('purpose').notNull(),
    attendees: integer('attendees').notNull(),
    requirements: text('requirements').notNull().default(''),
    notice: text('notice').notNull().default(''),
    fee: integer('fee').notNull(),
    status: text('status').notNull().default('booked'), // booked | used | cancelled
    cancelReason: text('cancel_reason'),
    usageNote: text('usage_note').notNull().default(''),
    setupDone: boolean('setup_done').notNull().default(false),
    cleaningDone: boolean('cleaning_done').notNull().default(false),
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
    residentId: uuid('resident_id'), // booked by this resident in the portal (their own to see and cancel)
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('room_bookings_project_start').on(t.projectId, t.startsAt), index('room_bookings_room').on(t.roomId).where(sql`status <> 'cancelled'`)],
);

// FD-05: express mail sent for a villa owner, followed up daily until delivered (the next follow-up due stored).
export const expressMail = pgTable(
  'express_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    customerId: uuid('customer_id').notNull(),
    identityCheck: text('identity_check').notNull(),
    itemType: text('item_type').notNull(),
    destination: text('destination').notNull(),
    courier: text('courier').notNull(),
    trackingNo: text('tracking_no').notNull().default(''),
    fee: integer('fee').notNull(), // paid by the owner to the courier
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('booked'),
    followUps: jsonb('follow_ups').$type<{ at: string; status: string; note: string; by: string }[]>().notNull().default(sql`'[]'::jsonb`),
    nextFollowUpAt: at('next_follow_up_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('express_mail_project').on(t.projectId, t.createdAt)],
);
