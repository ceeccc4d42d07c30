// CP-01, CP-04: who may take which step on a complaint. Supervisors and the project manager (case.manage)
// assign, escalate, report and resolve; the handler resolves what was given to them; the desk follows up.
import type { TComplaint } from '../../../common/complaints';
import { can, type Principal } from '../../platform/policy';
import type { cases } from '../cases/tables';
import type { complaints } from './tables';

export function complaintActions(p: Principal, k: typeof complaints.$inferSelect, c: typeof cases.$inferSelect): TComplaint['actions'] {
  if (k.status === 'closed') return [];
  const manager = can(p, 'case.manage', k.projectId);
  const out: TComplaint['actions'] = [];
  if (manager) out.push('assign');
  if (manager && k.severity !== 'major') out.push('escalate');
  if (manager && k.companyLevel && !k.contactedAt) out.push('contact');
  if (manager && k.companyLevel) out.push('progress');
  if (k.status === 'open' && (manager || k.handlerId === p.userId)) out.push('resolve');
  // CP-01: the follow-up comes after the resolution and the reply to the customer.
  if (k.status === 'resolved' && c.repliedAt && (manager || can(p, 'followup.do', k.projectId))) out.push('followup');
  return out;
}
