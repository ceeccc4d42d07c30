// Customers, their units and the caller lookup (IN-03), filtered by the principal's projects.
import { aliasedTable, and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod';
import type { TCustomer, TLookupHit, TStaff, TUnitDetail, ZCustomerListQuery } from '../../../common/people';
import { ROLE_ACTIONS, type TRole } from '../../../common/roles';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { maskIdNumber, maskPhone } from '../../../common/mask';
import { shownPhone, type View } from '../../platform/personal';
import { decodeCursor, likePattern, pageOf } from '../../platform/pagination';
import { unitPathMatches } from '../org/unit-search';
import { authorize, can, projectsWhere, type Principal } from '../../platform/policy';
import { loadUnit } from '../org/queries';
import { departments, projects, units } from '../org/tables';
import { customers, customerUnits, userRoles, users } from './tables';

const owner = aliasedTable(customers, 'owner');

async function linksOf(db: DbOrTx, customerIds: string[]) {
  if (!customerIds.length) return [];
  return db
    .select({
      customerId: customerUnits.customerId,
      unitId: customerUnits.unitId,
      path: units.path,
      relation: customerUnits.relation,
      consentingOwnerId: customerUnits.consentingOwnerId,
      consentingOwnerName: owner.name,
      since: customerUnits.since,
    })
    .from(customerUnits)
    .innerJoin(units, eq(units.id, customerUnits.unitId))
    .leftJoin(owner, eq(owner.id, customerUnits.consentingOwnerId))
    .where(and(inArray(customerUnits.customerId, customerIds), isNull(customerUnits.endedAt)))
    .orderBy(asc(units.sortKey));
}

type CustomerRow = typeof customers.$inferSelect;

async function present(db: DbOrTx, p: Principal, rows: CustomerRow[], view: View): Promise<TCustomer[]> {
  const links = await linksOf(db, rows.map((r) => r.id));
  return rows.map((c) => ({
    id: c.id,
    projectId: c.projectId,
    kind: c.kind as TCustomer['kind'],
    name: c.name,
    phone: shownPhone(p, c.projectId, c.phone, view),
    idNumber: maskIdNumber(c.idNumber),
    emergencyContacts: c.emergencyContacts.map((e) => ({ ...e, phone: shownPhone(p, c.projectId, e.phone, view) })),
    units: links
      .filter((l) => l.customerId === c.id)
      .map(({ customerId: _c, ...l }) => ({ ...l, relation: l.relation as 'owner' | 'tenant' })),
    version: c.version,
  }));
}

export async function listCustomers(db: DbOrTx, p: Principal, q: z.infer<typeof ZCustomerListQuery>) {
  if (!can(p, 'customer.read', q.projectId)) throw notFound();
  const after = decodeCursor(q.cursor, 'text');
  const where: (SQL | undefined)[] = [eq(customers.projectId, q.projectId)];
  if (q.q) {
    const pat = likePattern(q.q);
    where.push(
      or(
        ilike(customers.name, pat),
        ilike(customers.phone, pat),
        sql`exists (select 1 from ${customerUnits} cu join ${units} u on u.id = cu.unit_id
                    where cu.customer_id = ${customers.id} and cu.ended_at is null and u.path ilike ${pat})`,
      ),
    );
  }
  if (q.relation)
    where.push(sql`exists (select 1 from ${customerUnits} cu where cu.customer_id = ${customers.id} and cu.ended_at is null and cu.relation = ${q.relation})`);
  if (after) where.push(sql`(${customers.name}, ${customers.id}) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (c) => [c.name, c.id]);
  return { items: await present(db, p, page.items, 'list'), nextCursor: page.nextCursor };
}

export async function loadCustomer(db: DbOrTx, p: Principal, id: string, action: 'customer.read' | 'customer.write' = 'customer.read') {
  const [row] = await db.select().from(customers).where(and(eq(customers.id, id), eq(customers.companyId, p.companyId)));
  if (!row) throw notFound();
  authorize(p, action, row.projectId, 'customer.read');
  return row;
}

export async function customerDetail(db: DbOrTx, p: Principal, id: string): Promise<TCustomer> {
  const [c] = await present(db, p, [await loadCustomer(db, p, id)], 'detail');
  return c;
}

interface OccupantRow {
  customerId: string;
  name: string;
  kind: string;
  phone: string;
  relation: string;
  consentingOwnerName: string | null;
  since: string | null;
}

// Drizzle cannot type a join of a table with its own alias; the row shape is spelled out instead.
async function occupantsOf(db: DbOrTx, unitId: string): Promise<OccupantRow[]> {
  return (await db
    .select({
      customerId: customers.id,
      name: customers.name,
      kind: customers.kind,
      phone: customers.phone,
      relation: customerUnits.relation,
      consentingOwnerName: owner.name,
      since: customerUnits.since,
    })
    .from(customerUnits)
    .innerJoin(customers, eq(customers.id, customerUnits.customerId))
    .leftJoin(owner, eq(owner.id, customerUnits.consentingOwnerId))
    .where(and(eq(customerUnits.unitId, unitId), isNull(customerUnits.endedAt)))
    .orderBy(asc(customerUnits.relation), asc(customers.name))) as OccupantRow[];
}

export async function unitDetail(db: DbOrTx, p: Principal, unitId: string): Promise<TUnitDetail> {
  const unit = await loadUnit(db, p, unitId);
  const occupants = can(p, 'customer.read', unit.projectId) ? await occupantsOf(db, unitId) : [];
  return {
    unit,
    occupants: occupants.map((o) => ({ ...o, kind: o.kind as 'person' | 'company', relation: o.relation as 'owner' | 'tenant' })),
    actions: [...(p.projectActions.get(unit.projectId) ?? [])],
  };
}

const LOOKUP_LIMIT = 20;

/** IN-03: part of a phone number, a name or a unit path finds customer and unit. */
export async function lookup(db: DbOrTx, p: Principal, text: string, projectId?: string): Promise<TLookupHit[]> {
  let ids = projectsWhere(p, 'customer.read');
  if (projectId) ids = ids.filter((id) => id === projectId);
  if (!ids.length) return [];
  // A company-wide reader filters by company: one condition instead of a list of every project's id.
  const everywhere = !projectId && p.grants.some((g) => g.projectId === null && ROLE_ACTIONS[g.role].includes('customer.read'));
  const pat = likePattern(text);
  const byPhone = /^[\d\s+-]+$/.test(text);
  const base = {
    customerId: customers.id,
    customerName: customers.name,
    phone: customers.phone,
    relation: customerUnits.relation,
    unitId: units.id,
    path: units.path,
    projectId: projects.id,
    projectName: projects.name,
  };
  // The two searches go out together; six digits or more are a phone number, never a unit (ORG-02
  // room numbers have at most four or five), so the path index is spared a search it cannot answer.
  const phoneOnly = /^\+?\d{6,}$/.test(text.replace(/[\s-]/g, ''));
  const [customerHits, unitHits] = await Promise.all([
    db
      .select(base)
      .from(customers)
      .innerJoin(customerUnits, and(eq(customerUnits.customerId, customers.id), isNull(customerUnits.endedAt)))
      .innerJoin(units, eq(units.id, customerUnits.unitId))
      .innerJoin(projects, eq(projects.id, units.projectId))
      .where(and(everywhere ? eq(customers.companyId, p.companyId) : inArray(customers.projectId, ids), byPhone ? ilike(customers.phone, pat) : ilike(customers.name, pat)))
      .orderBy(asc(units.sortKey))
      .limit(LOOKUP_LIMIT),
    // "1-101" looks like a phone number too: units are searched unless the text can only be a phone.
    phoneOnly
      ? []
      : db
          .select(base)
          .from(units)
          .innerJoin(projects, eq(projects.id, units.projectId))
          .leftJoin(customerUnits, and(eq(customerUnits.unitId, units.id), isNull(customerUnits.endedAt)))
          .leftJoin(customers, eq(customers.id, customerUnits.customerId))
          .where(and(everywhere ? eq(units.companyId, p.companyId) : inArray(units.projectId, ids), unitPathMatches(units.path, text)))
          .orderBy(asc(units.sortKey))
          .limit(LOOKUP_LIMIT),
  ]);
  return [...customerHits, ...unitHits].slice(0, LOOKUP_LIMIT).map((h) => ({
    ...h,
    phone: maskPhone(h.phone),
    relation: h.relation as TLookupHit['relation'],
  }));
}

export async function listStaff(db: DbOrTx, p: Principal, projectId: string): Promise<TStaff[]> {
  if (!can(p, 'staff.read', projectId)) throw notFound();
  const rows = await db
    .select({ user: users, departmentKind: departments.kind, role: userRoles.role, roleProject: userRoles.projectId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.companyId, p.companyId), or(eq(userRoles.projectId, projectId), isNull(userRoles.projectId))))
    .orderBy(asc(users.displayName), asc(users.id));
  const byUser = new Map<string, TStaff>();
  for (const r of rows) {
    const s = byUser.get(r.user.id) ?? {
      id: r.user.id,
      username: r.user.username,
      displayName: r.user.displayName,
      phone: maskPhone(r.user.phone),
      departmentKind: r.departmentKind as TStaff['departmentKind'],
      roles: [],
      active: r.user.active,
    };
    s.roles.push({ role: r.role as TRole, projectId: r.roleProject });
    byUser.set(r.user.id, s);
  }
  return [...byUser.values()];
}
