// AR-04: personal numbers in lists and exports are masked; the whole number only on a detail view, and
// only for a role that calls the customer back (common/roles.ts: personal.read).
import { maskPhone } from '../../common/mask';
import { runCommand } from './audit';
import type { Db } from './db';
import { can, type Principal } from './policy';

export type View = 'list' | 'detail';

export function shownPhone<T extends string | null>(p: Principal, projectId: string, phone: T, view: View): T {
  return view === 'detail' && can(p, 'personal.read', projectId) ? phone : (maskPhone(phone) as T);
}

/** Exports carry personal data out of the system: each one is on record — who, which list, which filters. */
export async function recordExport(db: Db, p: Principal, projectId: string, list: string, filters: unknown) {
  await runCommand(db, p, ({ audit }) => audit({ entity: 'project', entityId: projectId, projectId, action: 'export', after: { list, filters } }));
}

/**
 * A detail view that showed whole personal numbers, on record until the archives' view log takes over
 * (a plain audit event: who looked at whom, when).
 */
export async function recordPersonalView(db: Db, p: Principal, entity: string, entityId: string, projectId: string) {
  await runCommand(db, p, ({ audit }) => audit({ entity, entityId, projectId, action: 'view_personal' }));
}
