// QI-02: after a change to its findings, an inspection's score is recomputed from all of them and
// written with the version check in ONE statement — a lost race or a changed status rolls the change back.
import { and, asc, eq, sql } from 'drizzle-orm';
import { scoreOf } from '../../../common/inspections';
import type { Tx } from '../../platform/db';
import { AppError, updatedOrStale } from '../../platform/errors';
import { inspectionFindings, inspections, inspectionStandards } from './tables';

type Inspection = typeof inspections.$inferSelect;

/** Refuses a change to an inspection in the wrong state before anything is written. */
export function requireStatus(i: Inspection, status: 'draft' | 'submitted') {
  if (i.status !== status) throw new AppError(409, status === 'draft' ? 'inspection_submitted' : 'inspection_not_submitted');
}

export async function rescore(tx: Tx, i: Inspection, version: number, status: 'draft' | 'submitted', extra: Partial<typeof inspections.$inferInsert> = {}) {
  const [std] = await tx.select({ items: inspectionStandards.items }).from(inspectionStandards).where(eq(inspectionStandards.id, i.standardId));
  const findings = await tx
    .select({ itemCode: inspectionFindings.itemCode, count: inspectionFindings.count, status: inspectionFindings.status })
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, i.id))
    .orderBy(asc(inspectionFindings.createdAt));
  const { score } = scoreOf(std.items, findings);
  return updatedOrStale(
    await tx
      .update(inspections)
      .set({ ...extra, scoreTenths: Math.round(score * 10), version: sql`${inspections.version} + 1` })
      .where(and(eq(inspections.id, i.id), eq(inspections.version, version), eq(inspections.status, status)))
      .returning(),
  );
}
