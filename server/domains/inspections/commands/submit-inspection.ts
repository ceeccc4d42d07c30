// QI-02: submitting fixes the inspection (proposals still open are refused first); afterwards only a
// correction event, signed by its author with a reason, changes a finding and the score.
import { and, eq } from 'drizzle-orm';
import type { TInspectionDetail } from '../../../../common/inspections';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { invalidField, notFound } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { inspectionDetail, loadInspection } from '../queries';
import { requireStatus, rescore } from '../rescore';
import { inspectionFindings } from '../tables';
import { requireItem } from './record-finding';
import { syncRectifications } from './rectification';

export function submitInspection(db: Db, p: Principal, id: string, input: { version: number }, now?: Date): Promise<TInspectionDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const i = await loadInspection(tx, p, id, 'inspection.do');
      requireStatus(i, 'draft');
      const [open] = await tx.select({ id: inspectionFindings.id }).from(inspectionFindings).where(and(eq(inspectionFindings.inspectionId, i.id), eq(inspectionFindings.status, 'proposed'))).limit(1);
      if (open) throw invalidField('findings', 'findings_unreviewed');
      const after = await rescore(tx, i, input.version, 'draft', { status: 'submitted', submittedAt: ctx.now });
      await ctx.audit({ entity: 'inspection', entityId: i.id, projectId: i.projectId, action: 'submit', after: { score: after.scoreTenths / 10 } });
      // QI-04: each finding that counts becomes a rectification item with its deadline.
      await syncRectifications(ctx, i.id);
      return inspectionDetail(tx, p, i.id);
    },
    now,
  );
}

export function correctInspection(
  db: Db,
  p: Principal,
  id: string,
  input: { version: number; reason: string; findingId?: string; itemCode?: string; count: number; note: string; evidence: string },
): Promise<TInspectionDetail> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const i = await loadInspection(tx, p, id, 'inspection.do');
    requireStatus(i, 'submitted');
    let change: Record<string, unknown>;
    if (input.findingId) {
      const [f] = await tx.select().from(inspectionFindings).where(and(eq(inspectionFindings.id, input.findingId), eq(inspectionFindings.inspectionId, i.id)));
      if (!f) throw notFound();
      // A count of 0 withdraws the finding (kept, marked rejected with the correction's reason).
      const set = input.count === 0 ? { status: 'rejected', reason: input.reason } : { count: input.count, note: input.note || f.note, evidence: input.evidence || f.evidence, status: f.source === 'manual' ? 'recorded' : 'confirmed' };
      await tx.update(inspectionFindings).set(set).where(eq(inspectionFindings.id, f.id));
      change = { findingId: f.id, before: { count: f.count, status: f.status }, after: set };
    } else {
      if (!input.itemCode) throw invalidField('itemCode', 'required');
      if (input.count === 0) throw invalidField('count', 'required');
      await requireItem(tx, i.standardId, i.projectId, input.itemCode);
      const [f] = await tx
        .insert(inspectionFindings)
        .values({ companyId: i.companyId, projectId: i.projectId, inspectionId: i.id, itemCode: input.itemCode, source: 'manual', status: 'recorded', count: input.count, note: input.note, evidence: input.evidence, createdBy: p.userId, createdAt: ctx.now })
        .returning();
      change = { findingId: f.id, added: { itemCode: f.itemCode, count: f.count } };
    }
    const after = await rescore(tx, i, input.version, 'submitted');
    await ctx.audit({ entity: 'inspection', entityId: i.id, projectId: i.projectId, action: 'correct', before: { score: i.scoreTenths / 10 }, after: { reason: input.reason, score: after.scoreTenths / 10, ...change } });
    // QI-04: a finding added by the correction is to be rectified; a withdrawn one withdraws its item.
    await syncRectifications(ctx, i.id);
    return inspectionDetail(tx, p, i.id);
  });
}
