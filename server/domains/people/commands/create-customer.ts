// ORG-06: register an owner or tenant of a unit; a tenant names the consenting owner of the same unit.
import { and, eq, isNull } from 'drizzle-orm';
import type { TCustomerCreate } from '../../../../common/people';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { loadUnit } from '../../org/queries';
import { customerDetail } from '../queries';
import { customers, customerUnits } from '../tables';

export async function createCustomer(db: Db, p: Principal, input: TCustomerCreate) {
  return runCommand(db, p, async ({ tx, audit }) => {
    const unit = await loadUnit(tx, p, input.unitId, 'customer.write');
    if (unit.projectId !== input.projectId) throw invalidField('unitId', 'unknown_unit');
    if (input.relation === 'tenant') {
      const [consent] = await tx
        .select({ id: customerUnits.id })
        .from(customerUnits)
        .where(
          and(
            eq(customerUnits.unitId, unit.id),
            eq(customerUnits.customerId, input.consentingOwnerId!),
            eq(customerUnits.relation, 'owner'),
            isNull(customerUnits.endedAt),
          ),
        );
      if (!consent) throw invalidField('consentingOwnerId', 'owner_not_in_unit');
    }
    const [c] = await tx
      .insert(customers)
      .values({
        companyId: p.companyId,
        projectId: unit.projectId,
        kind: input.kind,
        name: input.name,
        phone: input.phone,
        idNumber: input.idNumber ?? null,
        emergencyContacts: input.emergencyContacts,
      })
      .returning();
    await tx.insert(customerUnits).values({
      companyId: p.companyId,
      projectId: unit.projectId,
      customerId: c.id,
      unitId: unit.id,
      relation: input.relation,
      consentingOwnerId: input.relation === 'tenant' ? input.consentingOwnerId! : null,
      since: new Date().toISOString().slice(0, 10),
    });
    const { idNumber: _secret, ...logged } = input; // the audit trail carries no ID numbers
    await audit({ entity: 'customer', entityId: c.id, projectId: unit.projectId, action: 'create', after: logged });
    return customerDetail(tx, p, c.id);
  });
}
