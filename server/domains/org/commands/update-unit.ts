// ORG-03: a unit's area, use, handover date, state and group-owned flag change through one audited command.
import { and, eq, sql } from 'drizzle-orm';
import type { TUnitUpdate } from '../../../../common/org';
import { diff, runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { toLocal } from '../../../platform/clock';
import { endOfLocalDay } from '../../deadlines/sync';
import { syncVacantDue } from '../../patrols/vacant';
import { loadUnit, projectTimezone } from '../queries';
import { units } from '../tables';

export async function updateUnit(db: Db, p: Principal, unitId: string, input: TUnitUpdate) {
  return runCommand(db, p, async ({ tx, audit, now }) => {
    const before = await loadUnit(tx, p, unitId, 'space.write');
    const { version, ...patch } = input;
    updatedOrStale(
      await tx
        .update(units)
        .set({ ...patch, version: sql`${units.version} + 1` })
        .where(and(eq(units.id, unitId), eq(units.version, version)))
        .returning({ id: units.id }),
    );
    // PT-02, X-01: a unit that becomes vacant is due a patrol at once (today); one that stops being vacant is off the round.
    if (patch.state && (patch.state === 'vacant') !== (before.state === 'vacant')) {
      const tz = await projectTimezone(tx, before.projectId);
      await syncVacantDue(tx, { id: unitId, companyId: p.companyId, projectId: before.projectId }, patch.state === 'vacant' ? endOfLocalDay(toLocal(now, tz).date, tz) : null, now);
    }
    await audit({ entity: 'unit', entityId: unitId, projectId: before.projectId, action: 'update', ...diff(before, patch) });
    return loadUnit(tx, p, unitId);
  });
}
