// QI-04: the month's results of every project (score, pass/fail, change from last month, rank, the pass
// rate) and the bulletin (通报) built from them: read by whoever reads inspections, drafted and published
// by the quality department with a company-wide grant.
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PASS_SCORE, type TBulletin, type TBulletinRow } from '../../../common/inspections';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { holdsCompanyWide, projectsWhere, type Principal } from '../../platform/policy';
import { users } from '../people/tables';
import { inspectionBulletins } from './tables';
import { sql } from 'drizzle-orm';

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Every project of the company (or of `projectIds`) with its submitted inspection of the month, if any,
 * and last month's submitted score. Ranked by score (ties share a rank); projects without a submitted
 * inspection come last with no rank. The pass rate is over the submitted inspections.
 */
export async function monthResults(db: DbOrTx, companyId: string, month: string, projectIds?: string[]): Promise<{ items: TBulletinRow[]; passRate: number }> {
  if (projectIds && !projectIds.length) return { items: [], passRate: 0 };
  const rows = rowsOf<{ project_id: string; project_name: string; inspection_id: string | null; score_tenths: number | null; prev_tenths: number | null; findings: number }>(
    await db.execute(sql`
      select p.id as project_id, p.name as project_name, i.id as inspection_id, i.score_tenths, pi.score_tenths as prev_tenths,
        coalesce((select count(*)::int from inspection_findings f where f.inspection_id = i.id and f.status in ('recorded', 'confirmed')), 0) as findings
      from projects p
        left join inspections i on i.project_id = p.id and i.month = ${month} and i.status = 'submitted'
        left join inspections pi on pi.project_id = p.id and pi.month = ${previousMonth(month)} and pi.status = 'submitted'
      where p.company_id = ${companyId}::uuid ${projectIds ? sql`and p.id = any(${`{${projectIds.join(',')}}`}::uuid[])` : sql``}
      order by i.score_tenths desc nulls last, p.code`),
  );
  const scores = rows.filter((r) => r.score_tenths != null).map((r) => Number(r.score_tenths));
  const items = rows.map((r): TBulletinRow => {
    const tenths = r.score_tenths == null ? null : Number(r.score_tenths);
    const score = tenths == null ? null : tenths / 10;
    const prev = r.prev_tenths == null ? null : Number(r.prev_tenths) / 10;
    return {
      rank: tenths == null ? null : 1 + scores.filter((s) => s > tenths).length,
      projectId: r.project_id,
      projectName: r.project_name,
      inspectionId: r.inspection_id,
      score,
      passed: score == null ? null : score >= PASS_SCORE,
      previousScore: prev,
      change: score == null || prev == null ? null : Math.round((score - prev) * 10) / 10,
      findings: Number(r.findings),
    };
  });
  const done = items.filter((i) => i.score != null);
  const passRate = done.length ? Math.round((done.filter((i) => i.passed).length / done.length) * 10_000) / 10_000 : 0;
  return { items, passRate };
}

/** The results page: the projects the reader may read, and the month's bulletin if the reader may see it. */
export async function resultsOf(db: DbOrTx, p: Principal, month: string) {
  const r = await monthResults(db, p.companyId, month, projectsWhere(p, 'inspection.read'));
  const [b] = await db.select().from(inspectionBulletins).where(and(eq(inspectionBulletins.companyId, p.companyId), eq(inspectionBulletins.month, month)));
  return { month, ...r, bulletin: b && (b.status === 'published' || mayDraftBulletins(p)) ? presentBulletinSummary(b) : null };
}

/** QI-04: the bulletin is the company's: only a company-wide inspection grant drafts and publishes it. */
export const mayDraftBulletins = (p: Principal) => holdsCompanyWide(p, 'inspection.do');

type BulletinRow = typeof inspectionBulletins.$inferSelect;
export const presentBulletinSummary = (b: BulletinRow) => ({
  id: b.id,
  month: b.month,
  status: b.status as TBulletin['status'],
  number: b.number,
  passRate: b.passRate / 10_000,
  projectCount: b.items.length,
  publishedAt: b.publishedAt?.toISOString() ?? null,
  version: b.version,
});

/** Published bulletins for every reader; drafts only for those who may draft them. */
export async function listBulletins(db: DbOrTx, p: Principal) {
  const rows = await db
    .select()
    .from(inspectionBulletins)
    .where(and(eq(inspectionBulletins.companyId, p.companyId), mayDraftBulletins(p) ? undefined : eq(inspectionBulletins.status, 'published')))
    .orderBy(desc(inspectionBulletins.month))
    .limit(120);
  return { items: rows.map(presentBulletinSummary) };
}

export async function loadBulletin(db: DbOrTx, p: Principal, id: string): Promise<BulletinRow> {
  const [b] = await db.select().from(inspectionBulletins).where(and(eq(inspectionBulletins.id, id), eq(inspectionBulletins.companyId, p.companyId)));
  if (!b || (b.status !== 'published' && !mayDraftBulletins(p))) throw notFound();
  return b;
}

const drafter = alias(users, 'drafter');
const publisher = alias(users, 'publisher');
export async function bulletinDetail(db: DbOrTx, p: Principal, id: string): Promise<TBulletin> {
  const b = await loadBulletin(db, p, id);
  const [names] = await db
    .select({ drafted: drafter.displayName, published: publisher.displayName })
    .from(inspectionBulletins)
    .innerJoin(drafter, eq(drafter.id, inspectionBulletins.draftedBy))
    .leftJoin(publisher, eq(publisher.id, inspectionBulletins.publishedBy))
    .where(eq(inspectionBulletins.id, b.id));
  return {
    ...presentBulletinSummary(b),
    remarks: b.remarks,
    items: b.items,
    draftedByName: names.drafted,
    draftedAt: b.draftedAt.toISOString(),
    publishedByName: names.published ?? null,
    actions: b.status === 'draft' && mayDraftBulletins(p) ? ['edit', 'publish'] : [],
  };
}
