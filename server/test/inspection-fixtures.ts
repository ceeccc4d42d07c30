// Fresh inspections for tests that write (QI-01..QI-03): a draft, a draft with a proposed computed
// finding, a submitted one — each in a month of its own, started by the company admin.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { startInspection } from '../domains/inspections/commands/start-inspection';
import { submitInspection } from '../domains/inspections/commands/submit-inspection';
import { inspectionFindings, inspections } from '../domains/inspections/tables';
import { principalOf, SIGNATURE } from './desk';
import type { Storage } from '../platform/storage';
import { draftBulletin } from '../domains/inspections/commands/bulletin';
import { closeRectification } from '../domains/inspections/commands/rectification';
import { rectifications } from '../domains/inspections/tables';
import { ensureDefaultStandard } from '../domains/inspections/commands/revise-standard';
import { projects } from '../domains/org/tables';

let months = 0;
/** A month of its own (1980 onward), so every fixture inspection is the only one of its project and month. */
export function nextInspectionMonth(): string {
  const n = months++;
  return `${1980 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function inspectionFixtures(db: Db, storage: Storage, projectId: string) {
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
    /** QI-04: an open rectification (the CS-13 finding of a submitted inspection). */
    async openRectification() {
      const i = await this.submittedInspection();
      const [r] = await db.select().from(rectifications).where(eq(rectifications.inspectionId, i.id));
      return { id: r.id, version: r.version };
    },
    /** QI-04: a rectification the project manager reported done, with a photo. */
    async closedRectification() {
      const r = await this.openRectification();
      const admin = await principalOf(db, 'admin');
      const c = await closeRectification(db, storage, admin, r.id, { version: r.version, note: '已对员工重新培训', photos: [{ name: 'a.png', data: SIGNATURE }] });
      return { id: c.id, version: c.version, photoUrl: c.photos[0].url };
    },
    /** QI-04: a draft bulletin of a month of its own where every project of the company has a submitted inspection. */
    async publishableBulletin() {
      const admin = await principalOf(db, 'admin');
      const month = nextInspectionMonth();
      const std = await db.transaction((tx) => ensureDefaultStandard(tx, admin.companyId, new Date()));
      const all = await db.select({ id: projects.id }).from(projects).where(eq(projects.companyId, admin.companyId));
      await db.insert(inspections).values(all.map((x) => ({ companyId: admin.companyId, projectId: x.id, month, standardId: std.id, status: 'submitted', scoreTenths: 900, inspectorId: admin.userId!, createdAt: new Date(), submittedAt: new Date() })));
      const b = await draftBulletin(db, admin, { month, remarks: '' });
      return { id: b.id, version: b.version };
    },
  };
}
