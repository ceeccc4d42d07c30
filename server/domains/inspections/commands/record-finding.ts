// QI-02, QI-03: the inspector records a non-conformity on a draft, edits it, or confirms / rejects a
// computed one (a rejection needs its reason). Each change rescored under the inspection's version.
import { and, eq } from 'drizzle-orm';
import type { TInspectionDetail } from '../../../../common/inspections';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, notFound } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { applicableItems } from '../applicability';
import { inspectionDetail, loadInspection } from '../queries';
import { requireStatus, rescore } from '../rescore';
import { inspectionFindings, inspectionStandards } from '../tables';

interface FindingFields {
  count: number;
  note: string;
  evidence: string;
}

/** QI-01: the item must be in the inspection's standard version and apply to the project. */
export async function requireItem(tx: Parameters<Parameters<typeof runCommand>[2]>[0]['tx'], standardId: string, projectId: string, itemCode: string) {
  const [s] = await tx.select({ items: inspectionStandards.items }).from(inspectionStandards).where(eq(inspectionStandards.id, standardId));
  const item = s.items.find((x) => x.code === itemCode);
  if (!item) throw invalidField('itemCode', 'unknown_standard_item');
  if (!(await applicableItems(tx, projectId, [item])).length) throw invalidField('itemCode', 'item_not_applicable');
}

export function addFinding(db: Db, p: Principal, id: string, input: FindingFields & { version: number; itemCode: string }, now?: Date): Promise<TInspectionDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const i = await loadInspection(tx, p, id, 'inspection.do');
      requireStatus(i, 'draft');
      await requireItem(tx, i.standardId, i.projectId, input.itemCode);
      const [f] = await tx
        .insert(inspectionFindings)
        .values({ companyId: i.companyId, projectId: i.projectId, inspectionId: i.id, itemCode: input.itemCode, source: 'manual', status: 'recorded', count: input.count, note: input.note, evidence: input.evidence, createdBy: p.userId, createdAt: ctx.now })
        .returning();
      await rescore(tx, i, input.version, 'draft');
      await ctx.audit({ entity: 'inspection', entityId: i.id, projectId: i.projectId, action: 'add_finding', after: { findingId: f.id, itemCode: f.itemCode, count: f.count, note: f.note, evidence: f.evidence } });
      return inspectionDetail(tx, p, i.id);
    },
    now,
  );
}

async function loadFinding(tx: Parameters<Parameters<typeof runCommand>[2]>[0]['tx'], inspectionId: string, findingId: string) {
  const [f] = await tx.select().from(inspectionFindings).where(and(eq(inspectionFindings.id, findingId), eq(inspectionFindings.inspectionId, inspectionId)));
  if (!f) throw notFound();
  return f;
}

export function editFinding(db: Db, p: Principal, id: string, findingId: string, input: FindingFields & { version: number }): Promise<TInspectionDetail> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const i = await loadInspection(tx, p, id, 'inspection.do');
    requireStatus(i, 'draft');
    const before = await loadFinding(tx, i.id, findingId);
    if (before.source !== 'manual') throw new AppError(409, 'illegal_transition'); // computed findings are confirmed or rejected, not rewritten
    await tx.update(inspectionFindings).set({ count: input.count, note: input.note, evidence: input.evidence }).where(eq(inspectionFindings.id, findingId));
    await rescore(tx, i, input.version, 'draft');
    await ctx.audit({ entity: 'inspection', entityId: i.id, projectId: i.projectId, action: 'edit_finding', before: { findingId, count: before.count, note: before.note, evidence: before.evidence }, after: { findingId, count: input.count, note: input.note, evidence: input.evidence } });
    return inspectionDetail(tx, p, i.id);
  });
}

export function reviewFinding(db: Db, p: Principal, id: string, findingId: string, input: { version: number; decision: 'confirm' | 'reject'; reason: string }, now?: Date): Promise<TInspectionDetail> {
  if (input.decision === 'reject' && !input.reason) throw invalidField('reason', 'required');
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const i = await loadInspection(tx, p, id, 'inspection.do');
      requireStatus(i, 'draft');
      const before = await loadFinding(tx, i.id, findingId);
      if (before.status !== 'proposed') throw new AppError(409, 'finding_not_proposed');
      const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
      await tx.update(inspectionFindings).set({ status, reason: input.reason }).where(eq(inspectionFindings.id, findingId));
      await rescore(tx, i, input.version, 'draft');
      await ctx.audit({ entity: 'inspection', entityId: i.id, projectId: i.projectId, action: `${input.decision}_finding`, after: { findingId, itemCode: before.itemCode, count: before.count, reason: input.reason } });
      return inspectionDetail(tx, p, i.id);
    },
    now,
  );
}
