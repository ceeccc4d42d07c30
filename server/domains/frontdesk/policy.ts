// FD-01..FD-04: who may do what with the front desk's registers. Reading needs frontdesk.read in the
// record's project (another project's record is a 404); the desk's writes frontdesk.desk; call reviews
// frontdesk.review (the manager or a supervisor, FD-03).
import { authorize, can, type Principal } from '../../platform/policy';

export type FrontdeskAction = 'frontdesk.read' | 'frontdesk.desk' | 'frontdesk.gate' | 'frontdesk.review';

/** The gate (FD-01) is held by staff who read nothing else of the desk (the guard): its refusal is read on the project. */
export function authorizeFrontdesk(p: Principal, action: FrontdeskAction, projectId: string): void {
  authorize(p, action, projectId, action === 'frontdesk.gate' ? 'project.read' : 'frontdesk.read');
}

/** A pass is shown to whoever reads the registers or checks passes at the gate. */
export const mayShowPass = (p: Principal, projectId: string) => can(p, 'frontdesk.read', projectId) || can(p, 'frontdesk.gate', projectId);
