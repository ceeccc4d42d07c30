// PT-01..PT-03: who may do what. Reading needs patrol.read (facility.read for equipment) in the record's
// project — another project's record is a 404; a readable project without the action answers 403.
import type { TAction } from '../../../common/roles';
import { authorize, type Principal } from '../../platform/policy';

export type PatrolAction = 'patrol.read' | 'patrol.record';
export type FacilityAction = 'facility.read' | 'facility.manage' | 'facility.check';

export function authorizePatrol(p: Principal, action: PatrolAction, projectId: string): void {
  authorize(p, action, projectId, 'patrol.read');
}

export function authorizeFacility(p: Principal, action: FacilityAction, projectId: string): void {
  authorize(p, action, projectId, 'facility.read');
}

/** RV-02's two levels, reused for patrol records (PT-01): the CS supervisor 30 %, the manager 10 %. */
export const CHECK_LEVELS = [
  { level: 'supervisor', action: 'supervise.cs' },
  { level: 'manager', action: 'supervise.pm' },
] as const satisfies readonly { level: string; action: TAction }[];
