import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TCarried } from '../../../common/frontdesk';
import { projects, units } from '../org/tables';
import { customers, users } from '../people/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// FD-01: 携物出门单 — numbered per project and year (FX-2026-000001), with a check code the gate can type.
// Used once: the use is one UPDATE … WHERE used_at IS NULL, so of two concurrent uses exactly one wins.
export const releasePasses = pgTable(
  'release_passes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    checkCode: text('check_code').notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    relation: text('relation').notNull(), // owner | tenant
    bearerName: text('bearer_name').notNull(),
    bearerPhone: text('bearer_phone').notNull(),
    items: text('items').notNull(),
    pieces: integer('pieces').notNull(),
    validOn: date('valid_on').notNull(),
    ownerId: uuid('owner_id').references(() => customers.id), // FD-01: the owner who confirmed a tenant's pass
    confirmMethod: text('confirm_method'), // phone | portal
    confirmNote: text('confirm_note'),
    confirmedAt: at('confirmed_at'),
    issuedBy: uuid('issued_by').notNull().references(() => users.id),
    createdAt: at('created_at').notNull(),
    usedAt: at('used_at'),
    usedBy: uuid('used_by').references(() => users.id),
    gate: text('gate'),
    voidedAt: at('voided_at'),
    voidReason: text('void_reason'),
    vehiclePlate: text('vehicle_plate'), // FD-01, X-03: the plate the resident gave in the portal, for the gate
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('release_passes_number').on(t.projectId, t.number),
    uniqueIndex('release_passes_code').on(t.projectId, t.checkCode),
    index('release_passes_project_created').on(t.projectId, t.createdAt),
  ],
);

// FD-01, X-03: a resident's request for a release pass from the portal. An owner's request is issued at once
// (the OTP sign-in on their own unit is the desk's identity check); a tenant's waits for an owner of the unit
// to confirm it in the portal (method 'portal') — or for the desk, after a phone call (method 'phone') —
// and only then becomes a numbered pass (pass_id). A declined request never becomes one.
export const passRequests = pgTable(
  'pass_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id), // the requester
    residentId: uuid('resident_id').notNull(), // the requester's portal account
    relation: text('relation').notNull(), // owner | tenant
    requesterName: text('requester_name').notNull(),
    requesterPhone: text('requester_phone').notNull(),
    items: text('items').notNull(),
    pieces: integer('pieces').notNull(),
    validOn: date('valid_on').notNull(),
    timeOut: text('time_out').notNull().default(''), // HH:MM, as the resident gave it
    vehiclePlate: text('vehicle_plate').notNull().default(''),
    note: text('note').notNull().default(''),
    status: text('status').notNull(), // awaiting_owner | issued | declined
    ownerId: uuid('owner_id').references(() => customers.id), // the owner who confirmed or declined
    decidedAt: at('decided_at'),
    declineReason: text('decline_reason'),
    passId: uuid('pass_id').references(() => releasePasses.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('pass_requests_project_status').on(t.projectId, t.status), index('pass_requests_unit').on(t.unitId), uniqueIndex('pass_requests_pass').on(t.passId)],
);

// FD-02: 交接班记录 — one log per shift, chained to the previous one; the incoming writer signs the
// previous log before writing (one successor per log). The due time to sign is stored.
export const shiftLogs = pgTable(
  'shift_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    shiftDate: date('shift_date').notNull(),
    shift: text('shift').notNull(), // day | night
    previousId: uuid('previous_id'),
    writerId: uuid('writer_id')
      .notNull()
      .references(() => users.id),
    notes: text('notes').notNull().default(''),
    startedAt: at('started_at').notNull(),
    dueAt: at('due_at').notNull(), // the shift's end plus the grace to sign
    signedBy: uuid('signed_by').references(() => users.id),
    signedAt: at('signed_at'),
    carried: jsonb('carried').$type<TCarried>(), // the open matters as handed over, fixed at signing
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('shift_logs_successor').on(t.previousId),
    uniqueIndex('shift_logs_first').on(t.projectId).where(sql`previous_id is null`),
    index('shift_logs_project_started').on(t.projectId, t.startedAt),
  ],
);

// FD-03: a review of recorded calls by the manager or a supervisor; the week (Monday) is stored for the
// weekly rule (≥2 reviews, ≥30 minutes).
export const callReviews = pgTable(
  'call_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    reviewedOn: date('reviewed_on').notNull(),
    weekStart: date('week_start').notNull(),
    recording: text('recording').notNull(),
    minutes: integer('minutes').notNull(),
    findings: text('findings').notNull(),
    shiftLogId: uuid('shift_log_id').references(() => shiftLogs.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('call_reviews_project_week').on(t.projectId, t.weekStart)],
);

// FD-04: 报失/拾遗 — a lost report or a found item, numbered per project and year (SW-…); a found item's
// disposal date is computed from the project's setting when it is registered.
export const lostItems = pgTable(
  'lost_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    kind: text('kind').notNull(), // lost | found
    category: text('category').notNull().default('other'), // FD-04: what kind of thing, for matching (LOST_CATEGORIES)
    description: text('description').notNull(),
    place: text('place').notNull(),
    happenedOn: date('happened_on').notNull(),
    personName: text('person_name').notNull(),
    personPhone: text('person_phone').notNull(),
    storedAt: text('stored_at').notNull().default(''),
    state: text('state').notNull().default('open'), // open | matched | returned | disposed
    matchedId: uuid('matched_id'),
    disposeDueOn: date('dispose_due_on'),
    receiverName: text('receiver_name'),
    receiverPhone: text('receiver_phone'),
    receiverIdNumber: text('receiver_id_number'), // masked only (AR-04)
    signatureFileId: uuid('signature_file_id'),
    returnedAt: at('returned_at'),
    returnedBy: uuid('returned_by').references(() => users.id), // the clerk who handed it back (on the slip)
    disposedAt: at('disposed_at'),
    disposeNote: text('dispose_note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('lost_items_number').on(t.projectId, t.number), index('lost_items_project_state').on(t.projectId, t.state)],
);

// FD-04: the project's front-desk settings (days before an unclaimed found item is flagged for disposal).
export const frontdeskSettings = pgTable('frontdesk_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  companyId: uuid('company_id').notNull(),
  unclaimedDays: integer('unclaimed_days').notNull(),
  createdAt: at('created_at').notNull(),
  version: integer('version').notNull().default(1),
});
