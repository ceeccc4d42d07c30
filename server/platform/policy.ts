// The one reviewed scoping function: which projects a principal may act on, per action (STYLE: the server decides).
import { ROLE_ACTIONS, type TAction, type TRole } from '../../common/roles';
import { forbidden, notFound } from './errors';

export interface Grant {
  role: TRole;
  projectId: string | null; // null: every project of the company
}

export interface Principal {
  userId: string;
  companyId: string;
  locale: 'zh-CN' | 'en';
  grants: Grant[];
  /** project id → actions allowed there, resolved once per request from the grants. */
  projectActions: Map<string, Set<TAction>>;
}

export function resolveProjectActions(grants: Grant[], companyProjectIds: string[]): Map<string, Set<TAction>> {
  const out = new Map<string, Set<TAction>>();
  for (const g of grants) {
    for (const pid of g.projectId ? [g.projectId] : companyProjectIds) {
      const set = out.get(pid) ?? new Set<TAction>();
      for (const a of ROLE_ACTIONS[g.role]) set.add(a);
      out.set(pid, set);
    }
  }
  return out;
}

export function can(p: Principal, action: TAction, projectId: string): boolean {
  return p.projectActions.get(projectId)?.has(action) ?? false;
}

/** Project ids where the principal may do `action`; every list query filters by this. */
export function projectsWhere(p: Principal, action: TAction): string[] {
  const ids: string[] = [];
  for (const [pid, actions] of p.projectActions) if (actions.has(action)) ids.push(pid);
  return ids;
}

export function holdsAnywhere(p: Principal, action: TAction): boolean {
  return projectsWhere(p, action).length > 0;
}

/**
 * Refuses a record outside the principal's reach. A project the user cannot read answers 404 so
 * ids of other projects leak nothing; a readable project without the action answers 403.
 */
export function authorize(p: Principal, action: TAction, projectId: string, readAction: TAction): void {
  if (can(p, action, projectId)) return;
  if (!can(p, readAction, projectId)) throw notFound();
  throw forbidden();
}

/** Whether a company-wide grant (every project) carries the action — for company-level records. */
export function holdsCompanyWide(p: Principal, action: TAction): boolean {
  return p.grants.some((g) => g.projectId === null && ROLE_ACTIONS[g.role].includes(action));
}
