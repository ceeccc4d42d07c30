// Writes in-app notices; a repeated cause (same user, same key) is written once.
import type { Tx } from '../../platform/db';
import { notifications } from './tables';

export interface Notice {
  companyId: string;
  projectId: string | null;
  userIds: string[];
  kind: string; // a key under notifications.* in the catalog
  entity: 'case' | 'work_order' | 'followup';
  entityId: string;
  params: Record<string, string>;
  dedupeKey: string;
  at?: Date; // the command's clock; the wall time when absent
}

export async function notify(tx: Tx, n: Notice): Promise<number> {
  const users = [...new Set(n.userIds)];
  if (!users.length) return 0;
  const rows = await tx
    .insert(notifications)
    .values(users.map((userId) => ({ companyId: n.companyId, projectId: n.projectId, userId, kind: n.kind, entity: n.entity, entityId: n.entityId, params: n.params, dedupeKey: n.dedupeKey, ...(n.at ? { createdAt: n.at } : {}) })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}
