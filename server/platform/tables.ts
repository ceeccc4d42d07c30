import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// the append-only history of every write; written in the same transaction as the change.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id'),
    actorId: uuid('actor_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId, t.id), index('audit_company_at').on(t.companyId, t.at)],
);

// WO-01: human-readable numbers per project, kind and year, without gaps (taken inside the writing transaction).
export const sequences = pgTable(
  'sequences',
  {
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind, t.year] })],
);
