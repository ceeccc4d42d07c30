// AR-02: the company edits a kind's checklist; items it drops are retired, not deleted, and every open
// archive of that kind is recounted in the same transaction.
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { TArchiveKind } from '../../../../common/archives';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import type { Principal } from '../../../platform/policy';
import { recountKind } from '../checklist';
import { archiveChecklistItems } from '../tables';

export function editChecklist(db: Db, p: Principal, kind: TArchiveKind, items: { code: string; label: string; appliesTo: string; required: boolean }[]) {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const codes = [...new Set(items.map((i) => i.code))];
    await tx
      .update(archiveChecklistItems)
      .set({ retiredAt: ctx.now })
      .where(and(eq(archiveChecklistItems.companyId, p.companyId), eq(archiveChecklistItems.kind, kind), notInArray(archiveChecklistItems.code, codes), isNull(archiveChecklistItems.retiredAt)));
    const unique = codes.map((c) => items.find((i) => i.code === c)!);
    await tx
      .insert(archiveChecklistItems)
      .values(unique.map((i, sort) => ({ companyId: p.companyId, kind, ...i, sort })))
      .onConflictDoUpdate({
        target: [archiveChecklistItems.companyId, archiveChecklistItems.kind, archiveChecklistItems.code],
        set: { label: sql`excluded.label`, appliesTo: sql`excluded.applies_to`, required: sql`excluded.required`, sort: sql`excluded.sort`, retiredAt: null },
      });
    const recounted = await recountKind(tx, p.companyId, kind, ctx.now);
    await ctx.audit({ entity: 'archive_checklist', entityId: p.companyId, projectId: null, action: 'update', after: { kind, items: unique } });
    return { recounted };
  });
}
