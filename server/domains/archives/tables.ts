import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects, units } from '../org/tables';
import { customers, users } from '../people/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// AR-02: the company's checklist of required documents per archive kind; shipped with the SPEC's lists,
// editable per company. Items are retired, never deleted, so old archives still name what they held.
export const archiveChecklistItems = pgTable(
  'archive_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    kind: text('kind').notNull(), // owner | tenant | decoration | record
    code: text('code').notNull(),
    label: text('label').notNull(),
    appliesTo: text('applies_to').notNull().default('all'), // all | office_shop | company | person | keys_held | agent
    required: boolean('required').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    retiredAt: at('retired_at'),
  },
  (t) => [uniqueIndex('archive_checklist_code').on(t.companyId, t.kind, t.code)],
);

// AR-01: one archive per unit and party (the owner, the tenant, the decoration; a record for group-owned
// units), filed by 区域-栋号-楼层-房号 through its unit. The missing count is kept on the row so the floor
// grid, the lists and the inspection's figures need no recount.
export const archives = pgTable(
  'archives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    kind: text('kind').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    openedOn: date('opened_on').notNull(), // handover, move-in or decoration start: the due date counts from it
    keysHeld: boolean('keys_held').notNull().default(false),
    viaAgent: boolean('via_agent').notNull().default(false),
    cabinet: text('cabinet').notNull().default(''), // where the paper originals are kept
    keeperId: uuid('keeper_id').references(() => users.id), // the housekeeper who answers for it
    requiredCount: integer('required_count').notNull().default(0),
    missingCount: integer('missing_count').notNull().default(0),
    completedAt: at('completed_at'),
    retiredAt: at('retired_at'), // AR-05: never deleted; retired with a reason
    retiredReason: text('retired_reason'),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('archives_party').on(t.unitId, t.kind, sql`coalesce(${t.customerId}, '00000000-0000-0000-0000-000000000000'::uuid)`).where(sql`retired_at is null`),
    index('archives_project_unit').on(t.projectId, t.unitId),
  ],
);

// AR-02: a document of an archive's checklist — a stored file (sealed, with the hash of its content) or
// the paper original held in a cabinet. Replaced documents are retired, not deleted (AR-05).
export const archiveDocuments = pgTable(
  'archive_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    archiveId: uuid('archive_id')
      .notNull()
      .references(() => archives.id),
    itemCode: text('item_code').notNull(),
    form: text('form').notNull(), // file | paper
    name: text('name').notNull().default(''),
    mime: text('mime'),
    size: integer('size'),
    sha256: text('sha256'), // of the plain content, to prove a restored file is the one filed
    storageKey: text('storage_key'),
    cabinet: text('cabinet').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    retiredAt: at('retired_at'),
    retiredReason: text('retired_reason'),
  },
  (t) => [index('archive_documents_archive').on(t.archiveId)],
);

// AR-04: who saw or exported which personal data, when and from where. Append-only.
export const archiveAccessLog = pgTable(
  'archive_access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(), // view | export
    entity: text('entity').notNull(), // archive | archive_list | import_batch
    entityId: uuid('entity_id'),
    label: text('label').notNull().default(''),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    at: at('at').notNull(),
  },
  (t) => [index('archive_access_project_at').on(t.projectId, t.at)],
);

// AR-03: 资料修改申请 — the fields before and after, the customer's signature and, for a tenant, the
// owner's consent; applied only when complete. ID numbers in it are sealed.
export const archiveChangeRequests = pgTable(
  'archive_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    archiveId: uuid('archive_id')
      .notNull()
      .references(() => archives.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    changes: jsonb('changes').$type<{ field: string; before: string | null; after: string }[]>().notNull(),
    sealedIdNumber: text('sealed_id_number'), // the new ID number, when it changes
    reason: text('reason').notNull(),
    status: text('status').notNull().default('open'), // open | applied | cancelled
    signatureKey: text('signature_key'),
    signedAt: at('signed_at'),
    consentOwnerId: uuid('consent_owner_id').references(() => customers.id),
    consentSignatureKey: text('consent_signature_key'),
    consentAt: at('consent_at'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    appliedAt: at('applied_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('archive_changes_archive').on(t.archiveId), index('archive_changes_project').on(t.projectId, t.status)],
);

// an uploaded import file, its preview problems and its all-or-nothing commit.
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(), // the sealed file (it holds ID numbers)
    rows: integer('rows').notNull(),
    problems: integer('problems').notNull(),
    status: text('status').notNull().default('previewed'), // previewed | committed
    result: jsonb('result').$type<Record<string, number>>(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    committedAt: at('committed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('import_batches_project').on(t.projectId, t.createdAt)],
);

// WO-11: last month's repair slips filed as one bundle by the 10th.
export const slipBundles = pgTable(
  'slip_bundles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    month: text('month').notNull(),
    filedAt: at('filed_at'),
    filedBy: uuid('filed_by').references(() => users.id),
    counts: jsonb('counts').$type<{ paid: number; free: number }>(),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('slip_bundles_month').on(t.projectId, t.month)],
);
