// NT-01..NT-04 reads: the notice list, one notice with its events, photos and delivery coverage, and the
// units of a project with their delivery record for one notice.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod';
import { DELIVERY_PROJECT_TYPES, type TCoverage, type TDeliveryMethod, type TNoticeDetail, type TNoticeKind, type TNoticeStatus, type TNoticeSummary, type ZNoticeListQuery } from '../../../common/notices';
import type { TAction } from '../../../common/roles';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { can, type Principal } from '../../platform/policy';
import { auditEvents } from '../../platform/tables';
import { attachments } from '../files/tables';
import { projects, units } from '../org/tables';
import { users } from '../people/tables';
import { authorizeNotice, noticeActions } from './policy';
import { noticeDeliveries, notices } from './tables';

type Notice = typeof notices.$inferSelect;
const DAY = 86_400_000;

/** NT-02: still up past the 24 h after expiry (an overdue take-down), or taken down after it. */
export const takeDownOverdue = (n: Pick<Notice, 'status' | 'takeDownDueAt'>, now: Date) => (n.status === 'published' || n.status === 'expired') && !!n.takeDownDueAt && n.takeDownDueAt < now;
const takenDownLate = (n: Pick<Notice, 'takenDownAt' | 'takeDownDueAt'>) => !!n.takenDownAt && !!n.takeDownDueAt && n.takenDownAt > n.takeDownDueAt;

export function presentSummary(n: Notice, createdByName: string, now: Date): TNoticeSummary {
  return {
    id: n.id,
    projectId: n.projectId,
    number: n.number,
    kind: n.kind as TNoticeKind,
    title: n.title,
    status: n.status as TNoticeStatus,
    validFrom: n.validFrom,
    validTo: n.validTo,
    period: n.period,
    publishedAt: n.publishedAt?.toISOString() ?? null,
    takeDownDueAt: n.takeDownDueAt?.toISOString() ?? null,
    takenDownAt: n.takenDownAt?.toISOString() ?? null,
    takeDownOverdue: takeDownOverdue(n, now),
    takenDownLate: takenDownLate(n),
    createdByName,
    createdAt: n.createdAt.toISOString(),
  };
}

export async function listNotices(db: DbOrTx, p: Principal, q: z.infer<typeof ZNoticeListQuery>, now = new Date()) {
  if (!can(p, 'notice.read', q.projectId)) throw notFound();
  const after = decodeCursor(q.cursor, 'time');
  const where: (SQL | undefined)[] = [eq(notices.projectId, q.projectId)];
  if (q.status) where.push(eq(notices.status, q.status));
  if (q.kind) where.push(eq(notices.kind, q.kind));
  if (q.overdue) where.push(and(inArray(notices.status, ['published', 'expired']), sql`${notices.takeDownDueAt} < ${now.toISOString()}::timestamptz`));
  if (after) where.push(sql`(${notices.createdAt}, ${notices.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await db
    .select({ n: notices, by: users.displayName })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.createdBy))
    .where(and(...where))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.n.createdAt.toISOString(), r.n.id]);
  return { items: page.items.map((r) => presentSummary(r.n, r.by, now)), nextCursor: page.nextCursor };
}

export async function loadNotice(db: DbOrTx, p: Principal, id: string, action: TAction = 'notice.read'): Promise<Notice> {
  const [n] = await db.select().from(notices).where(and(eq(notices.id, id), eq(notices.companyId, p.companyId)));
  if (!n) throw notFound();
  authorizeNotice(p, action, n.projectId);
  return n;
}

/** NT-04: units of the project that have a delivery record of this notice, against all its units. */
export async function coverageOf(db: DbOrTx, projectId: string, noticeId: string): Promise<TCoverage> {
  const [r] = await db
    .select({
      type: projects.type,
      units: sql<number>`(select count(*) from ${units} u where u.project_id = ${projectId})::int`,
      delivered: sql<number>`(select count(*) from ${noticeDeliveries} d where d.notice_id = ${noticeId})::int`,
    })
    .from(projects)
    .where(eq(projects.id, projectId));
  return { required: DELIVERY_PROJECT_TYPES.includes(r.type), units: r.units, delivered: r.delivered, ratio: r.units ? Math.round((r.delivered / r.units) * 1000) / 1000 : 0 };
}

/** NT-05: days a notice has been (or was) up: from publication to its take-down, or to now. */
export const upDaysOf = (n: Pick<Notice, 'publishedAt' | 'takenDownAt'>, now: Date) =>
  n.publishedAt ? Math.floor(((n.takenDownAt ?? now).getTime() - n.publishedAt.getTime()) / DAY) : null;

export async function noticeDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TNoticeDetail> {
  const n = await loadNotice(db, p, id);
  const approver = sql<string | null>`(select display_name from ${users} a where a.id = ${notices.approvedBy})`;
  const [extra] = await db
    .select({ by: users.displayName, approvedByName: approver, projectName: projects.name, projectType: projects.type })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.createdBy))
    .innerJoin(projects, eq(projects.id, notices.projectId))
    .where(eq(notices.id, id));
  const photos = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.entityId, id), eq(attachments.entity, 'notice')))
    .orderBy(asc(attachments.createdAt));
  const events = await db
    .select({ e: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, 'notice'), eq(auditEvents.entityId, id), eq(auditEvents.companyId, p.companyId)))
    .orderBy(asc(auditEvents.id));
  return {
    ...presentSummary(n, extra.by, now),
    subject: n.subject,
    body: n.body,
    template: n.template,
    boardLocation: n.boardLocation,
    projectName: extra.projectName,
    projectType: extra.projectType,
    submittedAt: n.submittedAt?.toISOString() ?? null,
    approvedAt: n.approvedAt?.toISOString() ?? null,
    approvedByName: extra.approvedByName,
    expiredAt: n.expiredAt?.toISOString() ?? null,
    photos: photos.map((f) => ({ id: f.id, kind: f.kind, name: f.name, mime: f.mime, size: f.size, url: `/api/notice-photos/${f.id}`, createdAt: f.createdAt.toISOString() })),
    events: events.map(({ e, actorName }) => ({ action: e.action, actorName, at: e.at.toISOString(), reason: ((e.after as { reason?: string } | null)?.reason as string | undefined) ?? null })),
    coverage: await coverageOf(db, n.projectId, id),
    upDays: n.kind === 'general' ? null : upDaysOf(n, now),
    version: n.version,
    actions: noticeActions(p, n, now),
  };
}

/** NT-04: every unit of the project with its delivery record of the notice (undelivered ones first). */
export async function noticeDeliveryList(db: DbOrTx, p: Principal, id: string) {
  const n = await loadNotice(db, p, id);
  const rows = await db
    .select({ unitId: units.id, path: units.path, d: noticeDeliveries, by: users.displayName })
    .from(units)
    .leftJoin(noticeDeliveries, and(eq(noticeDeliveries.unitId, units.id), eq(noticeDeliveries.noticeId, id)))
    .leftJoin(users, eq(users.id, noticeDeliveries.recordedBy))
    .where(eq(units.projectId, n.projectId))
    .orderBy(sql`${noticeDeliveries.id} is not null`, asc(units.sortKey))
    .limit(5000);
  return {
    coverage: await coverageOf(db, n.projectId, id),
    units: rows.map((r) => ({
      unitId: r.unitId,
      path: r.path,
      method: (r.d?.method as TDeliveryMethod | undefined) ?? null,
      recipient: r.d?.recipient ?? null,
      note: r.d?.note ?? null,
      deliveredAt: r.d?.deliveredAt.toISOString() ?? null,
      recordedByName: r.by,
    })),
  };
}
