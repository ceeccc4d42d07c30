// Complaint reads: the register, one complaint with its deadlines, flags and history, and the CP-02 flags.
import { aliasedTable, and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod';
import type { TComplaint, TComplaintDetail, TFlag, ZComplaintListQuery } from '../../../common/complaints';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { can, type Principal } from '../../platform/policy';
import { cases } from '../cases/tables';
import { presentDeadline } from '../deadlines/present';
import { deadlines } from '../deadlines/tables';
import { eventsOf } from '../history/queries';
import { units } from '../org/tables';
import { users } from '../people/tables';
import { projectTimezone } from '../org/queries';
import { localMonth } from '../../platform/clock';
import { complaintActions } from './policy';
import { complaints, deskFlags } from './tables';
import { shownPhone, type View } from '../../platform/personal';

const owner = aliasedTable(users, 'owner');
const handler = aliasedTable(users, 'handler');
const related = aliasedTable(cases, 'related');

interface Row {
  k: typeof complaints.$inferSelect;
  c: typeof cases.$inferSelect;
  path: string | null;
  ownerName: string;
  handlerName: string | null;
}

const baseQuery = (db: DbOrTx) =>
  db
    .select({ k: complaints, c: cases, path: units.path, ownerName: owner.displayName, handlerName: handler.displayName })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .innerJoin(owner, eq(owner.id, cases.ownerId))
    .leftJoin(handler, eq(handler.id, complaints.handlerId))
    .leftJoin(units, eq(units.id, cases.unitId));

/** The flags of the given cases (or of a project's month), with the related case's number. */
export async function flagsWhere(db: DbOrTx, where: SQL): Promise<TFlag[]> {
  const rows = (await db
    .select({ f: deskFlags, caseNumber: cases.number, category: cases.category, path: units.path, relatedNumber: related.number, complaintId: complaints.id })
    .from(deskFlags)
    .innerJoin(cases, eq(cases.id, deskFlags.caseId))
    .leftJoin(units, eq(units.id, cases.unitId))
    .leftJoin(related, eq(related.id, deskFlags.relatedCaseId))
    .leftJoin(complaints, eq(complaints.caseId, deskFlags.caseId))
    .where(where)
    .orderBy(desc(deskFlags.raisedAt))) as { f: typeof deskFlags.$inferSelect; caseNumber: string; category: string; path: string | null; relatedNumber: string | null; complaintId: string | null }[];
  return rows.map(({ f, ...r }) => ({
    id: f.id,
    kind: f.kind as TFlag['kind'],
    caseId: f.caseId,
    caseNumber: r.caseNumber,
    category: r.category,
    path: r.path,
    relatedCaseId: f.relatedCaseId,
    relatedCaseNumber: r.relatedNumber,
    complaintId: r.complaintId,
    raisedAt: f.raisedAt.toISOString(),
    note: f.note,
  }));
}

async function present(db: DbOrTx, p: Principal, rows: Row[], now: Date, view: View): Promise<TComplaint[]> {
  if (!rows.length) return [];
  const dl = await db.select().from(deadlines).where(inArray(deadlines.entityId, [...rows.map((r) => r.k.id), ...rows.map((r) => r.c.id)])).orderBy(asc(deadlines.dueAt));
  const flags = await flagsWhere(db, inArray(deskFlags.caseId, rows.map((r) => r.c.id)));
  return rows.map(({ k, c, ...r }) => ({
    id: k.id,
    caseId: c.id,
    caseNumber: c.number,
    projectId: k.projectId,
    channel: c.channel,
    path: r.path,
    callerName: c.callerName,
    callerPhone: shownPhone(p, k.projectId, c.callerPhone, view),
    content: c.content,
    type: k.type as TComplaint['type'],
    severity: k.severity as TComplaint['severity'],
    majorReasons: k.majorReasons as TComplaint['majorReasons'],
    companyLevel: k.companyLevel,
    ownerName: r.ownerName,
    handlerId: k.handlerId,
    handlerName: r.handlerName,
    status: k.status as TComplaint['status'],
    caseStatus: c.status,
    reply: c.reply,
    resolution: k.resolution,
    valid: k.valid,
    resolvedAt: k.resolvedAt?.toISOString() ?? null,
    contactedAt: k.contactedAt?.toISOString() ?? null,
    lastProgressAt: k.lastProgressAt?.toISOString() ?? null,
    verdict: k.verdict as TComplaint['verdict'],
    followedUpAt: k.followedUpAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
    deadlines: dl.filter((d) => d.entityId === k.id || d.entityId === c.id).map((d) => presentDeadline(d, now)),
    flags: flags.filter((f) => f.caseId === c.id),
    version: k.version,
    actions: complaintActions(p, k, c),
  }));
}

export async function listComplaints(db: DbOrTx, p: Principal, q: z.infer<typeof ZComplaintListQuery>, now = new Date()) {
  if (!can(p, 'case.read', q.projectId)) throw notFound();
  const after = decodeCursor(q.cursor, 'time');
  const where: (SQL | undefined)[] = [eq(complaints.projectId, q.projectId)];
  if (q.status) where.push(eq(complaints.status, q.status));
  if (q.type) where.push(eq(complaints.type, q.type));
  if (q.major) where.push(eq(complaints.severity, 'major'));
  if (q.companyLevel) where.push(eq(complaints.companyLevel, true));
  if (q.unitId) where.push(eq(cases.unitId, q.unitId));
  if (after) where.push(sql`(${complaints.createdAt}, ${complaints.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = (await baseQuery(db)
    .where(and(...where))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(q.limit + 1)) as Row[];
  const page = pageOf(rows, q.limit, (r) => [r.k.createdAt.toISOString(), r.k.id]);
  return { items: await present(db, p, page.items, now, 'list'), nextCursor: page.nextCursor };
}

export async function loadComplaint(db: DbOrTx, p: Principal, id: string): Promise<Row> {
  const [row] = (await baseQuery(db).where(and(eq(complaints.id, id), eq(complaints.companyId, p.companyId)))) as Row[];
  if (!row || !can(p, 'case.read', row.k.projectId)) throw notFound();
  return row;
}

export async function complaintDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TComplaintDetail> {
  const row = await loadComplaint(db, p, id);
  const [k] = await present(db, p, [row], now, 'detail');
  return { ...k, events: await eventsOf(db, p.companyId, 'complaint', id) };
}

/** CP-02: the month's flags of a project, newest first, with a count per kind. */
export async function listFlags(db: DbOrTx, p: Principal, projectId: string, month: string, kind?: TFlag['kind']) {
  if (!can(p, 'case.read', projectId)) throw notFound();
  const { from, to } = localMonth(month, await projectTimezone(db, projectId));
  const items = await flagsWhere(db, and(eq(deskFlags.projectId, projectId), sql`${deskFlags.raisedAt} >= ${from.toISOString()}::timestamptz`, sql`${deskFlags.raisedAt} < ${to.toISOString()}::timestamptz`)!);
  const counts: Record<string, number> = {};
  for (const f of items) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return { items: kind ? items.filter((f) => f.kind === kind) : items, counts };
}
