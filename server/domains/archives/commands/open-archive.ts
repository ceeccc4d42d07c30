// AR-01: opens the archive of one unit and party. Owner and tenant archives belong to a current owner or
// tenant of the unit and are due one month after the handover or move-in; the checklist is counted at once.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TArchiveDetail, TArchiveOpen } from '../../../../common/archives';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import type { Vault } from '../../../platform/vault';
import { toLocal } from '../../../platform/clock';
import { holdersOf } from '../../deadlines/recipients';
import { projectTimezone } from '../../org/queries';
import { units } from '../../org/tables';
import { customerUnits } from '../../people/tables';
import { recount } from '../checklist';
import { authorizeArchive } from '../policy';
import { archiveDetail } from '../queries';
import { archives } from '../tables';

/** Opens the archive inside a running command (also used by the project sync and the import). */
export async function openArchiveIn(ctx: CommandContext, input: TArchiveOpen & { projectId: string }, keeperId?: string | null) {
  const { tx } = ctx;
  const [unit] = await tx.select().from(units).where(and(eq(units.id, input.unitId), eq(units.projectId, input.projectId)));
  if (!unit) throw invalidField('unitId', 'unknown_unit');
  const party = input.kind === 'owner' || input.kind === 'tenant';
  let since: string | null = null;
  if (party) {
    if (!input.customerId) throw invalidField('customerId', 'customer_not_in_unit');
    const [link] = await tx
      .select({ since: customerUnits.since })
      .from(customerUnits)
      .where(and(eq(customerUnits.unitId, unit.id), eq(customerUnits.customerId, input.customerId), eq(customerUnits.relation, input.kind), isNull(customerUnits.endedAt)));
    if (!link) throw invalidField('customerId', 'customer_not_in_unit');
    since = link.since;
  }
  const customerId = party ? input.customerId! : null;
  const [existing] = await tx
    .select({ id: archives.id })
    .from(archives)
    .where(and(eq(archives.unitId, unit.id), eq(archives.kind, input.kind), customerId ? eq(archives.customerId, customerId) : isNull(archives.customerId), isNull(archives.retiredAt)));
  if (existing) throw new AppError(409, 'archive_exists');
  const today = toLocal(ctx.now, await projectTimezone(tx, unit.projectId)).date;
  const openedOn = input.openedOn ?? (input.kind === 'owner' ? unit.handoverDate : input.kind === 'tenant' ? since : null) ?? today;
  const keeper = keeperId !== undefined ? keeperId : ((await holdersOf(tx, unit.projectId, ['housekeeper']))[0] ?? null);
  const [a] = await tx
    .insert(archives)
    .values({
      companyId: unit.companyId,
      projectId: unit.projectId,
      unitId: unit.id,
      kind: input.kind,
      customerId,
      openedOn,
      keysHeld: input.keysHeld,
      viaAgent: input.viaAgent,
      cabinet: input.cabinet,
      keeperId: keeper,
      createdAt: ctx.now,
    })
    .returning();
  const counted = await recount(tx, a.id, ctx.now);
  await ctx.audit({ entity: 'archive', entityId: a.id, projectId: a.projectId, action: 'open', after: { path: unit.path, kind: a.kind, customerId, openedOn, missing: counted.missingCount } });
  return counted;
}

export function openArchive(db: Db, p: Principal, vault: Vault, input: TArchiveOpen): Promise<TArchiveDetail> {
  return runCommand(db, p, async (ctx) => {
    const [unit] = await ctx.tx.select({ projectId: units.projectId }).from(units).where(and(eq(units.id, input.unitId), eq(units.companyId, p.companyId)));
    if (!unit) throw invalidField('unitId', 'unknown_unit');
    authorizeArchive(p, 'archive.manage', unit.projectId);
    const a = await openArchiveIn(ctx, { ...input, projectId: unit.projectId });
    return archiveDetail(ctx.tx, p, vault, a.id, ctx.now);
  });
}

/**
 * AR-01: opens every archive the project's units need and lack — an owner archive per current owner
 * (a record for a group-owned unit) and a tenant archive per current tenant.
 */
export function syncArchives(db: Db, p: Principal, projectId: string): Promise<{ opened: number }> {
  return runCommand(db, p, async (ctx) => {
    authorizeArchive(p, 'archive.manage', projectId);
    const needed = await ctx.tx.execute(sql`
      select u.id as unit_id, 'record' as kind, null::uuid as customer_id from units u
        where u.project_id = ${projectId} and u.group_owned
          and not exists (select 1 from archives a where a.unit_id = u.id and a.kind = 'record' and a.retired_at is null)
      union all
      select cu.unit_id, cu.relation, cu.customer_id from customer_units cu join units u on u.id = cu.unit_id
        where cu.project_id = ${projectId} and cu.ended_at is null and (cu.relation = 'tenant' or not u.group_owned)
          and not exists (select 1 from archives a where a.unit_id = cu.unit_id and a.kind = cu.relation and a.customer_id = cu.customer_id and a.retired_at is null)`);
    const rows = ((needed as { rows?: unknown[] }).rows ?? needed) as { unit_id: string; kind: 'owner' | 'tenant' | 'record'; customer_id: string | null }[];
    const keeper = (await holdersOf(ctx.tx, projectId, ['housekeeper']))[0] ?? null;
    for (const r of rows)
      await openArchiveIn(ctx, { projectId, unitId: r.unit_id, kind: r.kind, customerId: r.customer_id ?? undefined, keysHeld: false, viaAgent: false, cabinet: '' }, keeper);
    return { opened: rows.length };
  });
}
