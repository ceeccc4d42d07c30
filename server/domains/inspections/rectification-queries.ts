// QI-04 reads: rectification items of the projects the reader may read, filtered by project, state,
// month or overdue (an open item past its deadline), with the sweeper's notice level and the photos.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TRectification } from '../../../common/inspections';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, projectsWhere, type Principal } from '../../platform/policy';
import { deadlines } from '../deadlines/tables';
import { attachments } from '../files/tables';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import { inspectionFindings, inspections, inspectionStandards, rectifications } from './tables';

export const rectificationPhotoUrl = (id: string) => `/api/rectification-photos/${id}`;

const closer = alias(users, 'closer');
const reviewer = alias(users, 'reviewer');

function base(db: DbOrTx) {
  return db
    .select({
      r: rectifications,
      projectName: projects.name,
      month: inspections.month,
      itemCode: inspectionFindings.itemCode,
      count: inspectionFindings.count,
      findingNote: inspectionFindings.note,
      items: inspectionStandards.items,
      closedByName: closer.displayName,
      reviewedByName: reviewer.displayName,
      notifiedLevel: deadlines.notifiedLevel,
    })
    .from(rectifications)
    .innerJoin(projects, eq(projects.id, rectifications.projectId))
    .innerJoin(inspections, eq(inspections.id, rectifications.inspectionId))
    .innerJoin(inspectionFindings, eq(inspectionFindings.id, rectifications.findingId))
    .innerJoin(inspectionStandards, eq(inspectionStandards.id, inspections.standardId))
    .leftJoin(closer, eq(closer.id, rectifications.closedBy))
    .leftJoin(reviewer, eq(reviewer.id, rectifications.reviewedBy))
    .leftJoin(deadlines, and(eq(deadlines.entityId, rectifications.id), eq(deadlines.kind, 'rectification')));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

async function present(db: DbOrTx, p: Principal, rows: Row[], now: Date): Promise<TRectification[]> {
  const ids = rows.map((r) => r.r.id);
  const photos = ids.length
    ? await db.select({ id: attachments.id, name: attachments.name, entityId: attachments.entityId }).from(attachments).where(and(eq(attachments.entity, 'rectification'), inArray(attachments.entityId, ids))).orderBy(asc(attachments.createdAt))
    : [];
  return rows.map(({ r, ...x }) => {
    const actions: TRectification['actions'] = [];
    if (r.state === 'open' && can(p, 'rectification.close', r.projectId)) actions.push('close');
    if (r.state === 'closed' && can(p, 'inspection.do', r.projectId)) actions.push('accept', 'return');
    return {
      id: r.id,
      number: r.number,
      projectId: r.projectId,
      projectName: x.projectName,
      inspectionId: r.inspectionId,
      month: x.month,
      itemCode: x.itemCode,
      topic: x.items.find((i) => i.code === x.itemCode)?.topic ?? '',
      findingNote: x.findingNote,
      count: x.count,
      state: r.state as TRectification['state'],
      dueAt: r.dueAt?.toISOString() ?? null,
      overdue: r.state === 'open' && !!r.dueAt && r.dueAt < now,
      notifiedLevel: r.state === 'open' ? (x.notifiedLevel ?? 0) : 0,
      round: r.round,
      closeNote: r.closeNote,
      closedAt: r.closedAt?.toISOString() ?? null,
      closedByName: x.closedByName ?? null,
      photos: photos.filter((ph) => ph.entityId === r.id).map((ph) => ({ id: ph.id, name: ph.name, url: rectificationPhotoUrl(ph.id) })),
      reviewNote: r.reviewNote,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      reviewedByName: x.reviewedByName ?? null,
      version: r.version,
      actions,
    };
  });
}

export async function listRectifications(db: DbOrTx, p: Principal, q: { projectId?: string; inspectionId?: string; state?: string; overdue?: 'true' | 'false'; month?: string }, now = new Date()) {
  if (q.projectId && !can(p, 'inspection.read', q.projectId)) throw notFound();
  const ids = q.projectId ? [q.projectId] : projectsWhere(p, 'inspection.read');
  if (!ids.length) return { items: [] };
  const rows = await base(db)
    .where(
      and(
        eq(rectifications.companyId, p.companyId),
        inArray(rectifications.projectId, ids),
        q.state ? eq(rectifications.state, q.state) : undefined,
        q.month ? eq(inspections.month, q.month) : undefined,
        q.inspectionId ? eq(rectifications.inspectionId, q.inspectionId) : undefined,
        q.overdue === 'true' ? and(eq(rectifications.state, 'open'), lt(rectifications.dueAt, now)) : undefined,
        q.overdue === 'false' ? sql`not (${rectifications.state} = 'open' and ${rectifications.dueAt} < ${now.toISOString()}::timestamptz)` : undefined,
      ),
    )
    .orderBy(desc(inspections.month), asc(projects.code), asc(rectifications.number))
    .limit(500);
  return { items: await present(db, p, rows, now) };
}

export async function rectificationDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TRectification> {
  const rows = await base(db).where(and(eq(rectifications.id, id), eq(rectifications.companyId, p.companyId)));
  if (!rows.length || !can(p, 'inspection.read', rows[0].r.projectId)) throw notFound();
  return (await present(db, p, rows, now))[0];
}
