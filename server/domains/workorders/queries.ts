// Work-order reads: one presenter for lists and detail, scoped so technicians see only their own orders.
import { aliasedTable, and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { TDeadline, TWorkOrder, TWorkOrderDetail, TWorkOrderListQuery, TWoStatus } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { localDayRange } from '../org/queries';
import { decodeCursor, likePattern, pageOf } from '../../platform/pagination';
import { can, type Principal } from '../../platform/policy';
import { cases } from '../cases/tables';
import { presentDeadline } from '../deadlines/present';
import { deadlines } from '../deadlines/tables';
import { attachments } from '../files/tables';
import { fileUrl } from '../files/store';
import { eventsOf } from '../history/queries';
import { users } from '../people/tables';
import { paidOrders } from '../paid/tables';
import { availableActions, type OrderState } from './machine';
import { workOrders } from './tables';
import { shownPhone, type View } from '../../platform/personal';

const assignee = aliasedTable(users, 'assignee');
const owner = aliasedTable(users, 'owner');
const confirmer = aliasedTable(users, 'confirmer');

/** 'all' for the desk, dispatchers and managers; 'own' for technicians; null: none of the project. */
export function orderScope(p: Principal, projectId: string): 'all' | 'own' | null {
  if (!can(p, 'wo.read', projectId)) return null;
  if (can(p, 'case.read', projectId) || can(p, 'wo.dispatch', projectId) || can(p, 'wo.desk', projectId)) return 'all';
  return 'own';
}

const selection = {
  o: workOrders,
  caseNumber: cases.number,
  caseOwnerId: cases.ownerId,
  customerName: cases.callerName,
  customerPhone: cases.callerPhone,
  ownerName: owner.displayName,
  assigneeName: assignee.displayName,
  confirmerName: confirmer.displayName,
  priceAgreedAt: paidOrders.agreedAt,
  feeCollectedAt: paidOrders.collectedAt,
};

const baseQuery = (db: DbOrTx) =>
  db
    .select(selection)
    .from(workOrders)
    .innerJoin(cases, eq(cases.id, workOrders.caseId))
    .innerJoin(owner, eq(owner.id, cases.ownerId))
    .leftJoin(assignee, eq(assignee.id, workOrders.assigneeId))
    .leftJoin(confirmer, eq(confirmer.id, workOrders.onsiteConfirmedBy))
    .leftJoin(paidOrders, eq(paidOrders.orderId, workOrders.id));

// Spelled out: Drizzle cannot type a select that joins one table under several aliases.
export interface Row {
  o: typeof workOrders.$inferSelect;
  caseNumber: string;
  caseOwnerId: string;
  customerName: string;
  customerPhone: string;
  ownerName: string;
  assigneeName: string | null;
  confirmerName: string | null;
  priceAgreedAt: Date | null;
  feeCollectedAt: Date | null;
}

export const stateOf = ({ o, priceAgreedAt, feeCollectedAt }: Pick<Row, 'o' | 'priceAgreedAt' | 'feeCollectedAt'>): OrderState => ({
  projectId: o.projectId,
  status: o.status as TWoStatus,
  assigneeId: o.assigneeId,
  heldFrom: o.heldFrom,
  locationKind: o.locationKind,
  hasAcceptance: !!o.acceptance,
  onsiteConfirmed: !!o.onsiteConfirmedBy,
  signed: o.acceptance?.kind === 'signature',
  paid: o.paid ? { agreed: !!priceAgreedAt, collected: !!feeCollectedAt } : null,
});

async function deadlinesOf(db: DbOrTx, ids: string[], now: Date): Promise<Map<string, TDeadline[]>> {
  const out = new Map<string, TDeadline[]>();
  if (!ids.length) return out;
  const rows = await db.select().from(deadlines).where(inArray(deadlines.entityId, ids)).orderBy(asc(deadlines.dueAt));
  for (const d of rows) {
    const list = out.get(d.entityId) ?? [];
    list.push(presentDeadline(d, now));
    out.set(d.entityId, list);
  }
  return out;
}

/** An order as lists and the detail show it; also in the create answer, from the rows just written. */
export function presentOrder(p: Principal, r: Row, dl: TDeadline[], view: View): TWorkOrder {
  const o = r.o;
  return {
    id: o.id,
    projectId: o.projectId,
    caseId: o.caseId,
    caseNumber: r.caseNumber,
    number: o.number,
    trade: o.trade as TWorkOrder['trade'],
    priority: o.priority as TWorkOrder['priority'],
    locationKind: o.locationKind as TWorkOrder['locationKind'],
    unitId: o.unitId,
    location: o.location,
    description: o.description,
    status: o.status as TWoStatus,
    department: o.department,
    assigneeId: o.assigneeId,
    assigneeName: r.assigneeName,
    ownerName: r.ownerName,
    customerName: r.customerName,
    customerPhone: shownPhone(p, r.o.projectId, r.customerPhone, view),
    reportedAt: o.reportedAt.toISOString(),
    completedAt: o.completedAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    holdReason: o.holdReason as TWorkOrder['holdReason'],
    result: o.result,
    materials: o.materials,
    acceptance: o.acceptance ? { kind: o.acceptance.kind, by: o.acceptance.by, opinion: o.acceptance.opinion, at: o.acceptance.at } : null,
    onsiteConfirmedBy: r.confirmerName,
    explanation: o.explanation,
    paid: o.paid,
    reworkCount: o.reworkCount,
    followupSelected: o.followupSelected,
    ruleVersion: o.ruleVersion,
    deadlines: dl,
    version: o.version,
    actions: availableActions(p, stateOf(r)),
  };
}

export async function presentOrders(db: DbOrTx, p: Principal, rows: Row[], view: View, now = new Date()) {
  const dl = await deadlinesOf(db, rows.map((r) => r.o.id), now);
  return rows.map((r) => presentOrder(p, r, dl.get(r.o.id) ?? [], view));
}

export async function listOrders(db: DbOrTx, p: Principal, q: TWorkOrderListQuery, now = new Date()) {
  const scope = orderScope(p, q.projectId);
  if (!scope) throw notFound();
  const after = decodeCursor(q.cursor, 'time');
  const where: (SQL | undefined)[] = [eq(workOrders.projectId, q.projectId)];
  if (scope === 'own') where.push(eq(workOrders.assigneeId, p.userId));
  if (q.status) where.push(inArray(workOrders.status, [q.status].flat()));
  if (q.trade) where.push(eq(workOrders.trade, q.trade));
  if (q.unitId) where.push(eq(workOrders.unitId, q.unitId));
  if (q.department) where.push(eq(workOrders.department, q.department));
  if (q.assigneeId) where.push(eq(workOrders.assigneeId, q.assigneeId === 'me' ? p.userId : q.assigneeId));
  where.push(...(await localDayRange(db, q.projectId, workOrders.reportedAt, q.from, q.to)));
  if (q.overdue)
    // Driven by the open deadlines of the project (deadlines_project_open), never by a walk over its orders.
    where.push(
      sql`${workOrders.id} in (select d.entity_id from ${deadlines} d where d.project_id = ${q.projectId} and d.met_at is null and d.paused_at is null and d.due_at < ${now.toISOString()}::timestamptz)`,
    );
  if (after) where.push(sql`(${workOrders.reportedAt}, ${workOrders.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const order = [desc(workOrders.reportedAt), desc(workOrders.id)];
  let rows: Row[];
  if (q.q) {
    const pat = likePattern(q.q);
    where.push(or(ilike(workOrders.number, pat), ilike(workOrders.location, pat), ilike(workOrders.description, pat), ilike(cases.callerPhone, pat), ilike(cases.callerName, pat)));
    rows = (await baseQuery(db).where(and(...where)).orderBy(...order).limit(q.limit + 1)) as Row[];
  } else {
    // The page's ids first, from work_orders alone (an ordered index scan that stops after one page),
    // then the joins for those rows only: the plan cannot turn into a join and sort of the project's orders.
    const page = db.select({ id: workOrders.id }).from(workOrders).where(and(...where)).orderBy(...order).limit(q.limit + 1);
    rows = (await baseQuery(db).where(inArray(workOrders.id, page)).orderBy(...order)) as Row[];
  }
  const paged = pageOf(rows, q.limit, (r) => [r.o.reportedAt.toISOString(), r.o.id]);
  return { items: await presentOrders(db, p, paged.items, 'list', now), nextCursor: paged.nextCursor };
}

export async function orderRowsOfCase(db: DbOrTx, caseId: string): Promise<Row[]> {
  return (await baseQuery(db).where(eq(workOrders.caseId, caseId)).orderBy(asc(workOrders.reportedAt))) as Row[];
}

/** Whether the principal may see an order of this project with this assignee (a technician sees only their own). */
export function maySeeOrder(p: Principal, o: { projectId: string; assigneeId: string | null }): boolean {
  const scope = orderScope(p, o.projectId);
  return scope === 'all' || (scope === 'own' && o.assigneeId === p.userId);
}

/** The order row if the principal may see it; 404 otherwise (other project, or not assigned to a technician). */
export async function loadOrderRow(db: DbOrTx, p: Principal, id: string): Promise<Row> {
  const [row] = (await baseQuery(db).where(and(eq(workOrders.id, id), eq(workOrders.companyId, p.companyId)))) as Row[];
  if (!row || !maySeeOrder(p, row.o)) throw notFound();
  return row;
}

export async function filesOf(db: DbOrTx, entityIds: string[]) {
  if (!entityIds.length) return [];
  const rows = await db.select().from(attachments).where(inArray(attachments.entityId, entityIds)).orderBy(asc(attachments.createdAt));
  return rows.map((a) => ({ id: a.id, kind: a.kind, name: a.name, mime: a.mime, size: a.size, url: fileUrl(a.id) }));
}

export async function orderDetail(db: DbOrTx, p: Principal, id: string): Promise<TWorkOrderDetail> {
  const row = await loadOrderRow(db, p, id);
  const [order] = await presentOrders(db, p, [row], 'detail');
  // Attachments travel from the case to its orders.
  const files = await filesOf(db, [row.o.id, row.o.caseId]);
  const signatureId = row.o.acceptance?.signatureFileId;
  return {
    ...order,
    // A paid order's quote, agreement, appointment and receipts belong to its story too (PS-03..PS-06).
    events: row.o.paid
      ? [...(await eventsOf(db, p.companyId, 'work_order', id)), ...(await eventsOf(db, p.companyId, 'paid_order', id))].sort((a, b) => a.id - b.id)
      : await eventsOf(db, p.companyId, 'work_order', id),
    attachments: files.filter((f) => f.kind !== 'signature'),
    signatureUrl: signatureId ? fileUrl(signatureId) : null,
  };
}

/** An order's current version, for callers that act on it by id (demo replay, test factories). */
export async function orderVersion(db: DbOrTx, orderId: string): Promise<number> {
  const [o] = await db.select({ version: workOrders.version }).from(workOrders).where(eq(workOrders.id, orderId));
  return o.version;
}
