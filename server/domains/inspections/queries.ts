// QI-01..QI-03 reads: standards and their versions, inspections with their findings, and the month's
// company ranking (one query).
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { scoreOf, type TInspectionDetail, type TInspectionSummary, type TStandard } from '../../../common/inspections';
import { auditEvents } from '../../platform/tables';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, projectsWhere, type Principal } from '../../platform/policy';
import { projects } from '../org/tables';
import { users } from '../people/tables';
import { computable } from './auto-findings';
import { inspectionActions, authorizeInspection } from './policy';
import { inspectionFindings, inspections, inspectionStandards } from './tables';

type StandardRow = typeof inspectionStandards.$inferSelect;
export const presentStandard = (s: StandardRow): TStandard => ({
  id: s.id,
  code: s.code,
  name: s.name,
  version: s.version,
  current: !s.supersededAt,
  createdAt: s.createdAt.toISOString(),
  items: s.items,
});

export async function listStandards(db: DbOrTx, p: Principal) {
  const rows = await db
    .select({ id: inspectionStandards.id, code: inspectionStandards.code, name: inspectionStandards.name, version: inspectionStandards.version, createdAt: inspectionStandards.createdAt, supersededAt: inspectionStandards.supersededAt, itemCount: sql<number>`jsonb_array_length(${inspectionStandards.items})::int` })
    .from(inspectionStandards)
    .where(eq(inspectionStandards.companyId, p.companyId))
    .orderBy(asc(inspectionStandards.code), desc(inspectionStandards.version));
  return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, version: r.version, current: !r.supersededAt, createdAt: r.createdAt.toISOString(), itemCount: r.itemCount })) };
}

export async function loadStandard(db: DbOrTx, companyId: string, id: string): Promise<StandardRow> {
  const [s] = await db.select().from(inspectionStandards).where(and(eq(inspectionStandards.id, id), eq(inspectionStandards.companyId, companyId)));
  if (!s) throw notFound();
  return s;
}

export async function currentStandard(db: DbOrTx, companyId: string, code: string): Promise<StandardRow | undefined> {
  const [s] = await db.select().from(inspectionStandards).where(and(eq(inspectionStandards.companyId, companyId), eq(inspectionStandards.code, code), isNull(inspectionStandards.supersededAt)));
  return s;
}

/** Loads an inspection the principal may act on (404 outside their projects, 403 without the action). */
export async function loadInspection(db: DbOrTx, p: Principal, id: string, action: 'inspection.read' | 'inspection.do') {
  const [i] = await db.select().from(inspections).where(and(eq(inspections.id, id), eq(inspections.companyId, p.companyId)));
  if (!i) throw notFound();
  authorizeInspection(p, action, i.projectId);
  return i;
}

const summaryColumns = { i: inspections, projectName: projects.name, inspectorName: users.displayName, standardVersion: inspectionStandards.version };
function base(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .innerJoin(users, eq(users.id, inspections.inspectorId))
    .innerJoin(inspectionStandards, eq(inspectionStandards.id, inspections.standardId));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
function presentSummary(r: Row): TInspectionSummary {
  const score = r.i.scoreTenths / 10;
  return {
    id: r.i.id,
    projectId: r.i.projectId,
    projectName: r.projectName,
    month: r.i.month,
    status: r.i.status as TInspectionSummary['status'],
    score,
    passed: score >= 80,
    inspectorName: r.inspectorName,
    standardId: r.i.standardId,
    standardVersion: r.standardVersion,
    version: r.i.version,
    submittedAt: r.i.submittedAt?.toISOString() ?? null,
  };
}

export async function listInspections(db: DbOrTx, p: Principal, q: { projectId?: string; month?: string }) {
  if (q.projectId && !can(p, 'inspection.read', q.projectId)) throw notFound();
  const ids = q.projectId ? [q.projectId] : projectsWhere(p, 'inspection.read');
  if (!ids.length) return { items: [] };
  const rows = await base(db)
    .where(and(eq(inspections.companyId, p.companyId), inArray(inspections.projectId, ids), q.month ? eq(inspections.month, q.month) : undefined))
    .orderBy(desc(inspections.month), asc(projects.code))
    .limit(500);
  return { items: rows.map(presentSummary) };
}

export async function inspectionDetail(db: DbOrTx, p: Principal, id: string): Promise<TInspectionDetail> {
  const [r] = await base(db).where(and(eq(inspections.id, id), eq(inspections.companyId, p.companyId)));
  if (!r) throw notFound();
  authorizeInspection(p, 'inspection.read', r.i.projectId);
  const [std] = await db.select({ items: inspectionStandards.items }).from(inspectionStandards).where(eq(inspectionStandards.id, r.i.standardId));
  const findings = await db.select().from(inspectionFindings).where(eq(inspectionFindings.inspectionId, id)).orderBy(asc(inspectionFindings.itemCode), asc(inspectionFindings.createdAt));
  const { points } = scoreOf(std.items, findings);
  const corrections = await db
    .select({ at: auditEvents.at, userName: users.displayName, after: auditEvents.after })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, 'inspection'), eq(auditEvents.entityId, id), eq(auditEvents.action, 'correct')))
    .orderBy(asc(auditEvents.id));
  // Points shown per finding: the item's capped total shared in order, so the rows add up to the score.
  const left = new Map(points);
  const item = new Map(std.items.map((x) => [x.code, x]));
  return {
    ...presentSummary(r),
    findings: findings.map((f) => {
      let pts = 0;
      if (f.status === 'recorded' || f.status === 'confirmed') {
        const it = item.get(f.itemCode);
        pts = Math.min(left.get(f.itemCode) ?? 0, (it?.deduction ?? 0) * f.count);
        left.set(f.itemCode, (left.get(f.itemCode) ?? 0) - pts);
      }
      return { id: f.id, itemCode: f.itemCode, source: f.source as 'manual' | 'computed', status: f.status as TInspectionDetail['findings'][number]['status'], count: f.count, note: f.note, evidence: f.evidence, records: f.records, reason: f.reason, points: pts };
    }),
    autoItems: std.items.filter((x) => x.methods.includes('record_check') || computable(p, r.i.projectId, x.code)).map((x) => ({ itemCode: x.code, automatic: computable(p, r.i.projectId, x.code) })),
    corrections: corrections.map((c) => ({ at: c.at.toISOString(), userName: c.userName ?? '', reason: String((c.after as { reason?: string } | null)?.reason ?? '') })),
    actions: inspectionActions(p, r.i),
  };
}

/** QI-04 (first part): the month's inspections of the projects the principal may read, best first, with last month's score. */
export async function inspectionRanking(db: DbOrTx, p: Principal, month: string) {
  const ids = projectsWhere(p, 'inspection.read');
  if (!ids.length) return { month, passRate: 0, items: [] };
  const [y, m] = month.split('-').map(Number);
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const rows = rowsOf<{ id: string; project_id: string; project_name: string; score_tenths: number; status: string; prev_tenths: number | null }>(
    await db.execute(sql`
      select i.id, i.project_id, p.name as project_name, i.score_tenths, i.status, pi.score_tenths as prev_tenths
      from inspections i
        join projects p on p.id = i.project_id
        left join inspections pi on pi.project_id = i.project_id and pi.month = ${prev}
      where i.company_id = ${p.companyId}::uuid and i.month = ${month} and i.project_id = any(${`{${ids.join(',')}}`}::uuid[])
      order by i.score_tenths desc, p.code`),
  );
  const items = rows.map((r, k) => {
    const score = Number(r.score_tenths) / 10;
    return { rank: k + 1, projectId: r.project_id, projectName: r.project_name, inspectionId: r.id, score, passed: score >= 80, status: r.status as 'draft' | 'submitted', previousScore: r.prev_tenths == null ? null : Number(r.prev_tenths) / 10 };
  });
  const passRate = items.length ? Math.round((items.filter((i) => i.passed).length / items.length) * 10_000) / 10_000 : 0;
  return { month, passRate, items };
}
