// FD-01..FD-04: who may do what with the front desk's registers. Reading needs frontdesk.read in the
// record's project (another project's record is a 404); the desk's writes frontdesk.desk; call reviews
// frontdesk.review (the manager or a supervisor, FD-03).
import { authorize, type Principal } from '../../platform/policy';

export type FrontdeskAction = 'frontdesk.read' | 'frontdesk.desk' | 'frontdesk.review';

export function authorizeFrontdesk(p: Principal, action: FrontdeskAction, projectId: string): void {
  authorize(p, action, projectId, 'frontdesk.read');
}
