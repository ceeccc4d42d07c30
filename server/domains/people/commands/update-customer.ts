// ORG-06: contact details of a customer, with the version check against concurrent edits.
import { and, eq, sql } from 'drizzle-orm';
import type { TCustomerUpdate } from '../../../../common/people';
import { diff, runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { customerDetail, loadCustomer } from '../queries';
import { customers } from '../tables';

export async function updateCustomer(db: Db, p: Principal, id: string, input: TCustomerUpdate) {
  return runCommand(db, p, async ({ tx, audit }) => {
    const before = await loadCustomer(tx, p, id, 'customer.write');
    const { version, ...patch } = input;
    // AR-03: name and phone are archive data; they change only through a signed change request.
    if ((patch.name !== undefined && patch.name !== before.name) || (patch.phone !== undefined && patch.phone !== before.phone)) throw new AppError(409, 'protected_field');
    updatedOrStale(
      await tx
        .update(customers)
        .set({ ...patch, version: sql`${customers.version} + 1` })
        .where(and(eq(customers.id, id), eq(customers.version, version)))
        .returning({ id: customers.id }),
    );
    await audit({ entity: 'customer', entityId: id, projectId: before.projectId, action: 'update', ...diff(before, patch) });
    return customerDetail(tx, p, id);
  });
}
