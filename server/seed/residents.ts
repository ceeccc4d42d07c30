// one demo resident per demo project, with a phone number the README names: the owner of the
// project's first rented home (1660000000N, N = 1 翠湖苑, 2 国贸中心, 3 碧山雅苑) and that home's tenant, who
// has the owner's consent (1660000001N). They sign in at /m/ with the code shown on the page in demo mode.
import type { Tx } from '../platform/db';
import type { customers, customerUnits } from '../domains/people/tables';
import { residentAccounts } from '../domains/residents/tables';

export const DEMO_RESIDENT_PHONES = ['16600000001', '16600000002', '16600000003'] as const;
export const DEMO_TENANT_PHONES = ['16600000011', '16600000012', '16600000013'] as const;

type CustomerRow = typeof customers.$inferInsert & { id: string };
type LinkRow = typeof customerUnits.$inferInsert;

/** Gives the demo residents their documented numbers (before the customers are inserted). */
export function assignDemoResidents(projectIds: string[], rows: { customers: CustomerRow[]; links: LinkRow[] }): void {
  const byId = new Map(rows.customers.map((c) => [c.id, c]));
  const person = (id: string | null | undefined) => !!id && byId.get(id)?.kind === 'person';
  projectIds.forEach((projectId, i) => {
    const tenants = rows.links.filter((l) => l.projectId === projectId && l.relation === 'tenant' && person(l.consentingOwnerId));
    // A person renting from a person; in an office tower, a company renting from a person will do.
    const tenantLink = tenants.find((l) => person(l.customerId)) ?? tenants[0];
    if (tenantLink) {
      byId.get(tenantLink.consentingOwnerId!)!.phone = DEMO_RESIDENT_PHONES[i];
      byId.get(tenantLink.customerId)!.phone = DEMO_TENANT_PHONES[i];
      return;
    }
    const ownerLink = rows.links.find((l) => l.projectId === projectId && l.relation === 'owner' && person(l.customerId));
    if (ownerLink) byId.get(ownerLink.customerId)!.phone = DEMO_RESIDENT_PHONES[i];
  });
}

/** The demo residents' portal accounts, so the desk's lists and the portal know them from the start. */
export async function seedResidentAccounts(tx: Tx, companyId: string, list: CustomerRow[]): Promise<void> {
  const phones = new Set<string>([...DEMO_RESIDENT_PHONES, ...DEMO_TENANT_PHONES]);
  const rows = [...new Set(list.filter((c) => phones.has(c.phone)).map((c) => c.phone))].map((phone) => ({ companyId, phone }));
  if (rows.length) await tx.insert(residentAccounts).values(rows).onConflictDoNothing();
}
