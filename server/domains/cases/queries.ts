// Case reads (IN-01..IN-05): lists for the desk, the detail with its orders and history.
import { aliasedTable, and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod';
import type { TCase, TCaseDetail, ZCaseListQuery } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { localDayRange } from '../org/queries';
import { decodeCursor, likePattern, pageOf } from '../../platform/pagination';
import { can, type Principal } from '../../platform/policy';
import { deadlines } from '../deadlines/tables';
import { units } from '../org/tables';
import { users } from '../people/tables';
import { eventsOf } from '../history/queries';
import { filesOf, orderRowsOfCase, presentOrders } from '../workorders/queries';
import { cases } from './tables';
import { caseActions } from './policy';
import { shownPhone, type View } from '../../platform/personal';

const owner = aliasedTable(users, 'owner');

const selection = {
  c: cases,
  path: units.path,
  ownerName: owner.displayName,
  replyDueAt: deadlines.dueAt,
  replyMetAt: deadlines.metAt,
  orderCount: sql<number>`(select count(*)::int from work_orders w where w.case_id = ${cases}.id)`,
};

const baseQuery = (db: DbOrTx) =>
  db
    .select(selection)
    .from(cases)
    .innerJoin(owner, eq(owner.id, cases.ownerId))
    .leftJoin(units, eq(units.id, cases.unitId))
    .innerJoin(deadlines, and(eq(deadlines.entityId, cases.id), eq(deadlines.kind, 'reply')));

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** A case as lists and the detail show it; also the create answer, from the rows just written. */
export function presentCase(p: Principal, r: Row, now: Date, view: View): TCase {
  const c = r.c;
  return {
    id: c.id,
    projectId: c.projectId,
    number: c.number,
    channel: c.channel as TCase['channel'],
    category: c.category as TCase['category'],
    status: c.status as TCase['status'],
    unitId: c.unitId,
    path: r.path,
    customerId: c.customerId,
    callerName: c.callerName,
    callerPhone: shownPhone(p, c.projectId, c.callerPhone, view),
    content: c.content,
    confirmedWithCaller: c.confirmedWithCaller,
    ownerId: c.ownerId,
    ownerName: r.ownerName,
    reply: c.reply,
    repliedAt: c.repliedAt?.toISOString() ?? null,
    lateReason: c.lateReason,
    createdAt: c.createdAt.toISOString(),
    replyDueAt: r.replyDueAt.toISOString(),
    overdue: !r.replyMetAt && r.replyDueAt < now,
    orderCount: r.orderCount,
    version: c.version,
    actions: caseActions(p, c),
  };
}

export async function listCases(db: DbOrTx, p: Principal, q: z.infer<typeof ZCaseListQuery>, now = new Date()) {
  if (!can(p, 'case.read', q.projectId)) throw notFound();
  const after = decodeCursor(q.cursor, 'time');
  const where: (SQL | undefined)[] = [eq(cases.projectId, q.projectId)];
  if (q.status) where.push(eq(cases.status, q.status));
  if (q.category) where.push(eq(cases.category, q.category));
  if (q.ownerId) where.push(eq(cases.ownerId, q.ownerId === 'me' ? p.userId : q.ownerId));
  if (q.overdue)
    where.push(
      sql`${cases.id} in (select d.entity_id from ${deadlines} d where d.project_id = ${q.projectId} and d.kind = 'reply' and d.met_at is null and d.due_at < ${now.toISOString()}::timestamptz)`,
    );
  where.push(...(await localDayRange(db, q.projectId, cases.createdAt, q.from, q.to)));
  if (after) where.push(sql`(${cases.createdAt}, ${cases.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const order = [desc(cases.createdAt), desc(cases.id)];
  let rows: Row[];
  if (q.q) {
    const pat = likePattern(q.q);
    where.push(or(ilike(cases.number, pat), ilike(cases.callerPhone, pat), ilike(cases.callerName, pat), ilike(cases.content, pat), ilike(units.path, pat)));
    rows = await baseQuery(db).where(and(...where)).orderBy(...order).limit(q.limit + 1);
  } else {
    // The page's ids from cases alone (cases_project_created, stopping after one page), then the joins for
    // those rows: after a bulk import with stale statistics the plan stays an index walk, not a hash join and sort.
    const page = db.select({ id: cases.id }).from(cases).where(and(...where)).orderBy(...order).limit(q.limit + 1);
    rows = await baseQuery(db).where(inArray(cases.id, page)).orderBy(...order);
  }
  const paged = pageOf(rows, q.limit, (r) => [r.c.createdAt.toISOString(), r.c.id]);
  return { items: paged.items.map((r) => presentCase(p, r, now, 'list')), nextCursor: paged.nextCursor };
}

export async function loadCaseRow(db: DbOrTx, p: Principal, id: string) {
  const [row] = await baseQuery(db).where(and(eq(cases.id, id), eq(cases.companyId, p.companyId)));
  if (!row || !can(p, 'case.read', row.c.projectId)) throw notFound();
  return row;
}

export async function caseDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TCaseDetail> {
  const row = await loadCaseRow(db, p, id);
  const orderRows = await orderRowsOfCase(db, id);
  return {
    ...presentCase(p, row, now, 'detail'),
    orders: await presentOrders(db, p, orderRows, 'detail', now),
    events: await eventsOf(db, p.companyId, 'case', id),
    attachments: await filesOf(db, [id]),
  };
}
