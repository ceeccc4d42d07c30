// PS-07: the desk's takings of a day per clerk, the hand-overs and what finance confirmed.
import { cents, sumYuan } from '../../../common/money';
import { aliasedTable, and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { TCashDay, THandover } from '../../../common/paid';
import { toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { projectTimezone } from '../org/queries';
import { users } from '../people/tables';
import { presentReceipt, receiptsOf } from './queries';
import { cashHandovers, receipts } from './tables';

const clerk = aliasedTable(users, 'clerk');
const confirmer = aliasedTable(users, 'confirmer');

type HandoverRow = { h: typeof cashHandovers.$inferSelect; clerkName: string; confirmedBy: string | null; receiptCount: number };

const present = ({ h, ...x }: HandoverRow): THandover => ({
  id: h.id,
  clerkId: h.clerkId,
  clerkName: x.clerkName,
  date: h.businessDate,
  expected: h.expected,
  nonCash: h.nonCash,
  declared: h.declared,
  received: h.received,
  difference: h.difference,
  // Flagged: finance counted other than the receipts say, or the clerk declared other than the receipts.
  flagged: (h.difference !== null && h.difference !== 0) || cents(h.declared) !== cents(h.expected),
  status: h.status as THandover['status'],
  submittedAt: h.submittedAt.toISOString(),
  confirmedAt: h.confirmedAt?.toISOString() ?? null,
  confirmedBy: x.confirmedBy,
  note: h.note,
  financeNote: h.financeNote,
  receiptCount: x.receiptCount,
  version: h.version,
});

const handoverQuery = (db: DbOrTx) =>
  db
    .select({
      h: cashHandovers,
      clerkName: clerk.displayName,
      confirmedBy: confirmer.displayName,
      receiptCount: sql<number>`(select count(*)::int from ${receipts} r where r.handover_id = ${cashHandovers.id})`,
    })
    .from(cashHandovers)
    .innerJoin(clerk, eq(clerk.id, cashHandovers.clerkId))
    .leftJoin(confirmer, eq(confirmer.id, cashHandovers.confirmedBy));

export async function handoverById(db: DbOrTx, id: string): Promise<THandover> {
  const [row] = (await handoverQuery(db).where(eq(cashHandovers.id, id))) as HandoverRow[];
  return present(row);
}

/** Who may see the day sheet: the desk (its own takings among all) and finance. */
export async function cashDay(db: DbOrTx, p: Principal, projectId: string, day: string | undefined, now = new Date()): Promise<TCashDay> {
  if (!can(p, 'paid.register', projectId) && !can(p, 'cash.confirm', projectId) && !can(p, 'paid.report', projectId)) throw notFound();
  const today = toLocal(now, await projectTimezone(db, projectId)).date;
  const date = day ?? today;
  const dayReceipts = await receiptsOf(db, and(eq(receipts.projectId, projectId), eq(receipts.businessDate, date))!);
  const handovers = ((await handoverQuery(db)
    .where(and(eq(cashHandovers.projectId, projectId), eq(cashHandovers.businessDate, date)))
    .orderBy(asc(cashHandovers.submittedAt))) as HandoverRow[]).map(present);
  const byClerk = new Map<string, TCashDay['clerks'][number]>();
  for (const r of dayReceipts.filter((x) => !x.voidedAt)) {
    const c = byClerk.get(r.issuedById) ?? { clerkId: r.issuedById, clerkName: r.issuedBy, cash: 0, nonCash: 0, outstandingCash: 0, outstandingCount: 0, late: false };
    if (r.method === 'cash') c.cash = sumYuan([c.cash, r.amount]);
    else c.nonCash = sumYuan([c.nonCash, r.amount]);
    if (!r.handoverId) {
      c.outstandingCount++;
      if (r.method === 'cash') c.outstandingCash = sumYuan([c.outstandingCash, r.amount]);
    }
    c.late = c.outstandingCount > 0 && date < today;
    byClerk.set(r.issuedById, c);
  }
  // PS-07: any earlier day whose takings never reached finance.
  const late = await db
    .select({ date: receipts.businessDate, clerkName: users.displayName, amount: sql<string>`sum(${receipts.amount})` })
    .from(receipts)
    .innerJoin(users, eq(users.id, receipts.issuedBy))
    .where(and(eq(receipts.projectId, projectId), isNull(receipts.voidedAt), isNull(receipts.handoverId), lt(receipts.businessDate, today)))
    .groupBy(receipts.businessDate, users.displayName)
    .orderBy(asc(receipts.businessDate));
  return {
    projectId,
    date,
    clerks: [...byClerk.values()],
    receipts: dayReceipts.map(presentReceipt),
    handovers,
    lateDays: late.map((l) => ({ date: l.date, clerkName: l.clerkName, amount: Number(l.amount) })),
  };
}
