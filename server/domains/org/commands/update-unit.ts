// ORG-03: a unit's area, use, handover date, state and group-owned flag change through one audited command.
import { and, eq, sql } from 'drizzle-orm';
import type { TUnitUpdate } from '../../../../common/org';
import { diff, runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { loadUnit } from '../queries';
import { units } from '../tables';

export async function updateUnit(db: Db, p: Principal, unitId: string, input: TUnitUpdate) {
  return runCommand(db, p, async ({ tx, audit }) => {
    const before = await loadUnit(tx, p, unitId, 'space.write');
    const { version, ...patch } = input;
    updatedOrStale(
      await tx
        .update(units)
        .set({ ...patch, version: sql`${units.version} + 1` })
        .where(and(eq(units.id, unitId), eq(units.version, version)))
        .returning({ id: units.id }),
    );
    await audit({ entity: 'unit', entityId: unitId, projectId: before.projectId, action: 'update', ...diff(before, patch) });
    return loadUnit(tx, p, unitId);
  });
}
