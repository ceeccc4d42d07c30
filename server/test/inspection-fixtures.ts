// Fresh inspections for tests that write (QI-01..QI-03): a draft, a draft with a proposed computed
// finding, a submitted one — each in a month of its own, started by the company admin.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { startInspection } from '../domains/inspections/commands/start-inspection';
import { submitInspection } from '../domains/inspections/commands/submit-inspection';
import { inspectionFindings, inspections } from '../domains/inspections/tables';
import { principalOf } from './desk';

let months = 0;
/** A month of its own (1980 onward), so every fixture inspection is the only one of its project and month. */
export function nextInspectionMonth(): string {
  const n = months++;
  return `${1980 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function inspectionFixtures(db: Db, projectId: string) {
  return {
    /** A draft inspection with one manual finding recorded (CS-13). */
    async draftInspection() {
      const admin = await principalOf(db, 'admin');
      const d = await startInspection(db, admin, { projectId, month: nextInspectionMonth() });
      const [f] = await db
        .insert(inspectionFindings)
        .values({ companyId: admin.companyId, projectId, inspectionId: d.id, itemCode: 'CS-13', source: 'manual', status: 'recorded', count: 1, note: '接听未报工号', createdAt: new Date() })
        .returning();
      const [i] = await db.select().from(inspections).where(eq(inspections.id, d.id));
      return { id: i.id, version: i.version, manualFindingId: f.id };
    },
    /** A draft with a proposed computed finding (CS-05) waiting for the inspector. */
    async proposedFinding() {
      const d = await this.draftInspection();
      const [i] = await db.select().from(inspections).where(eq(inspections.id, d.id));
      const [f] = await db
        .insert(inspectionFindings)
        .values({ companyId: i.companyId, projectId, inspectionId: i.id, itemCode: 'CS-05', source: 'computed', status: 'proposed', count: 2, createdAt: new Date() })
        .returning();
      return { id: i.id, version: i.version, findingId: f.id };
    },
    /** A draft whose computed proposals are all confirmed: ready to submit. */
    async readyInspection() {
      const d = await this.draftInspection();
      await db.update(inspectionFindings).set({ status: 'confirmed' }).where(and(eq(inspectionFindings.inspectionId, d.id), eq(inspectionFindings.status, 'proposed')));
      return d;
    },
    /** A submitted inspection (its computed proposals confirmed first). */
    async submittedInspection() {
      const d = await this.readyInspection();
      const s = await submitInspection(db, await principalOf(db, 'admin'), d.id, { version: d.version });
      return { id: s.id, version: s.version, manualFindingId: d.manualFindingId };
    },
  };
}
