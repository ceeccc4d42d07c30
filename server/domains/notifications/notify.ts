// Writes in-app notices; a repeated cause (same user, same key) is written once.
import type { Tx } from '../../platform/db';
import { notifications } from './tables';

export interface Notice {
  companyId: string;
  projectId: string | null;
  userIds: string[];
  kind: string; // a key under notifications.* in the catalog
  entity: 'case' | 'work_order' | 'followup' | 'complaint' | 'cash_handover' | 'archive' | 'slip_bundle' | 'inspection_bulletin' | 'rectification' | 'visit' | 'survey' | 'pass_request';
  entityId: string;
  params: Record<string, string>;
  dedupeKey: string;
  at?: Date; // the command's clock; the wall time when absent
}

export function notify(tx: Tx, n: Notice): Promise<number> {
  return notifyMany(tx, [n]);
}

/** Many notices in few statements (the sweeper's batch); returns how many were new. */
export async function notifyMany(tx: Tx, notices: Notice[]): Promise<number> {
  const rows = notices.flatMap((n) =>
    [...new Set(n.userIds)].map((userId) => ({ companyId: n.companyId, projectId: n.projectId, userId, kind: n.kind, entity: n.entity, entityId: n.entityId, params: n.params, dedupeKey: n.dedupeKey, ...(n.at ? { createdAt: n.at } : {}) })),
  );
  let written = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    written += (await tx.insert(notifications).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ id: notifications.id })).length;
  }
  return written;
}
