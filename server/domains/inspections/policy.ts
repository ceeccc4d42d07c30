// QI-02: the quality department (and the company admin) inspects; managers and CS supervisors read the
// results of their projects. Another project's inspection is a 404.
import type { TInspectionDetail } from '../../../common/inspections';
import { authorize, can, holdsCompanyWide, type Principal } from '../../platform/policy';

export function authorizeInspection(p: Principal, action: 'inspection.read' | 'inspection.do', projectId: string): void {
  authorize(p, action, projectId, 'inspection.read');
}

export function inspectionActions(p: Principal, i: { projectId: string; status: string }): TInspectionDetail['actions'] {
  if (!can(p, 'inspection.do', i.projectId)) return [];
  return i.status === 'draft' ? ['edit', 'submit'] : ['correct'];
}

/** QI-01: the standards are the company's; only a company-wide grant revises them. */
export const mayConfigureStandards = (p: Principal) => holdsCompanyWide(p, 'inspection.configure');
