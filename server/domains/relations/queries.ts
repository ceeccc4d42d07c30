// CR-01..CR-05 reads: the key list of a quarter with its coverage and review, the 1% suggestions, visits,
// the floor-climb map, plans with progress, activities, articles and the lobby cards.
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod';
import { LARGE_AREA_SHARE, type TFloorClimb, type TKeyCustomer, type TKeyCustomerList, type TKeyReason, type TVisit, type TVisitorRole, type ZVisitListQuery } from '../../../common/relations';
import { maskPhone } from '../../../common/mask';
import { localMonth, toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { cases } from '../cases/tables';
import { attachments } from '../files/tables';
import { projectTimezone } from '../org/queries';
import { areas, buildings, units } from '../org/tables';
import { customers, userRoles, users } from '../people/tables';
import { ownedAreas } from './area';
import { quarterAt } from './commands/key-customers';
import { localQuarter, monthsBack } from './periods';
import { canManageRelations } from './policy';
import { settingsOf } from './settings';
import { communityActivities, keyCustomerReviews, keyCustomers, magazineArticles, visitPlans, visits } from './tables';

export function readable(p: Principal, projectId: string) {
  if (!can(p, 'relations.read', projectId)) throw notFound();
}

/** CR-01: a key customer was visited in [from, to): a visit naming them, or a visit to the same customer. */
const visitedBetween = (from: string, to: string) => sql`exists (select 1 from ${visits} v where v.project_id = ${keyCustomers.projectId}
  and v.visited_on >= ${from}::date and v.visited_on <= ${to}::date
  and (v.key_customer_id = ${keyCustomers.id} or (${keyCustomers.customerId} is not null and v.customer_id = ${keyCustomers.customerId})))`;
const lastVisit = sql<string | null>`(select max(v.visited_on)::text from ${visits} v where v.project_id = ${keyCustomers.projectId}
  and (v.key_customer_id = ${keyCustomers.id} or (${keyCustomers.customerId} is not null and v.customer_id = ${keyCustomers.customerId})))`;

/** CR-01: the quarter's list (current by default), each with its last visit and whether the quarter covered it. */
export async function keyCustomerList(db: DbOrTx, p: Principal, projectId: string, quarter?: string, now = new Date()): Promise<TKeyCustomerList> {
  readable(p, projectId);
  const tz = await projectTimezone(db, projectId);
  const qt = quarter ?? quarterAt(now, tz);
  const q = localQuarter(qt, tz);
  const ended = now >= q.to;
  const rows = await db
    .select({ k: keyCustomers, path: units.path, visited: sql<boolean>`${visitedBetween(q.firstDay, q.lastDay)}`, lastVisitOn: lastVisit })
    .from(keyCustomers)
    .leftJoin(units, eq(units.id, keyCustomers.unitId))
    .where(and(eq(keyCustomers.projectId, projectId), isNull(keyCustomers.retiredAt)))
    .orderBy(asc(units.sortKey), asc(keyCustomers.name));
  const [review] = await db
    .select({ r: keyCustomerReviews, by: users.displayName })
    .from(keyCustomerReviews)
    .innerJoin(users, eq(users.id, keyCustomerReviews.reviewedBy))
    .where(and(eq(keyCustomerReviews.projectId, projectId), eq(keyCustomerReviews.quarter, qt)));
  const items: TKeyCustomer[] = rows.map(({ k, path, visited, lastVisitOn }) => ({
    id: k.id,
    projectId: k.projectId,
    customerId: k.customerId,
    unitId: k.unitId,
    path,
    name: k.name,
    phone: maskPhone(k.phone),
    reasons: k.reasons as TKeyReason[],
    note: k.note,
    areaShare: k.areaShare,
    lastVisitOn,
    visitedThisQuarter: visited,
    overdue: ended && !visited,
    retiredAt: null,
    version: k.version,
  }));
  return {
    quarter: qt,
    reviewDueAt: q.to.toISOString(),
    review: review ? { id: review.r.id, reviewedAt: review.r.reviewedAt.toISOString(), reviewedByName: review.by, note: review.r.note, listed: review.r.listed, late: review.r.reviewedAt > review.r.dueAt } : null,
    reviewOverdue: !review && ended,
    listed: items.length,
    visited: items.filter((i) => i.visitedThisQuarter).length,
    items,
    canManage: canManageRelations(p, projectId),
  };
}

/** CR-01: owners above 1% of the project's total area, suggested by the system; those already listed marked. */
export async function keySuggestions(db: DbOrTx, p: Principal, projectId: string) {
  readable(p, projectId);
  const { total, owners } = await ownedAreas(db, projectId, { minShare: LARGE_AREA_SHARE });
  const listed = new Set(
    (await db.select({ c: keyCustomers.customerId }).from(keyCustomers).where(and(eq(keyCustomers.projectId, projectId), isNull(keyCustomers.retiredAt)))).map((r) => r.c),
  );
  return { totalAreaM2: total, threshold: LARGE_AREA_SHARE, items: owners.map((o) => ({ ...o, areaShare: o.share, listed: listed.has(o.customerId) })).map(({ share: _s, ...o }) => o) };
}

export async function listVisits(db: DbOrTx, p: Principal, q: z.infer<typeof ZVisitListQuery>): Promise<{ items: TVisit[] }> {
  readable(p, q.projectId);
  const where: (SQL | undefined)[] = [eq(visits.projectId, q.projectId)];
  if (q.unitId) where.push(eq(visits.unitId, q.unitId));
  if (q.visitorId) where.push(eq(visits.visitorId, q.visitorId));
  if (q.month) {
    const m = localMonth(q.month, 'UTC');
    where.push(gte(visits.visitedOn, m.firstDay), lte(visits.visitedOn, m.lastDay));
  }
  const rows = await db
    .select({ v: visits, path: units.path, customerName: customers.name, visitorName: users.displayName, caseNumber: cases.number })
    .from(visits)
    .innerJoin(units, eq(units.id, visits.unitId))
    .innerJoin(users, eq(users.id, visits.visitorId))
    .leftJoin(customers, eq(customers.id, visits.customerId))
    .leftJoin(cases, eq(cases.id, visits.caseId))
    .where(and(...where))
    .orderBy(desc(visits.visitedAt))
    .limit(500);
  return {
    items: rows.map(({ v, path, customerName, visitorName, caseNumber }) => ({
      id: v.id,
      projectId: v.projectId,
      unitId: v.unitId,
      path,
      customerId: v.customerId,
      customerName,
      keyCustomerId: v.keyCustomerId,
      visitorId: v.visitorId,
      visitorName,
      visitorRole: v.visitorRole as TVisitorRole,
      mode: v.mode as 'face' | 'phone',
      personMet: v.personMet,
      visitedAt: v.visitedAt.toISOString(),
      visitedOn: v.visitedOn,
      content: v.content,
      caseId: v.caseId,
      caseNumber,
    })),
  };
}

const UNIT_ID = sql.raw('"units"."id"');

/** CR-02: 爬楼图 — a building's floors and units, each with its last visit, and visits within the full-coverage window. */
export async function floorClimb(db: DbOrTx, p: Principal, projectId: string, buildingId: string, now = new Date()): Promise<TFloorClimb> {
  readable(p, projectId);
  const [b] = await db.select({ id: buildings.id }).from(buildings).where(and(eq(buildings.id, buildingId), eq(buildings.projectId, projectId)));
  if (!b) throw notFound();
  const tz = await projectTimezone(db, projectId);
  const { targets } = await settingsOf(db, projectId);
  const today = toLocal(now, tz).date;
  const since = `${monthsBack(today.slice(0, 7), targets.fullCoverageMonths - 1)}-01`;
  const rows = await db
    .select({
      unitId: units.id,
      floor: units.floor,
      number: units.number,
      path: units.path,
      lastVisitOn: sql<string | null>`(select max(v.visited_on)::text from ${visits} v where v.unit_id = ${UNIT_ID})`,
      lastVisitorName: sql<string | null>`(select u2.display_name from ${visits} v join ${users} u2 on u2.id = v.visitor_id where v.unit_id = ${UNIT_ID} order by v.visited_at desc limit 1)`,
      visits: sql<number>`(select count(*) from ${visits} v where v.unit_id = ${UNIT_ID} and v.visited_on >= ${since}::date)::int`,
      keyCustomer: sql<boolean>`exists (select 1 from ${keyCustomers} k where k.unit_id = ${UNIT_ID} and k.retired_at is null)`,
    })
    .from(units)
    .where(and(eq(units.projectId, projectId), eq(units.buildingId, buildingId)))
    .orderBy(desc(units.floor), asc(units.sortKey));
  const floors = new Map<number, TFloorClimb['floors'][number]['units']>();
  for (const { floor, ...u } of rows) floors.set(floor, [...(floors.get(floor) ?? []), u]);
  return { buildingId, since, floors: [...floors].map(([floor, us]) => ({ floor, units: us })) };
}

/** CR-02: the month's plans, each with how many of its units that housekeeper visited in the month. */
export async function listPlans(db: DbOrTx, p: Principal, projectId: string, month: string) {
  readable(p, projectId);
  const m = localMonth(month, 'UTC');
  const rows = await db
    .select({
      pl: visitPlans,
      staffName: users.displayName,
      done: sql<number>`(select count(distinct v.unit_id) from ${visits} v where v.project_id = ${visitPlans.projectId} and v.visitor_id = ${visitPlans.staffId}
        and v.visited_on >= ${m.firstDay}::date and v.visited_on <= ${m.lastDay}::date
        and v.unit_id::text in (select jsonb_array_elements_text(${visitPlans.unitIds})))::int`,
    })
    .from(visitPlans)
    .innerJoin(users, eq(users.id, visitPlans.staffId))
    .where(and(eq(visitPlans.projectId, projectId), eq(visitPlans.month, month)))
    .orderBy(asc(users.displayName));
  return {
    items: rows.map(({ pl, staffName, done }) => ({ id: pl.id, projectId: pl.projectId, month: pl.month, staffId: pl.staffId, staffName, unitIds: pl.unitIds, planned: pl.unitIds.length, done, note: pl.note, version: pl.version })),
  };
}

const relationFileUrl = (id: string) => `/api/relations-files/${id}`;

export async function listActivities(db: DbOrTx, p: Principal, projectId: string, year: number) {
  readable(p, projectId);
  const rows = await db.select().from(communityActivities).where(and(eq(communityActivities.projectId, projectId), eq(communityActivities.year, year))).orderBy(asc(communityActivities.plannedOn));
  const files = rows.length
    ? await db
        .select({ id: attachments.id, name: attachments.name, entityId: attachments.entityId })
        .from(attachments)
        .where(and(eq(attachments.entity, 'community_activity'), inArray(attachments.entityId, rows.map((r) => r.id))))
        .orderBy(asc(attachments.createdAt))
    : [];
  const { targets } = await settingsOf(db, projectId);
  return {
    minimum: targets.activitiesYear,
    plantRoomMinimum: targets.plantRoomYear,
    items: rows.map((a) => ({
      id: a.id,
      projectId: a.projectId,
      year: a.year,
      kind: a.kind as 'activity' | 'plant_room',
      title: a.title,
      plannedOn: a.plannedOn,
      heldOn: a.heldOn,
      participants: a.participants,
      summary: a.summary,
      note: a.note,
      photos: files.filter((f) => f.entityId === a.id).map((f) => ({ id: f.id, name: f.name, url: relationFileUrl(f.id) })),
      version: a.version,
    })),
  };
}

export async function listArticles(db: DbOrTx, p: Principal, projectId: string, month: string) {
  readable(p, projectId);
  const rows = await db
    .select({ a: magazineArticles, by: users.displayName })
    .from(magazineArticles)
    .leftJoin(users, eq(users.id, magazineArticles.createdBy))
    .where(and(eq(magazineArticles.projectId, projectId), eq(magazineArticles.month, month)))
    .orderBy(asc(magazineArticles.sentOn));
  const { targets } = await settingsOf(db, projectId);
  return { minimum: targets.articlesMonth, items: rows.map(({ a, by }) => ({ id: a.id, projectId: a.projectId, month: a.month, title: a.title, author: a.author, sentOn: a.sentOn, createdByName: by ?? '' })) };
}

/** CR-05: one lobby card per building, from the staff records: the housekeeper answering for it and the CS supervisor's 24 h phone. */
export async function lobbyCards(db: DbOrTx, p: Principal, projectId: string) {
  readable(p, projectId);
  const s = await settingsOf(db, projectId);
  const bs = await db
    .select({ id: buildings.id, name: buildings.name, area: areas.name })
    .from(buildings)
    .innerJoin(areas, eq(areas.id, buildings.areaId))
    .where(eq(buildings.projectId, projectId))
    .orderBy(asc(areas.sort), asc(buildings.sort), asc(buildings.name));
  const staff = await db
    .select({ id: users.id, name: users.displayName, phone: users.phone, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.projectId, projectId), inArray(userRoles.role, ['housekeeper', 'cs_supervisor']), eq(users.active, true)))
    .orderBy(asc(users.username));
  const photos = await db
    .select({ id: attachments.id, userId: attachments.entityId })
    .from(attachments)
    .where(and(eq(attachments.entity, 'staff_photo'), eq(attachments.projectId, projectId)))
    .orderBy(desc(attachments.createdAt));
  const supervisor = staff.find((x) => x.role === 'cs_supervisor') ?? null;
  const label = (b: { name: string; area: string }) => `${b.area}${b.name}`;
  return {
    projectName: s.name,
    items: bs.map((b) => {
      const keeperId = s.targets.keeperBuildings[b.id] ?? null;
      const keeper = staff.find((x) => x.id === keeperId && x.role === 'housekeeper') ?? null;
      const photo = keeper ? photos.find((f) => f.userId === keeper.id) : undefined;
      return {
        buildingId: b.id,
        building: label(b),
        keeperId: keeper?.id ?? null,
        keeperName: keeper?.name ?? null,
        keeperPhone: keeper?.phone ?? null,
        photoUrl: photo ? relationFileUrl(photo.id) : null,
        area: keeper ? bs.filter((x) => s.targets.keeperBuildings[x.id] === keeper.id).map(label) : [],
        serviceHours: s.targets.serviceHours,
        supervisorName: supervisor?.name ?? null,
        supervisorPhone: supervisor?.phone ?? null,
      };
    }),
  };
}

