// AR-01, AR-05: an archive's filing details (keys held, agent, cabinet, housekeeper) change directly;
// the customer's own data only through a change request (AR-03). Archives are retired, never deleted.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TArchiveDetail, TArchiveUpdate } from '../../../../common/archives';
import { diff, runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import type { Vault } from '../../../platform/vault';
import { holdersOf } from '../../deadlines/recipients';
import { recount, syncArchiveDeadline } from '../checklist';
import { archiveDetail, loadArchive } from '../queries';
import { archives } from '../tables';

export function updateArchive(db: Db, p: Principal, vault: Vault, id: string, input: TArchiveUpdate): Promise<TArchiveDetail> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const before = await loadArchive(tx, p, id, 'archive.manage');
    if (before.retiredAt) throw new AppError(409, 'archive_retired');
    const { version, ...patch } = input;
    if (patch.keeperId && !(await holdersOf(tx, before.projectId, ['housekeeper', 'clerk', 'cs_supervisor'])).includes(patch.keeperId)) throw invalidField('keeperId', 'not_desk_staff');
    updatedOrStale(
      await tx
        .update(archives)
        .set({ ...patch, version: sql`${archives.version} + 1` })
        .where(and(eq(archives.id, id), eq(archives.version, version)))
        .returning({ id: archives.id }),
    );
    await recount(tx, id, ctx.now); // keys held or an agent change which items apply
    await ctx.audit({ entity: 'archive', entityId: id, projectId: before.projectId, action: 'update', ...diff(before, patch) });
    return archiveDetail(tx, p, vault, id, ctx.now);
  });
}

export function retireArchive(db: Db, p: Principal, vault: Vault, id: string, input: { version: number; reason: string }): Promise<TArchiveDetail> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const before = await loadArchive(tx, p, id, 'archive.manage');
    if (before.retiredAt) throw new AppError(409, 'archive_retired');
    const [a] = await tx
      .update(archives)
      .set({ retiredAt: ctx.now, retiredReason: input.reason, version: sql`${archives.version} + 1` })
      .where(and(eq(archives.id, id), eq(archives.version, input.version), isNull(archives.retiredAt)))
      .returning();
    updatedOrStale([a].filter(Boolean));
    await syncArchiveDeadline(tx, a, ctx.now);
    await ctx.audit({ entity: 'archive', entityId: id, projectId: before.projectId, action: 'retire', after: { reason: input.reason } });
    return archiveDetail(tx, p, vault, id, ctx.now);
  });
}
