// PS-01: the public price list of a project (for the desk, the lobby and the future resident portal).
import { aliasedTable, and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { SERVICE_CATEGORIES, type TPaidListQuery, type TPaidOrder, type TPriceList, type TReceipt, type TServiceItem } from '../../../common/paid';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { decodeCursor, likePattern, pageOf } from '../../platform/pagination';
import { can, type Principal } from '../../platform/policy';
import { cases } from '../cases/tables';
import { deadlines } from '../deadlines/tables';
import { localDayRange } from '../org/queries';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import { loadOrderRow } from '../workorders/queries';
import { workOrders } from '../workorders/tables';
import { EXCLUDED_SERVICES } from './catalog';
import { noticeCopies, paidActions } from './notice';
import { cashHandovers, paidOrders, receipts, serviceItems } from './tables';
import { shownPhone, type View } from '../../platform/personal';

export const presentItem = (i: typeof serviceItems.$inferSelect): TServiceItem => ({
  id: i.id,
  projectId: i.projectId,
  category: i.category as TServiceItem['category'],
  name: i.name,
  unit: i.unit,
  price: i.price,
  note: i.note,
  active: i.active,
  version: i.version,
});

/** Public: prices are published (PS-01), so no sign-in; retired items are left out unless asked for by staff. */
export async function priceList(db: DbOrTx, projectId: string, includeRetired = false): Promise<TPriceList> {
  const [project] = await db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.id, projectId));
  if (!project) throw notFound();
  const rows = await db
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.projectId, projectId), includeRetired ? undefined : eq(serviceItems.active, true)))
    .orderBy(asc(serviceItems.sort), asc(serviceItems.name));
  // Categories in the catalogue's own order (water and electrical first), items as the desk arranged them.
  const rank = (c: string) => SERVICE_CATEGORIES.indexOf(c as (typeof SERVICE_CATEGORIES)[number]);
  rows.sort((a, b) => rank(a.category) - rank(b.category));
  return { projectId, projectName: project.name, currency: 'CNY', excluded: EXCLUDED_SERVICES, items: rows.map(presentItem) };
}

const issuer = aliasedTable(users, 'issuer');
const voider = aliasedTable(users, 'voider');

/** Receipts of the given orders, oldest first, with the hand-over each went into. */
export type ReceiptRow = TReceipt & { handoverStatus: string | null; issuedById: string };
export const presentReceipt = ({ handoverStatus: _h, issuedById: _i, ...r }: ReceiptRow): TReceipt => r;

export async function receiptsOf(db: DbOrTx, where: SQL): Promise<ReceiptRow[]> {
  // Spelled out: Drizzle cannot type a select that joins one table under several aliases.
  const rows = (await db
    .select({ r: receipts, orderNumber: workOrders.number, issuedBy: issuer.displayName, voidedBy: voider.displayName, handoverStatus: cashHandovers.status })
    .from(receipts)
    .innerJoin(workOrders, eq(workOrders.id, receipts.orderId))
    .innerJoin(issuer, eq(issuer.id, receipts.issuedBy))
    .leftJoin(voider, eq(voider.id, receipts.voidedBy))
    .leftJoin(cashHandovers, eq(cashHandovers.id, receipts.handoverId))
    .where(where)
    .orderBy(asc(receipts.issuedAt), asc(receipts.number))) as { r: typeof receipts.$inferSelect; orderNumber: string; issuedBy: string; voidedBy: string | null; handoverStatus: string | null }[];
  return rows.map(({ r, ...x }) => ({
    id: r.id,
    number: r.number,
    orderId: r.orderId,
    orderNumber: x.orderNumber,
    amount: r.amount,
    method: r.method as TReceipt['method'],
    issuedAt: r.issuedAt.toISOString(),
    issuedBy: x.issuedBy,
    voidedAt: r.voidedAt?.toISOString() ?? null,
    voidedBy: x.voidedBy,
    voidReason: r.voidReason,
    handoverId: r.handoverId,
    handoverStatus: x.handoverStatus,
    issuedById: r.issuedBy,
  }));
}

const registrar = aliasedTable(users, 'registrar');
const doer = aliasedTable(users, 'doer');

const paidQuery = (db: DbOrTx) =>
  db
    .select({ po: paidOrders, o: workOrders, caseNumber: cases.number, customerName: cases.callerName, customerPhone: cases.callerPhone, registeredBy: registrar.displayName, assigneeName: doer.displayName })
    .from(paidOrders)
    .innerJoin(workOrders, eq(workOrders.id, paidOrders.orderId))
    .innerJoin(cases, eq(cases.id, workOrders.caseId))
    .innerJoin(registrar, eq(registrar.id, paidOrders.registeredBy))
    .leftJoin(doer, eq(doer.id, workOrders.assigneeId));
interface PaidRow {
  po: typeof paidOrders.$inferSelect;
  o: typeof workOrders.$inferSelect;
  caseNumber: string;
  customerName: string;
  customerPhone: string;
  registeredBy: string;
  assigneeName: string | null;
}

async function presentPaid(db: DbOrTx, p: Principal, rows: PaidRow[], view: View): Promise<TPaidOrder[]> {
  const ids = rows.map((r) => r.po.orderId);
  if (!ids.length) return [];
  const allReceipts = await receiptsOf(db, inArray(receipts.orderId, ids));
  const due = await db.select().from(deadlines).where(and(inArray(deadlines.entityId, ids), eq(deadlines.kind, 'appointment')));
  return rows.map(({ po, o, ...r }) => {
    const mine = allReceipts.filter((x) => x.orderId === po.orderId);
    const valid = mine.find((x) => !x.voidedAt) ?? null;
    const signed = o.acceptance?.kind === 'signature';
    const facts = { status: o.status, agreed: !!po.agreedAt, signed, collected: !!po.collectedAt };
    return {
      orderId: po.orderId,
      orderNumber: o.number,
      caseId: o.caseId,
      caseNumber: r.caseNumber,
      projectId: po.projectId,
      channel: po.channel,
      location: o.location,
      customerName: r.customerName,
      customerPhone: shownPhone(p, po.projectId, r.customerPhone, view),
      itemName: po.itemName,
      category: po.category,
      quantity: po.quantity,
      fee: po.fee,
      description: o.description,
      expectedResult: po.expectedResult,
      preferredTime: po.preferredTime,
      status: o.status,
      department: o.department,
      assigneeName: r.assigneeName,
      registeredAt: o.reportedAt.toISOString(),
      registeredBy: r.registeredBy,
      agreedAt: po.agreedAt?.toISOString() ?? null,
      agreedHow: po.agreedHow,
      appointmentAt: po.appointmentAt?.toISOString() ?? null,
      appointedAt: po.appointedAt?.toISOString() ?? null,
      appointmentDueAt: due.find((d) => d.entityId === po.orderId)?.dueAt.toISOString() ?? null,
      signed,
      completedAt: o.completedAt?.toISOString() ?? null,
      result: o.result,
      copies: noticeCopies({ status: o.status, signed, receipt: valid ? { inHandover: !!valid.handoverId, handoverStatus: valid.handoverStatus } : null }),
      receipts: mine.map(presentReceipt),
      version: po.version,
      actions: can(p, 'paid.register', po.projectId) ? paidActions(facts) : [],
    };
  });
}

/** One paid order, for whoever may see its work order (technicians: only their own). */
export async function paidOrderDetail(db: DbOrTx, p: Principal, orderId: string): Promise<TPaidOrder> {
  await loadOrderRow(db, p, orderId);
  const rows = (await paidQuery(db).where(eq(paidOrders.orderId, orderId))) as PaidRow[];
  if (!rows[0]) throw notFound();
  return (await presentPaid(db, p, rows, 'detail'))[0];
}

const STAGES: Record<NonNullable<TPaidListQuery['stage']>, SQL | undefined> = {
  unagreed: and(isNull(paidOrders.agreedAt), inArray(workOrders.status, ['reported', 'dispatched', 'accepted'])),
  open: inArray(workOrders.status, ['reported', 'dispatched', 'accepted', 'in_progress', 'on_hold']),
  unpaid: and(eq(workOrders.status, 'completed'), isNull(paidOrders.collectedAt)),
  paid: and(isNotNull(paidOrders.collectedAt), eq(workOrders.status, 'completed')),
  closed: inArray(workOrders.status, ['closed', 'followed_up']),
};

/** The desk's paid-order register, newest first (keyset paging). */
export async function listPaidOrders(db: DbOrTx, p: Principal, q: TPaidListQuery) {
  if (!can(p, 'case.read', q.projectId)) throw notFound();
  const after = decodeCursor(q.cursor, 'time');
  const where: (SQL | undefined)[] = [eq(paidOrders.projectId, q.projectId)];
  if (q.stage) where.push(STAGES[q.stage]);
  where.push(...(await localDayRange(db, q.projectId, workOrders.reportedAt, q.from, q.to)));
  if (q.q) {
    const pat = likePattern(q.q);
    where.push(or(ilike(workOrders.number, pat), ilike(workOrders.location, pat), ilike(cases.callerPhone, pat), ilike(cases.callerName, pat), ilike(paidOrders.itemName, pat)));
  }
  if (after) where.push(sql`(${workOrders.reportedAt}, ${workOrders.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = (await paidQuery(db)
    .where(and(...where))
    .orderBy(desc(workOrders.reportedAt), desc(workOrders.id))
    .limit(q.limit + 1)) as PaidRow[];
  const page = pageOf(rows, q.limit, (r) => [r.o.reportedAt.toISOString(), r.o.id]);
  return { items: await presentPaid(db, p, page.items, 'list'), nextCursor: page.nextCursor };
}
