// NT-01, NT-02: who may do what with a notice, and the notice's state machine as one table. Reading needs
// notice.read in its project (another project's notice is a 404); approval needs the project manager.
import type { TNoticeAction, TNoticeDetail, TNoticeStatus } from '../../../common/notices';
import type { TAction } from '../../../common/roles';
import { authorize, can, type Principal } from '../../platform/policy';
import type { notices } from './tables';

export function authorizeNotice(p: Principal, action: TAction, projectId: string): void {
  authorize(p, action, projectId, 'notice.read');
}

/** NT-01: approval is the project manager's own — a grant of that role on the notice's project. */
export const isProjectManager = (p: Principal, projectId: string) => p.grants.some((g) => g.role === 'project_manager' && g.projectId === projectId);

interface Transition {
  from: readonly TNoticeStatus[];
  to: TNoticeStatus;
  access: TAction;
  managerOnly?: boolean;
  /** the refusal when the notice is not in a `from` state (default illegal_transition) */
  refusal?: 'notice_not_approved';
}

/** The state machine: each action, the states it leaves, the state it reaches and who may take it. */
export const NOTICE_TRANSITIONS: Record<TNoticeAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', access: 'notice.draft' },
  approve: { from: ['submitted'], to: 'approved', access: 'notice.approve', managerOnly: true },
  reject: { from: ['submitted'], to: 'draft', access: 'notice.approve', managerOnly: true }, // sent back with a reason
  publish: { from: ['approved'], to: 'published', access: 'notice.draft', refusal: 'notice_not_approved' }, // NT-01
  expire: { from: ['published'], to: 'expired', access: 'notice.draft' }, // by the job at the end of validity, or by hand after it
  take_down: { from: ['published', 'expired'], to: 'taken_down', access: 'notice.draft' },
};

export function mayTake(p: Principal, n: Pick<typeof notices.$inferSelect, 'projectId' | 'status' | 'validUntil'>, action: TNoticeAction, now: Date): boolean {
  const t = NOTICE_TRANSITIONS[action];
  if (!t.from.includes(n.status as TNoticeStatus) || !can(p, t.access, n.projectId)) return false;
  if (t.managerOnly && !isProjectManager(p, n.projectId)) return false;
  if (action === 'expire' && n.validUntil > now) return false;
  if (action === 'publish' && n.validUntil <= now) return false;
  return true;
}

export function noticeActions(p: Principal, n: typeof notices.$inferSelect, now: Date): TNoticeDetail['actions'] {
  const out: TNoticeDetail['actions'] = (Object.keys(NOTICE_TRANSITIONS) as TNoticeAction[]).filter((a) => mayTake(p, n, a, now));
  if (!can(p, 'notice.draft', n.projectId)) return out;
  if (n.status === 'draft') out.push('edit');
  if (n.status !== 'draft' && n.status !== 'submitted') out.push('photo');
  if (n.status === 'published' || n.status === 'expired' || n.status === 'taken_down') out.push('deliver');
  return out;
}
