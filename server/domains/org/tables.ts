import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const companies = pgTable('companies', {
  id: id(),
  companyId: uuid('company_id').notNull(), // equals id: the shard key every table carries
  name: text('name').notNull(),
  createdAt: created(),
});

export const projects = pgTable(
  'projects',
  {
    id: id(),
    companyId: uuid('company_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    serviceLevel: integer('service_level').notNull(),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    address: text('address'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [uniqueIndex('projects_company_code').on(t.companyId, t.code)],
);

export const areas = pgTable(
  'areas',
  {
    id: id(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('areas_project_name').on(t.projectId, t.name)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    areaId: uuid('area_id').notNull().references(() => areas.id),
    name: text('name').notNull(),
    floors: integer('floors').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('buildings_area_name').on(t.areaId, t.name)],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    companyId: uuid('company_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    buildingId: uuid('building_id').notNull().references(() => buildings.id),
    floor: integer('floor').notNull(),
    number: text('number').notNull(),
    // ORG-02: "区域-栋号-楼层-房号", kept on the row so search and lists need no joins.
    path: text('path').notNull(),
    sortKey: text('sort_key').notNull(), // see space.ts: natural order of area, building, floor, number
    areaM2: numeric('area_m2', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    use: text('use').notNull(),
    state: text('state').notNull(),
    handoverDate: date('handover_date'),
    groupOwned: boolean('group_owned').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('units_building_number').on(t.buildingId, t.number),
    index('units_project_sort').on(t.projectId, t.sortKey, t.id),
    index('units_path_trgm').using('gin', sql`${t.path} gin_trgm_ops`),
  ],
);

export const departments = pgTable('departments', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').references(() => projects.id), // null: a company-level department
  kind: text('kind').notNull(),
  name: text('name').notNull(),
});
