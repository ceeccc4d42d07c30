// FD-02 reads: the shift logs of a month with their flags, one log with its open matters (computed from
// the registers while the log is open, as handed over once signed) and the reviews logged in it (FD-03).
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { OPEN_WO_STATUSES } from '../../../common/desk';
import type { TCarried, TShiftLog } from '../../../common/frontdesk';
import { localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import { authorizeFrontdesk, type FrontdeskAction } from './policy';
import { callReviews, shiftLogs } from './tables';
import { projectToday } from './time';

const writer = alias(users, 'log_writer');
const signer = alias(users, 'log_signer');

const rowsOf = <T>(res: unknown): T[] => ((res as { rows?: T[] }).rows ?? (res as T[]));

/** FD-02: what is still open in the project right now — cases, work orders, passes not yet used, lost and found. */
export async function openMatters(db: DbOrTx, projectId: string, today: string): Promise<TCarried> {
  const open = sql.raw(OPEN_WO_STATUSES.map((s) => `'${s}'`).join(','));
  const [row] = rowsOf<TCarried>(
    await db.execute(sql`select
      (select coalesce(json_agg(x), '[]') from (select id, number, caller_name || '：' || left(content, 40) as label from cases
        where project_id = ${projectId} and status in ('open', 'replied') order by created_at limit 50) x) as "cases",
      (select coalesce(json_agg(x), '[]') from (select id, number, location || '：' || left(description, 40) as label from work_orders
        where project_id = ${projectId} and status in (${open}) order by reported_at limit 50) x) as "orders",
      (select coalesce(json_agg(x), '[]') from (select p.id, p.number, u.path || '：' || left(p.items, 40) as label from release_passes p join units u on u.id = p.unit_id
        where p.project_id = ${projectId} and p.used_at is null and p.voided_at is null and p.valid_on >= ${today}::date order by p.number limit 50) x) as "passes",
      (select coalesce(json_agg(x), '[]') from (select id, number, left(description, 40) as label from lost_items
        where project_id = ${projectId} and state in ('open', 'matched') order by number limit 50) x) as "lostItems"`),
  );
  return row;
}

function base(db: DbOrTx) {
  return db
    .select({ l: shiftLogs, projectName: projects.name, writerName: writer.displayName, signedByName: signer.displayName })
    .from(shiftLogs)
    .innerJoin(projects, eq(projects.id, shiftLogs.projectId))
    .innerJoin(writer, eq(writer.id, shiftLogs.writerId))
    .leftJoin(signer, eq(signer.id, shiftLogs.signedBy));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function summary(x: Row, p: Principal, now: Date) {
  const l = x.l;
  const actions: TShiftLog['actions'] = [];
  if (!l.signedAt && can(p, 'frontdesk.desk', l.projectId)) actions.push(l.writerId === p.userId ? 'edit' : 'sign');
  return {
    id: l.id,
    projectId: l.projectId,
    projectName: x.projectName,
    shiftDate: l.shiftDate,
    shift: l.shift as TShiftLog['shift'],
    writerId: l.writerId,
    writerName: x.writerName,
    notes: l.notes,
    startedAt: l.startedAt.toISOString(),
    dueAt: l.dueAt.toISOString(),
    signedByName: x.signedByName,
    signedAt: l.signedAt?.toISOString() ?? null,
    unsigned: !l.signedAt && l.dueAt < now,
    signedLate: !!l.signedAt && l.signedAt > l.dueAt,
    actions,
    version: l.version,
  };
}

export async function loadLog(db: DbOrTx, p: Principal, id: string, action: FrontdeskAction) {
  const [l] = await db.select().from(shiftLogs).where(and(eq(shiftLogs.id, id), eq(shiftLogs.companyId, p.companyId)));
  if (!l) throw notFound();
  authorizeFrontdesk(p, action, l.projectId);
  return l;
}

/** The head of the project's chain: the log without a successor (the one the next shift signs). */
export async function latestLog(db: DbOrTx, projectId: string) {
  const [l] = await db.select().from(shiftLogs).where(eq(shiftLogs.projectId, projectId)).orderBy(desc(shiftLogs.startedAt), desc(shiftLogs.createdAt)).limit(1);
  return l ?? null;
}

export async function logDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TShiftLog> {
  const [x] = await base(db).where(and(eq(shiftLogs.id, id), eq(shiftLogs.companyId, p.companyId)));
  if (!x) throw notFound();
  authorizeFrontdesk(p, 'frontdesk.read', x.l.projectId);
  const carried = x.l.carried ?? (await openMatters(db, x.l.projectId, (await projectToday(db, x.l.projectId, now)).today));
  const reviews = await db
    .select({ id: callReviews.id, reviewerName: users.displayName, minutes: callReviews.minutes, findings: callReviews.findings })
    .from(callReviews)
    .innerJoin(users, eq(users.id, callReviews.reviewerId))
    .where(eq(callReviews.shiftLogId, id))
    .orderBy(asc(callReviews.createdAt));
  return { ...summary(x, p, now), carried, reviews };
}

export async function listLogs(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()) {
  if (!can(p, 'frontdesk.read', projectId)) throw notFound();
  const { firstDay, lastDay } = localMonth(month, 'UTC');
  const rows = await base(db)
    .where(and(eq(shiftLogs.projectId, projectId), gte(shiftLogs.shiftDate, firstDay), lte(shiftLogs.shiftDate, lastDay)))
    .orderBy(desc(shiftLogs.startedAt));
  const latest = await latestLog(db, projectId);
  // FD-02: the next log is written by whoever signed the previous one.
  const canStart = can(p, 'frontdesk.desk', projectId) && (!latest || latest.signedBy === p.userId);
  // The previous shift's log waiting for someone to take over (not the writer's own log while on duty).
  return { items: rows.map((x) => summary(x, p, now)), canStart, latestUnsignedId: latest && !latest.signedAt && latest.writerId !== p.userId ? latest.id : null };
}
