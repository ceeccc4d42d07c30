// what an import file would change — every problem by row and column, and the units, customers,
// links and archives it would create. Matching is by unit path and by the customer's ID number (keyed
// hash) or phone and name, so importing the same file again plans nothing (idempotent).
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { TImportColumn } from '../../../common/archives';
import type { DbOrTx } from '../../platform/db';
import type { Vault } from '../../platform/vault';
import { unitPath, unitSortKey } from '../org/space';
import { areas, buildings, units } from '../org/tables';
import { customers, customerUnits } from '../people/tables';
import { validIdNumber } from './identity';
import type { SheetRow } from './import-sheet';

export interface Problem {
  row: number;
  column: TImportColumn;
  key: string;
  params?: Record<string, string | number>;
}

export interface PlannedUnit {
  id: string;
  buildingId: string;
  floor: number;
  number: string;
  path: string;
  sortKey: string;
  use: string;
  areaM2: number;
  handoverDate: string | null;
}
export interface PlannedCustomer {
  id: string;
  kind: string;
  name: string;
  phone: string;
  idNumber: string | null;
}
export interface PlannedLink {
  unitId: string;
  customerId: string;
  relation: 'owner' | 'tenant';
  since: string | null;
}

export interface ImportPlan {
  rows: number;
  problems: Problem[];
  units: PlannedUnit[];
  customers: PlannedCustomer[];
  links: PlannedLink[];
  unchanged: number;
}

const WORDS: Record<string, Record<string, string>> = {
  use: { 住宅: 'residence', 写字楼: 'office', 商铺: 'shop', residence: 'residence', office: 'office', shop: 'shop' },
  relation: { 业主: 'owner', 租户: 'tenant', owner: 'owner', tenant: 'tenant' },
  kind: { 个人: 'person', 单位: 'company', 公司: 'company', person: 'person', company: 'company' },
};
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export async function planImport(db: DbOrTx, vault: Vault, projectId: string, sheet: SheetRow[]): Promise<ImportPlan> {
  const bs = await db
    .select({ id: buildings.id, name: buildings.name, floors: buildings.floors, sort: buildings.sort, areaName: areas.name, areaSort: areas.sort })
    .from(buildings)
    .innerJoin(areas, eq(areas.id, buildings.areaId))
    .where(eq(buildings.projectId, projectId));
  const buildingOf = new Map(bs.map((b) => [`${b.areaName}|${b.name}`, b]));
  const existingUnits = new Map((await db.select({ id: units.id, path: units.path, use: units.use }).from(units).where(eq(units.projectId, projectId))).map((u) => [u.path, u]));
  const cs = await db.select({ id: customers.id, name: customers.name, phone: customers.phone, hash: customers.idNumberHash }).from(customers).where(eq(customers.projectId, projectId));
  const byHash = new Map(cs.filter((c) => c.hash).map((c) => [c.hash!, c.id]));
  const byPhone = new Map(cs.map((c) => [`${c.phone}|${c.name}`, c.id]));
  const links = await db
    .select({ unitId: customerUnits.unitId, customerId: customerUnits.customerId, relation: customerUnits.relation })
    .from(customerUnits)
    .where(and(eq(customerUnits.projectId, projectId), isNull(customerUnits.endedAt)));
  const linked = new Set(links.map((l) => `${l.unitId}|${l.customerId}|${l.relation}`));
  const owned = new Set(links.filter((l) => l.relation === 'owner').map((l) => l.unitId));

  const plan: ImportPlan = { rows: sheet.length, problems: [], units: [], customers: [], links: [], unchanged: 0 };
  const plannedUnits = new Map<string, PlannedUnit>();
  const plannedCustomers = new Map<string, PlannedCustomer>();
  const seen = new Map<string, number>();
  const tenants: { row: number; unitId: string }[] = [];

  for (const r of sheet) {
    const bad = (column: TImportColumn, key: string, params?: Problem['params']) => plan.problems.push({ row: r.row, column, key, ...(params ? { params } : {}) });
    const before = plan.problems.length;
    for (const c of ['area', 'building', 'floor', 'number', 'use', 'areaM2', 'relation', 'name', 'phone'] as const) if (!r[c]) bad(c, 'required');
    const b = r.area && r.building ? buildingOf.get(`${r.area}|${r.building}`) : undefined;
    if (r.area && r.building && !b) bad('building', 'unknown_building');
    const floor = Number(r.floor);
    if (r.floor && (!Number.isInteger(floor) || floor < -5 || (b && floor > b.floors))) bad('floor', 'bad_floor');
    const use = WORDS.use[r.use];
    if (r.use && !use) bad('use', 'bad_use');
    const areaM2 = Number(r.areaM2);
    if (r.areaM2 && !(areaM2 > 0 && areaM2 < 100_000)) bad('areaM2', 'bad_area');
    for (const c of ['handoverDate', 'since'] as const) if (r[c] && !DATE.test(r[c])) bad(c, 'bad_date');
    const relation = WORDS.relation[r.relation] as 'owner' | 'tenant' | undefined;
    if (r.relation && !relation) bad('relation', 'bad_relation');
    const kind = r.customerKind ? WORDS.kind[r.customerKind] : 'person';
    if (!kind) bad('customerKind', 'bad_kind');
    if (r.phone && !PHONE.test(r.phone.replace(/\s/g, ''))) bad('phone', 'bad_phone');
    const idNumber = r.idNumber ? r.idNumber.toUpperCase() : null;
    if (idNumber && (idNumber.length === 18 ? !validIdNumber(idNumber) : !/^[0-9A-Z]{6,30}$/.test(idNumber))) bad('idNumber', 'bad_id');
    if (r.name.length > 100) bad('name', 'required');
    if (plan.problems.length > before || !b || !relation) continue;

    const path = unitPath(r.area, r.building, floor, r.number);
    const phone = r.phone.replace(/\s/g, '');
    const dup = `${path}|${relation}|${phone}`;
    if (seen.has(dup)) {
      bad('number', 'duplicate_unit', { row: seen.get(dup)! });
      continue;
    }
    seen.set(dup, r.row);
    const existing = existingUnits.get(path);
    if (existing && existing.use !== use) {
      bad('use', 'unit_conflict');
      continue;
    }
    let unitId = existing?.id ?? plannedUnits.get(path)?.id;
    if (!unitId) {
      const u: PlannedUnit = { id: randomUUID(), buildingId: b.id, floor, number: r.number, path, sortKey: unitSortKey(b.areaSort, b.sort, floor, r.number), use, areaM2, handoverDate: r.handoverDate || null };
      plannedUnits.set(path, u);
      plan.units.push(u);
      unitId = u.id;
    }
    const identity = idNumber ? `id:${vault.lookupHash(idNumber)}` : `ph:${phone}|${r.name}`;
    let customerId = idNumber ? byHash.get(vault.lookupHash(idNumber)) : byPhone.get(`${phone}|${r.name}`);
    customerId ??= plannedCustomers.get(identity)?.id;
    if (!customerId) {
      const c: PlannedCustomer = { id: randomUUID(), kind, name: r.name, phone, idNumber };
      plannedCustomers.set(identity, c);
      plan.customers.push(c);
      customerId = c.id;
    }
    if (linked.has(`${unitId}|${customerId}|${relation}`)) {
      plan.unchanged++;
      continue;
    }
    linked.add(`${unitId}|${customerId}|${relation}`);
    plan.links.push({ unitId, customerId, relation, since: r.since || r.handoverDate || null });
    if (relation === 'owner') owned.add(unitId);
    else tenants.push({ row: r.row, unitId });
  }
  // A tenant needs an owner of the unit, already on record or anywhere in the file.
  for (const tnt of tenants) if (!owned.has(tnt.unitId)) plan.problems.push({ row: tnt.row, column: 'relation', key: 'owner_missing' });
  plan.problems.sort((a, b) => a.row - b.row);
  return plan;
}
