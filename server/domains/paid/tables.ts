import { boolean, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../org/tables';

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
