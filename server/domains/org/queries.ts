// Reads of the org and space tree, always filtered by the projects the principal may see.
import { and, asc, eq, gte, ilike, lt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod';
import type { TProjectSummary, TSpaceTree, TUnit, ZUnitListQuery } from '../../../common/org';
import type { TAction } from '../../../common/roles';
import type { DbOrTx } from '../../platform/db';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { addDays, fromLocal } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { decodeCursor, likePattern, pageOf } from '../../platform/pagination';
import { unitPathMatches } from './unit-search';
import { authorize, can, projectsWhere, type Principal } from '../../platform/policy';
import { areas, buildings, projects, units } from './tables';

export async function listProjects(db: DbOrTx, p: Principal): Promise<TProjectSummary[]> {
  const ids = projectsWhere(p, 'project.read');
  if (!ids.length) return [];
  const counts = db
    .select({
      projectId: units.projectId,
      unitCount: sql<number>`count(*)::int`.as('unit_count'),
      vacantCount: sql<number>`count(*) filter (where ${units.state} = 'vacant')::int`.as('vacant_count'),
      buildingCount: sql<number>`count(distinct ${units.buildingId})::int`.as('building_count'),
    })
    .from(units)
    .where(inArray(units.projectId, ids))
    .groupBy(units.projectId)
    .as('c');
  const rows = await db
    .select({
      project: projects,
      unitCount: counts.unitCount,
      vacantCount: counts.vacantCount,
      buildingCount: counts.buildingCount,
      areaCount: sql<number>`(select count(*)::int from areas a where a.project_id = ${projects}.id)`,
    })
    .from(projects)
    .leftJoin(counts, eq(counts.projectId, projects.id))
    .where(inArray(projects.id, ids))
    .orderBy(asc(projects.code));
  return rows.map((r) => ({
    ...presentProject(r.project),
    areaCount: r.areaCount,
    buildingCount: r.buildingCount ?? 0,
    unitCount: r.unitCount ?? 0,
    vacantCount: r.vacantCount ?? 0,
    actions: [...(p.projectActions.get(r.project.id) ?? [])],
  }));
}

export function presentProject(r: typeof projects.$inferSelect) {
  const { id, code, name, serviceLevel, timezone, address, version } = r;
  return { id, code, name, type: r.type as TProjectSummary['type'], serviceLevel, timezone, address, version };
}

export async function spaceTree(db: DbOrTx, p: Principal, projectId: string): Promise<TSpaceTree> {
  if (!can(p, 'space.read', projectId)) throw notFound();
  const areaRows = await db.select().from(areas).where(eq(areas.projectId, projectId)).orderBy(asc(areas.sort), asc(areas.name));
  const buildingRows = await db
    .select({
      id: buildings.id,
      areaId: buildings.areaId,
      name: buildings.name,
      floors: buildings.floors,
      unitCount: sql<number>`count(${units.id})::int`,
    })
    .from(buildings)
    .leftJoin(units, eq(units.buildingId, buildings.id))
    .where(eq(buildings.projectId, projectId))
    .groupBy(buildings.id)
    .orderBy(asc(buildings.sort), asc(buildings.name));
  return {
    projectId,
    areas: areaRows.map((a) => ({ id: a.id, name: a.name, buildings: buildingRows.filter((b) => b.areaId === a.id) })),
  };
}

const unitColumns = {
  unit: units,
  areaName: areas.name,
  buildingName: buildings.name,
};

function presentUnit(r: { unit: typeof units.$inferSelect; areaName: string; buildingName: string }): TUnit {
  const u = r.unit;
  return {
    id: u.id,
    projectId: u.projectId,
    buildingId: u.buildingId,
    path: u.path,
    areaName: r.areaName,
    buildingName: r.buildingName,
    floor: u.floor,
    number: u.number,
    areaM2: u.areaM2,
    use: u.use as TUnit['use'],
    state: u.state as TUnit['state'],
    handoverDate: u.handoverDate,
    groupOwned: u.groupOwned,
    version: u.version,
  };
}

const unitsWithSpace = (db: DbOrTx) =>
  db.select(unitColumns).from(units).innerJoin(buildings, eq(buildings.id, units.buildingId)).innerJoin(areas, eq(areas.id, buildings.areaId));

export async function listUnits(db: DbOrTx, p: Principal, q: z.infer<typeof ZUnitListQuery>) {
  if (!can(p, 'space.read', q.projectId)) throw notFound();
  const after = decodeCursor(q.cursor, 'text');
  const where: (SQL | undefined)[] = [eq(units.projectId, q.projectId)];
  if (q.buildingId) where.push(eq(units.buildingId, q.buildingId));
  if (q.state) where.push(eq(units.state, q.state));
  if (q.q) where.push(or(unitPathMatches(units.path, q.q), ilike(units.number, likePattern(q.q))));
  if (after) where.push(sql`(${units.sortKey}, ${units.id}) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await unitsWithSpace(db)
    .where(and(...where))
    .orderBy(asc(units.sortKey), asc(units.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.unit.sortKey, r.unit.id]);
  return { items: page.items.map(presentUnit), nextCursor: page.nextCursor };
}

/** One unit the principal may see for `action`, or 404 — never a hint that it exists elsewhere. */
export async function loadUnit(db: DbOrTx, p: Principal, unitId: string, action: TAction = 'space.read'): Promise<TUnit> {
  const [row] = await unitsWithSpace(db).where(and(eq(units.id, unitId), eq(units.companyId, p.companyId)));
  if (!row) throw notFound();
  authorize(p, action, row.unit.projectId, 'space.read');
  return presentUnit(row);
}

/**
 * A list filter "from day A to day B" on a timestamp column, in the project's own timezone:
 * from A's local midnight up to (not including) the midnight after B.
 */
export async function localDayRange(db: DbOrTx, projectId: string, column: AnyPgColumn, from?: string, to?: string): Promise<SQL[]> {
  if (!from && !to) return [];
  const tz = await projectTimezone(db, projectId);
  const out: SQL[] = [];
  if (from) out.push(gte(column, fromLocal(from, 0, tz)));
  if (to) out.push(lt(column, fromLocal(addDays(to, 1), 0, tz)));
  return out;
}

// A project's timezone is set when it is opened and never changes (ZProjectUpdate has no timezone), so
// every list with a date range asks the database for it once per process, not once per request.
const timezones = new Map<string, string>();

export async function projectTimezone(db: DbOrTx, projectId: string): Promise<string> {
  const known = timezones.get(projectId);
  if (known) return known;
  const [p] = await db.select({ timezone: projects.timezone }).from(projects).where(eq(projects.id, projectId));
  if (!p) return 'Asia/Shanghai';
  if (timezones.size > 100_000) timezones.clear();
  timezones.set(projectId, p.timezone);
  return p.timezone;
}
