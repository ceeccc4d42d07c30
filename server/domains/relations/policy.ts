// CR-01..CR-05: who may do what in customer relations. Reading needs relations.read in the project (another
// project's record is a 404); visits and plans relations.visit; the key list, activities and articles
// relations.manage; the targets settings.write.
import type { TVisitorRole } from '../../../common/relations';
import { authorize, can, type Principal } from '../../platform/policy';

export type RelationAction = 'relations.read' | 'relations.visit' | 'relations.manage' | 'settings.write';

export function authorizeRelations(p: Principal, action: RelationAction, projectId: string): void {
  authorize(p, action, projectId, 'relations.read');
}

export const canManageRelations = (p: Principal, projectId: string) => can(p, 'relations.manage', projectId);

/** CR-03: the role a visit counts for — the highest the visitor holds in the project, as it was that day. */
export function visitorRole(p: Principal, projectId: string): TVisitorRole {
  const held = new Set(p.grants.filter((g) => g.projectId === projectId).map((g) => g.role));
  if (held.has('project_manager')) return 'project_manager';
  if (held.has('cs_supervisor')) return 'cs_supervisor';
  if (held.has('housekeeper')) return 'housekeeper';
  return 'other';
}
