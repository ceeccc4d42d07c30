// AR-04: who may do what with an archive. Reading needs archive.read in its project (another project's
// archive is a 404); filing and change requests need archive.manage; exports archive.export.
import type { TArchiveDetail } from '../../../common/archives';
import { authorize, can, type Principal } from '../../platform/policy';
import type { archives } from './tables';

export type ArchiveAction = 'archive.read' | 'archive.manage' | 'archive.export';

export function authorizeArchive(p: Principal, action: ArchiveAction, projectId: string): void {
  authorize(p, action, projectId, 'archive.read');
}

export function archiveActions(p: Principal, a: typeof archives.$inferSelect): TArchiveDetail['actions'] {
  const out: TArchiveDetail['actions'] = [];
  if (can(p, 'archive.export', a.projectId)) out.push('export');
  if (a.retiredAt || !can(p, 'archive.manage', a.projectId)) return out;
  out.push('edit', 'file', 'retire');
  if (a.customerId) out.push('change');
  return out;
}
