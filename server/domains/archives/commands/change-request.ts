// AR-03: 资料修改申请. A change of a customer's protected data (name, phone, ID number, type) is written
// down with the values before and after, signed by the customer and, for a tenant, consented to by the
// unit's owner; only then is it applied — to the customer and the archive in one transaction with its
// audit events. The signatures are sealed like every archive document.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TChangeAction, TChangeCreate, TChangeRequest } from '../../../../common/archives';
import { maskIdNumber } from '../../../../common/mask';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, notFound, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import type { Storage } from '../../../platform/storage';
import type { Vault } from '../../../platform/vault';
import { customers, customerUnits } from '../../people/tables';
import { changesOf, needsConsent } from '../changes';
import { recount } from '../checklist';
import { sealedIdNumber, validIdNumber } from '../identity';
import { authorizeArchive } from '../policy';
import { loadArchive } from '../queries';
import { archiveChangeRequests, archives } from '../tables';

export function createChange(db: Db, p: Principal, vault: Vault, input: TChangeCreate): Promise<TChangeRequest> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const a = await loadArchive(tx, p, input.archiveId, 'archive.manage');
    if (a.retiredAt) throw new AppError(409, 'archive_retired');
    if (!a.customerId) throw invalidField('archiveId', 'customer_not_in_unit');
    const [c] = await tx.select().from(customers).where(eq(customers.id, a.customerId));
    if (input.idNumber && input.idNumber.length === 18 && !validIdNumber(input.idNumber)) throw invalidField('idNumber', 'bad_id_number');
    const changes: TChangeRequest['changes'] = [];
    if (input.name !== undefined && input.name !== c.name) changes.push({ field: 'name', before: c.name, after: input.name });
    if (input.phone !== undefined && input.phone !== c.phone) changes.push({ field: 'phone', before: c.phone, after: input.phone });
    if (input.kind !== undefined && input.kind !== c.kind) changes.push({ field: 'kind', before: c.kind, after: input.kind });
    // The request shows ID numbers masked; the new number itself is sealed on the request.
    if (input.idNumber !== undefined) changes.push({ field: 'idNumber', before: c.idNumber, after: maskIdNumber(input.idNumber.toUpperCase())! });
    if (!changes.length) throw invalidField('name', 'nothing_changed');
    const id = randomUUID();
    await tx.insert(archiveChangeRequests).values({
      id,
      companyId: a.companyId,
      projectId: a.projectId,
      archiveId: a.id,
      customerId: c.id,
      changes,
      sealedIdNumber: input.idNumber ? vault.sealText(input.idNumber.toUpperCase()) : null,
      reason: input.reason,
      requestedBy: p.userId,
      createdAt: ctx.now,
    });
    await ctx.audit({ entity: 'archive', entityId: a.id, projectId: a.projectId, action: 'change_request', after: { changeId: id, changes, reason: input.reason } });
    return (await changesOf(tx, p, a.id, id))[0];
  });
}

async function sealSignature(ctx: CommandContext, deps: { storage: Storage; vault: Vault }, r: typeof archiveChangeRequests.$inferSelect, dataUrl: string, who: string) {
  const key = `${r.companyId}/${r.projectId}/archives/changes/${r.id}-${who}.png.sealed`;
  await deps.storage.put(key, deps.vault.seal(Buffer.from(dataUrl.split(',')[1], 'base64')));
  return key;
}

export function changeAction(db: Db, p: Principal, deps: { storage: Storage; vault: Vault }, id: string, input: TChangeAction): Promise<TChangeRequest> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const [r] = await tx.select().from(archiveChangeRequests).where(and(eq(archiveChangeRequests.id, id), eq(archiveChangeRequests.companyId, p.companyId)));
    if (!r) throw notFound();
    authorizeArchive(p, 'archive.manage', r.projectId);
    if (r.status !== 'open') throw new AppError(409, 'change_closed');
    const [a] = await tx.select().from(archives).where(eq(archives.id, r.archiveId));
    const patch: Partial<typeof archiveChangeRequests.$inferInsert> = {};
    let logged: Record<string, unknown> = {};
    switch (input.action) {
      case 'sign':
        patch.signatureKey = await sealSignature(ctx, deps, r, input.signature, 'customer');
        patch.signedAt = ctx.now;
        break;
      case 'consent': {
        // AR-03: the consenting person is a current owner of the tenant's unit.
        const [owner] = await tx
          .select({ id: customerUnits.customerId })
          .from(customerUnits)
          .where(and(eq(customerUnits.unitId, a.unitId), eq(customerUnits.customerId, input.ownerId), eq(customerUnits.relation, 'owner'), isNull(customerUnits.endedAt)));
        if (!owner || !needsConsent(a.kind)) throw invalidField('ownerId', 'not_owner_of_unit');
        patch.consentOwnerId = owner.id;
        patch.consentSignatureKey = await sealSignature(ctx, deps, r, input.signature, 'owner');
        patch.consentAt = ctx.now;
        logged = { ownerId: owner.id };
        break;
      }
      case 'apply':
        if (!r.signedAt) throw new AppError(409, 'change_not_signed');
        if (needsConsent(a.kind) && !r.consentAt) throw new AppError(409, 'owner_consent_missing');
        await applyToCustomer(ctx, deps.vault, r);
        patch.status = 'applied';
        patch.appliedAt = ctx.now;
        break;
      case 'cancel':
        patch.status = 'cancelled';
        break;
    }
    updatedOrStale(
      await tx
        .update(archiveChangeRequests)
        .set({ ...patch, version: sql`${archiveChangeRequests.version} + 1` })
        .where(and(eq(archiveChangeRequests.id, id), eq(archiveChangeRequests.version, input.version)))
        .returning({ id: archiveChangeRequests.id }),
    );
    await ctx.audit({ entity: 'archive', entityId: r.archiveId, projectId: r.projectId, action: `change_${input.action}`, after: { changeId: id, ...logged } });
    if (input.action === 'apply') await recount(tx, r.archiveId, ctx.now); // a changed customer type changes the checklist
    return (await changesOf(tx, p, r.archiveId, id))[0];
  });
}

/** The customer's record takes the new values; its own history records the change request it came from. */
async function applyToCustomer(ctx: CommandContext, vault: Vault, r: typeof archiveChangeRequests.$inferSelect) {
  const set: Partial<typeof customers.$inferInsert> = {};
  for (const ch of r.changes) {
    if (ch.field === 'name') set.name = ch.after;
    if (ch.field === 'phone') set.phone = ch.after;
    if (ch.field === 'kind') set.kind = ch.after;
    if (ch.field === 'idNumber' && r.sealedIdNumber) Object.assign(set, sealedIdNumber(vault, vault.openText(r.sealedIdNumber)));
  }
  await ctx.tx
    .update(customers)
    .set({ ...set, version: sql`${customers.version} + 1` })
    .where(eq(customers.id, r.customerId));
  await ctx.audit({ entity: 'customer', entityId: r.customerId, projectId: r.projectId, action: 'change_request_applied', after: { changeId: r.id, changes: r.changes } });
}
