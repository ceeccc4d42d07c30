// QI-02, QI-03: starts a project's inspection for a month at 100 points on the company's current
// standard, with the automatic findings computed from the system's data as proposals.
import type { TInspectionDetail } from '../../../../common/inspections';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { applicableItems } from '../applicability';
import { computeFindings } from '../auto-findings';
import { DEFAULT_STANDARD_CODE } from '../default-standard';
import { authorizeInspection } from '../policy';
import { inspectionDetail, loadStandard } from '../queries';
import { rescore } from '../rescore';
import { inspectionFindings, inspections } from '../tables';
import { ensureDefaultStandard } from './revise-standard';
import { and, eq } from 'drizzle-orm';

export function startInspection(db: Db, p: Principal, input: { projectId: string; month: string; standardId?: string }, now?: Date): Promise<TInspectionDetail> {
  authorizeInspection(p, 'inspection.do', input.projectId);
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const current = new Date(`${input.month}-01T00:00:00+08:00`);
      if (current > ctx.now) throw invalidField('month', 'month_in_future');
      const std = input.standardId ? await loadStandard(tx, p.companyId, input.standardId).catch(() => { throw invalidField('standardId', 'unknown_standard'); }) : await ensureDefaultStandard(tx, p.companyId, ctx.now);
      if (std.supersededAt) throw invalidField('standardId', 'standard_superseded');
      const [dup] = await tx.select({ id: inspections.id }).from(inspections).where(and(eq(inspections.projectId, input.projectId), eq(inspections.month, input.month)));
      if (dup) throw new AppError(409, 'inspection_exists');
      const [i] = await tx
        .insert(inspections)
        .values({ companyId: p.companyId, projectId: input.projectId, month: input.month, standardId: std.id, inspectorId: p.userId, createdAt: ctx.now })
        .returning();
      // QI-03: figures read with the inspector's own reach; an item whose figures the inspector may not read stays manual.
      const computed = await computeFindings(tx, p, input.projectId, input.month, (await applicableItems(tx, input.projectId, std.items)).map((x) => x.code), ctx.now);
      if (computed.length)
        await tx.insert(inspectionFindings).values(
          computed.map((c) => ({ companyId: p.companyId, projectId: input.projectId, inspectionId: i.id, itemCode: c.code, source: 'computed', status: 'proposed', count: c.count, records: c.records, createdAt: ctx.now })),
        );
      await rescore(tx, i, i.version, 'draft');
      await ctx.audit({ entity: 'inspection', entityId: i.id, projectId: i.projectId, action: 'start', after: { month: i.month, standardId: std.id, standardVersion: std.version, computed: computed.map((c) => ({ item: c.code, count: c.count })) } });
      return inspectionDetail(tx, p, i.id);
    },
    now,
  );
}
