// AR-03: change requests as pages show them, with the steps the user may take next.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TChangeRequest } from '../../../common/archives';
import type { DbOrTx } from '../../platform/db';
import { can, type Principal } from '../../platform/policy';
import { customers, users } from '../people/tables';
import { archiveChangeRequests, archives } from './tables';

/** AR-03: a tenant's change also needs the owner's consent. */
export const needsConsent = (archiveKind: string) => archiveKind === 'tenant';

export function changeActions(p: Principal, c: typeof archiveChangeRequests.$inferSelect, archiveKind: string): TChangeRequest['actions'] {
  if (c.status !== 'open' || !can(p, 'archive.manage', c.projectId)) return [];
  const out: TChangeRequest['actions'] = ['sign'];
  if (needsConsent(archiveKind)) out.push('consent');
  if (c.signedAt && (!needsConsent(archiveKind) || c.consentAt)) out.push('apply');
  out.push('cancel');
  return out;
}

export async function changesOf(db: DbOrTx, p: Principal, archiveId: string, id?: string): Promise<TChangeRequest[]> {
  const rows = await db
    .select({ c: archiveChangeRequests, kind: archives.kind, customerName: customers.name, ownerName: sql<string | null>`(select o.name from ${customers} o where o.id = ${archiveChangeRequests.consentOwnerId})`, by: users.displayName })
    .from(archiveChangeRequests)
    .innerJoin(archives, eq(archives.id, archiveChangeRequests.archiveId))
    .innerJoin(customers, eq(customers.id, archiveChangeRequests.customerId))
    .innerJoin(users, eq(users.id, archiveChangeRequests.requestedBy))
    .where(and(eq(archiveChangeRequests.archiveId, archiveId), id ? eq(archiveChangeRequests.id, id) : undefined))
    .orderBy(asc(archiveChangeRequests.createdAt));
  return rows.map(({ c, kind, customerName, ownerName, by }) => ({
    id: c.id,
    archiveId: c.archiveId,
    customerId: c.customerId,
    customerName,
    changes: c.changes as TChangeRequest['changes'],
    reason: c.reason,
    status: c.status as TChangeRequest['status'],
    signed: !!c.signedAt,
    needsConsent: needsConsent(kind),
    consented: !!c.consentAt,
    consentOwnerName: ownerName ?? null,
    requestedByName: by,
    createdAt: c.createdAt.toISOString(),
    appliedAt: c.appliedAt?.toISOString() ?? null,
    version: c.version,
    actions: changeActions(p, c, kind),
  }));
}
