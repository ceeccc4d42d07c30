// QI-01: the company's standards. The default one is put in place the first time it is needed; a
// revision adds the next version and supersedes the current one (stale version → 409).
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { TStandard, TStandardItem } from '../../../../common/inspections';
import { runCommand } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { forbidden, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { DEFAULT_STANDARD_CODE, DEFAULT_STANDARD_ITEMS, DEFAULT_STANDARD_NAME } from '../default-standard';
import { mayConfigureStandards } from '../policy';
import { currentStandard, loadStandard, presentStandard } from '../queries';
import { inspectionStandards } from '../tables';

/** Items compared whatever the order of their keys (jsonb keeps its own). */
const canonical = (items: TStandardItem[]) => JSON.stringify(items.map((i) => Object.fromEntries(Object.entries(i).sort(([a], [b]) => a.localeCompare(b)))));

/**
 * The company's current default standard, written on first use (version 1, the product's items). When the
 * product ships new items and the company never revised its copy (no version made by a person), the
 * shipped items become the next version; inspections keep the version they were started on.
 */
export async function ensureDefaultStandard(tx: Tx, companyId: string, now: Date) {
  const existing = await currentStandard(tx, companyId, DEFAULT_STANDARD_CODE);
  if (existing && (existing.createdBy || canonical(existing.items) === canonical(DEFAULT_STANDARD_ITEMS))) return existing;
  if (existing) {
    const [ours] = await tx
      .select({ id: inspectionStandards.id })
      .from(inspectionStandards)
      .where(and(eq(inspectionStandards.companyId, companyId), eq(inspectionStandards.code, DEFAULT_STANDARD_CODE), isNotNull(inspectionStandards.createdBy)))
      .limit(1);
    if (ours) return existing;
    const superseded = await tx
      .update(inspectionStandards)
      .set({ supersededAt: now })
      .where(and(eq(inspectionStandards.id, existing.id), isNull(inspectionStandards.supersededAt)))
      .returning({ id: inspectionStandards.id });
    if (!superseded.length) return (await currentStandard(tx, companyId, DEFAULT_STANDARD_CODE))!;
  }
  const [s] = await tx
    .insert(inspectionStandards)
    .values({ companyId, code: DEFAULT_STANDARD_CODE, name: DEFAULT_STANDARD_NAME, version: (existing?.version ?? 0) + 1, items: DEFAULT_STANDARD_ITEMS, createdAt: now })
    .onConflictDoNothing()
    .returning();
  return s ?? (await currentStandard(tx, companyId, DEFAULT_STANDARD_CODE))!;
}

export function reviseStandard(db: Db, p: Principal, id: string, input: { version: number; name: string; items: TStandardItem[] }): Promise<TStandard> {
  if (!mayConfigureStandards(p)) throw forbidden();
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const before = await loadStandard(tx, p.companyId, id);
    updatedOrStale(
      await tx
        .update(inspectionStandards)
        .set({ supersededAt: ctx.now })
        .where(and(eq(inspectionStandards.id, id), eq(inspectionStandards.version, input.version), isNull(inspectionStandards.supersededAt)))
        .returning({ id: inspectionStandards.id }),
    );
    const [s] = await tx
      .insert(inspectionStandards)
      .values({ companyId: p.companyId, code: before.code, name: input.name, version: before.version + 1, items: input.items, createdBy: p.userId, createdAt: ctx.now })
      .returning();
    await ctx.audit({ entity: 'inspection_standard', entityId: s.id, projectId: null, action: 'revise', before: { id: before.id, version: before.version }, after: { version: s.version, items: s.items.length } });
    return presentStandard(s);
  });
}
