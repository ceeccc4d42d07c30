// AR-01..AR-04 reads: archives by 区域-栋号-楼层-房号 (masked), one archive in full (its caller logs the
// view), the floor grid by missing items, the inspection's monthly figures and the access log.
import { and, asc, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod';
import {
  ARCHIVE_KINDS,
  POINTS_PER_MISSING,
  itemApplies,
  type TArchiveDetail,
  type TArchiveFigures,
  type TArchiveKind,
  type TArchiveSummary,
  type ZArchiveListQuery,
} from '../../../common/archives';
import { maskPhone } from '../../../common/mask';
import { localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { decodeCursor, likePattern, pageOf } from '../../platform/pagination';
import { can, type Principal } from '../../platform/policy';
import type { Vault } from '../../platform/vault';
import { presentDeadline } from '../deadlines/present';
import { deadlines } from '../deadlines/tables';
import { projectTimezone } from '../org/queries';
import { units } from '../org/tables';
import { customers, customerUnits, users } from '../people/tables';
import { changesOf } from './changes';
import { checklistOf } from './checklist';
import { openIdNumber } from './identity';
import { archiveActions, authorizeArchive } from './policy';
import { archiveAccessLog, archiveDocuments, archives } from './tables';

// Correlated subqueries name the outer unit in full: Drizzle leaves a single table's columns unqualified.
const UNIT_ID = sql.raw('"units"."id"');
const UNIT_GROUP_OWNED = sql.raw('"units"."group_owned"');

const summaryColumns = { a: archives, path: units.path, sortKey: units.sortKey, customerName: customers.name, phone: customers.phone, idNumber: customers.idNumber, customerKind: customers.kind, dueAt: deadlines.dueAt };

function base(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(archives)
    .innerJoin(units, eq(units.id, archives.unitId))
    .leftJoin(customers, eq(customers.id, archives.customerId))
    .leftJoin(deadlines, and(eq(deadlines.entityId, archives.id), eq(deadlines.kind, sql`'archive_' || ${archives.kind}`)));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function presentSummary(r: Row, now: Date, masked: boolean): TArchiveSummary {
  const a = r.a;
  return {
    id: a.id,
    projectId: a.projectId,
    unitId: a.unitId,
    path: r.path,
    kind: a.kind as TArchiveKind,
    customerId: a.customerId,
    customerName: r.customerName,
    phone: masked ? maskPhone(r.phone) : r.phone,
    idNumber: r.idNumber, // the masked form; the detail view replaces it with the opened value
    openedOn: a.openedOn,
    dueAt: r.dueAt?.toISOString() ?? null,
    requiredCount: a.requiredCount,
    missingCount: a.missingCount,
    completedAt: a.completedAt?.toISOString() ?? null,
    overdue: !a.completedAt && !a.retiredAt && !!r.dueAt && r.dueAt < now,
    retiredAt: a.retiredAt?.toISOString() ?? null,
  };
}

export async function listArchives(db: DbOrTx, p: Principal, vault: Vault, q: z.infer<typeof ZArchiveListQuery>, now = new Date()) {
  if (!can(p, 'archive.read', q.projectId)) throw notFound();
  const after = decodeCursor(q.cursor, 'text');
  const where: (SQL | undefined)[] = [eq(archives.projectId, q.projectId), isNull(archives.retiredAt)];
  if (q.buildingId) where.push(eq(units.buildingId, q.buildingId));
  if (q.floor !== undefined) where.push(eq(units.floor, q.floor));
  if (q.kind) where.push(eq(archives.kind, q.kind));
  if (q.missing) where.push(sql`${archives.missingCount} > 0`);
  if (q.overdue) where.push(and(isNull(archives.completedAt), lt(deadlines.dueAt, now)));
  if (q.q) {
    // AR-04: an ID number is found by its keyed hash, never by comparing plain values.
    if (/^\d{15}$|^\d{17}[\dXx]$/.test(q.q)) where.push(eq(customers.idNumberHash, vault.lookupHash(q.q)));
    else {
      const pat = likePattern(q.q);
      where.push(or(ilike(units.path, pat), ilike(customers.name, pat), ilike(customers.phone, pat)));
    }
  }
  if (after) where.push(sql`(${units.sortKey}, ${archives.id}) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await base(db)
    .where(and(...where))
    .orderBy(asc(units.sortKey), asc(archives.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.sortKey, r.a.id]);
  return { items: page.items.map((r) => presentSummary(r, now, true)), nextCursor: page.nextCursor };
}

export async function loadArchive(db: DbOrTx, p: Principal, id: string, action: 'archive.read' | 'archive.manage' | 'archive.export' = 'archive.read') {
  const [a] = await db.select().from(archives).where(and(eq(archives.id, id), eq(archives.companyId, p.companyId)));
  if (!a) throw notFound();
  authorizeArchive(p, action, a.projectId);
  return a;
}

/** The full archive with unmasked personal data. Callers log the view (AR-04). */
export async function archiveDetail(db: DbOrTx, p: Principal, vault: Vault, id: string, now = new Date()): Promise<TArchiveDetail> {
  const a = await loadArchive(db, p, id);
  const [row] = await base(db).where(eq(archives.id, id));
  const [extra] = await db
    .select({ use: units.use, sealed: customers.idNumberSealed, keeperName: users.displayName })
    .from(archives)
    .innerJoin(units, eq(units.id, archives.unitId))
    .leftJoin(customers, eq(customers.id, archives.customerId))
    .leftJoin(users, eq(users.id, archives.keeperId))
    .where(eq(archives.id, id));
  const docs = await db
    .select({ d: archiveDocuments, by: users.displayName })
    .from(archiveDocuments)
    .leftJoin(users, eq(users.id, archiveDocuments.createdBy))
    .where(and(eq(archiveDocuments.archiveId, id), isNull(archiveDocuments.retiredAt)))
    .orderBy(asc(archiveDocuments.createdAt));
  const items = await checklistOf(db, a.companyId, a.kind as TArchiveKind);
  const facts = { use: extra.use, customerKind: row.customerKind, keysHeld: a.keysHeld, viaAgent: a.viaAgent };
  const filedCodes = new Set(docs.map((d) => d.d.itemCode));
  const dl = await db.select().from(deadlines).where(eq(deadlines.entityId, id));
  return {
    ...presentSummary(row, now, false),
    idNumber: a.customerId ? openIdNumber(vault, { idNumber: row.idNumber, idNumberSealed: extra.sealed }) : null,
    customerKind: row.customerKind,
    keysHeld: a.keysHeld,
    viaAgent: a.viaAgent,
    cabinet: a.cabinet,
    keeperId: a.keeperId,
    keeperName: extra.keeperName,
    retiredReason: a.retiredReason,
    checklist: items.map((i) => {
      const applies = itemApplies(i.appliesTo, facts);
      return {
        ...i,
        applies,
        missing: applies && i.required && !filedCodes.has(i.code),
        documents: docs
          .filter((d) => d.d.itemCode === i.code)
          .map(({ d, by }) => ({
            id: d.id,
            itemCode: d.itemCode,
            form: d.form as 'file' | 'paper',
            name: d.name,
            mime: d.mime,
            size: d.size,
            sha256: d.sha256,
            cabinet: d.cabinet,
            createdByName: by,
            createdAt: d.createdAt.toISOString(),
            url: d.form === 'file' ? `/api/archive-documents/${d.id}` : null,
          })),
      };
    }),
    deadlines: dl.map((d) => presentDeadline(d, now)),
    changes: await changesOf(db, p, id),
    version: a.version,
    actions: archiveActions(p, a),
  };
}

/** AR-01: a building's floors, each unit with its archives' missing items and what it still needs. */
export async function floorGrid(db: DbOrTx, p: Principal, projectId: string, buildingId: string, now = new Date()) {
  if (!can(p, 'archive.read', projectId)) throw notFound();
  const rows = await db
    .select({
      unitId: units.id,
      floor: units.floor,
      number: units.number,
      path: units.path,
      sortKey: units.sortKey,
      archives: sql<number>`(select count(*) from ${archives} a where a.unit_id = ${UNIT_ID} and a.retired_at is null)::int`,
      missing: sql<number>`(select coalesce(sum(a.missing_count), 0) from ${archives} a where a.unit_id = ${UNIT_ID} and a.retired_at is null)::int`,
      overdue: sql<boolean>`exists (select 1 from ${deadlines} d join ${archives} a on a.id = d.entity_id
        where a.unit_id = ${UNIT_ID} and d.met_at is null and d.due_at < ${now.toISOString()}::timestamptz)`,
      needed: neededArchives(),
    })
    .from(units)
    .where(and(eq(units.projectId, projectId), eq(units.buildingId, buildingId)))
    .orderBy(desc(units.floor), asc(units.sortKey));
  const floors = new Map<number, typeof rows>();
  for (const r of rows) floors.set(r.floor, [...(floors.get(r.floor) ?? []), r]);
  return {
    buildingId,
    floors: [...floors].map(([floor, us]) => ({ floor, units: us.map(({ sortKey: _s, floor: _f, ...u }) => u) })),
  };
}

/**
 * AR-01: archives a unit needs but does not have — one per current owner (a record instead when the
 * unit is group-owned) and one per current tenant.
 */
function neededArchives() {
  return sql<number>`(
    case when ${UNIT_GROUP_OWNED}
      then (case when exists (select 1 from ${archives} a where a.unit_id = ${UNIT_ID} and a.kind = 'record' and a.retired_at is null) then 0 else 1 end)
      else (select count(*) from ${customerUnits} cu where cu.unit_id = ${UNIT_ID} and cu.relation = 'owner' and cu.ended_at is null
            and not exists (select 1 from ${archives} a where a.unit_id = ${UNIT_ID} and a.kind = 'owner' and a.customer_id = cu.customer_id and a.retired_at is null))
    end
    + (select count(*) from ${customerUnits} cu where cu.unit_id = ${UNIT_ID} and cu.relation = 'tenant' and cu.ended_at is null
       and not exists (select 1 from ${archives} a where a.unit_id = ${UNIT_ID} and a.kind = 'tenant' and a.customer_id = cu.customer_id and a.retired_at is null))
  )::int`;
}

/**
 * The figures the quality inspection reads for a project and month: missing items (each a
 * non-conformity, 0.5 points), archives overdue at the month's end, opened and completed in the month,
 * and units still without an archive they need. Missing items are as filed now.
 */
export async function archiveFigures(db: DbOrTx, p: Principal, projectId: string, month: string): Promise<TArchiveFigures> {
  if (!can(p, 'archive.read', projectId)) throw notFound();
  const { from, to } = localMonth(month, await projectTimezone(db, projectId));
  const rows = await db
    .select({
      kind: archives.kind,
      archives: sql<number>`count(*)::int`,
      complete: sql<number>`count(*) filter (where ${archives.missingCount} = 0)::int`,
      missing: sql<number>`coalesce(sum(${archives.missingCount}), 0)::int`,
      overdue: sql<number>`count(*) filter (where ${deadlines.dueAt} < ${to.toISOString()}::timestamptz
        and (${archives.completedAt} is null or ${archives.completedAt} >= ${to.toISOString()}::timestamptz))::int`,
      opened: sql<number>`count(*) filter (where ${archives.createdAt} >= ${from.toISOString()}::timestamptz and ${archives.createdAt} < ${to.toISOString()}::timestamptz)::int`,
      completed: sql<number>`count(*) filter (where ${archives.completedAt} >= ${from.toISOString()}::timestamptz and ${archives.completedAt} < ${to.toISOString()}::timestamptz)::int`,
    })
    .from(archives)
    .leftJoin(deadlines, and(eq(deadlines.entityId, archives.id), eq(deadlines.kind, sql`'archive_' || ${archives.kind}`)))
    .where(and(eq(archives.projectId, projectId), isNull(archives.retiredAt), lt(archives.createdAt, to)))
    .groupBy(archives.kind);
  const [need] = await db
    .select({ n: sql<number>`count(*) filter (where ${neededArchives()} > 0)::int` })
    .from(units)
    .where(eq(units.projectId, projectId));
  const sum = (k: 'archives' | 'complete' | 'missing' | 'overdue' | 'opened' | 'completed') => rows.reduce((s, r) => s + r[k], 0);
  return {
    projectId,
    month,
    archives: sum('archives'),
    complete: sum('complete'),
    missingItems: sum('missing'),
    points: sum('missing') * POINTS_PER_MISSING,
    overdue: sum('overdue'),
    openedInMonth: sum('opened'),
    completedInMonth: sum('completed'),
    unitsWithoutArchive: need.n,
    byKind: ARCHIVE_KINDS.map((kind) => {
      const r = rows.find((x) => x.kind === kind);
      return { kind, archives: r?.archives ?? 0, missingItems: r?.missing ?? 0, overdue: r?.overdue ?? 0 };
    }),
  };
}

/** AR-04: the month's views and exports of a project, newest first. */
export async function accessLog(db: DbOrTx, p: Principal, projectId: string, month: string) {
  if (!can(p, 'archive.log', projectId)) throw notFound();
  const { from, to } = localMonth(month, await projectTimezone(db, projectId));
  const rows = await db
    .select({ l: archiveAccessLog, userName: users.displayName })
    .from(archiveAccessLog)
    .innerJoin(users, eq(users.id, archiveAccessLog.userId))
    .where(and(eq(archiveAccessLog.projectId, projectId), gte(archiveAccessLog.at, from), lt(archiveAccessLog.at, to)))
    .orderBy(desc(archiveAccessLog.at))
    .limit(2000);
  return { items: rows.map(({ l, userName }) => ({ id: l.id, action: l.action, entity: l.entity, entityId: l.entityId, label: l.label, userName, ip: l.ip, userAgent: l.userAgent, at: l.at.toISOString() })) };
}
