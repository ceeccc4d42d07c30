// CP-03: a major complaint raises its severity and tells the project manager and the quality department.
import type { Tx } from '../../platform/db';
import { holdersOf } from '../deadlines/recipients';
import { notify } from '../notifications/notify';
import type { complaints } from './tables';

export async function notifyMajor(tx: Tx, k: typeof complaints.$inferSelect, caseNumber: string, at: Date) {
  await notify(tx, {
    companyId: k.companyId,
    projectId: k.projectId,
    userIds: await holdersOf(tx, k.projectId, ['project_manager', 'quality_inspector']),
    kind: 'major_complaint',
    entity: 'complaint',
    entityId: k.id,
    params: { number: caseNumber, type: `ui.complaintType.${k.type}` },
    dedupeKey: `major:${k.id}`,
    at,
  });
}
