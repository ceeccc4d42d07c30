// IN-01: the case owner (首问责任人) answers for the case; supervisors with case.manage may act on any.
import type { Principal } from '../../platform/policy';
import { can } from '../../platform/policy';
import type { cases } from './tables';

export type CaseAction = 'transfer' | 'reply' | 'close' | 'add_order';

export function mayManageCase(p: Principal, c: Pick<typeof cases.$inferSelect, 'ownerId' | 'projectId'>): boolean {
  return c.ownerId === p.userId || can(p, 'case.manage', c.projectId);
}

export function caseActions(p: Principal, c: typeof cases.$inferSelect): CaseAction[] {
  if (!mayManageCase(p, c) || c.status === 'closed' || c.status === 'cancelled') return [];
  const out: CaseAction[] = ['transfer', 'add_order'];
  // IN-05: a case is closed only after the customer has been answered.
  if (c.status === 'open') out.push('reply');
  else if (c.category !== 'complaint') out.push('close'); // CP-01: complaints close at their follow-up
  return out;
}
