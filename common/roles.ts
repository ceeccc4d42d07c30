// ORG-05: staff roles, scoped to projects, and what each may do. The one source for server policy and web buttons.
import * as z from 'zod';

export const ROLES = [
  'clerk', // 客服员/前台
  'housekeeper', // 管家/楼管员
  'cs_supervisor', // 客服主管
  'dept_supervisor', // 工程主管/保洁主管
  'technician', // 维修工/保洁员
  'finance', // 财务
  'project_manager', // 项目经理
  'quality_inspector', // 品质专员
  'company_admin', // 公司管理员
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ACTIONS = [
  'project.read',
  'project.manage',
  'space.read',
  'space.write',
  'customer.read',
  'customer.write',
  'calendar.write',
  'staff.read',
  'staff.manage',
  'audit.read',
  'case.read',
  'case.create',
  'case.manage', // transfer, reply and close any case (its owner may always do so for their own)
  'wo.read',
  'wo.dispatch',
  'wo.work', // accept, start, complete the orders assigned to oneself
  'wo.desk', // record the customer's consent, close, cancel
  'wo.confirm', // confirm a public-area repair on site (WO-05)
  'followup.do',
  'faq.write',
  'settings.write',
  'catalog.write', // PS-01: the paid-service catalogue and its prices
  'paid.register', // PS-02: only the customer-service desk takes paid orders, collects fees and hands over cash
  'paid.report', // PS-09: the monthly summary and reconciliation
  'cash.confirm', // PS-07: finance confirms the day's takings
  'supervise.cs', // RV-02: the CS supervisor re-checks 30% of return visits
  'supervise.pm', // RV-02: the project manager re-checks 10%
  'personal.read', // AR-04: the whole phone number on a detail view (lists and exports always mask it)
  // AR-04: customer archives are confidential; each action is granted on purpose.
  'archive.read', // see archives and, on a logged detail view, the full personal data
  'archive.manage', // open archives, file documents, raise change requests
  'archive.export', // export archive lists (each export logged)
  'archive.log', // read the view and export log
  'archive.configure', // edit the company's document checklists
  // QI-01..QI-03: quality inspections.
  'inspection.read', // see inspections, their findings and the monthly ranking
  'inspection.do', // start, record, confirm, submit and correct inspections
  'inspection.configure', // revise the company's inspection standards (with a company-wide grant)
] as const;
export const ZAction = z.enum(ACTIONS);
export type TAction = z.infer<typeof ZAction>;

const READ: TAction[] = ['project.read', 'space.read', 'customer.read', 'staff.read', 'case.read', 'wo.read'];
const DESK: TAction[] = ['customer.write', 'case.create', 'wo.desk', 'followup.do'];
// AR-04: whoever calls customers back sees their whole number on a detail view; finance does not.
const CALLS: TAction[] = ['personal.read'];

export const ROLE_ACTIONS: Record<TRole, readonly TAction[]> = {
  housekeeper: [...READ, ...DESK, ...CALLS, 'wo.confirm'],
  clerk: [...READ, ...DESK, ...CALLS, 'paid.register'],
  cs_supervisor: [...READ, ...DESK, ...CALLS, 'space.write', 'audit.read', 'case.manage', 'wo.dispatch', 'faq.write', 'catalog.write', 'paid.register', 'paid.report', 'supervise.cs'],
  dept_supervisor: [...READ, ...CALLS, 'wo.dispatch', 'wo.confirm'],
  // Technicians see the orders assigned to them, not the desk's cases; the customer they need is the
  // one on those orders (name and number on the order), not the project's customer register (AR-04).
  technician: ['project.read', 'space.read', 'wo.read', 'wo.work', ...CALLS],
  finance: [...READ, 'paid.report', 'cash.confirm'],
  project_manager: [...READ, ...DESK, ...CALLS, 'space.write', 'calendar.write', 'project.manage', 'audit.read', 'case.manage', 'wo.dispatch', 'faq.write', 'settings.write', 'catalog.write', 'paid.report', 'supervise.pm'],
  // CP-04: the quality department contacts the owner of a company-level complaint.
  quality_inspector: [...READ, ...CALLS, 'audit.read', 'paid.report'],
  company_admin: [...ACTIONS],
};

// AR-04: who sees customer archives — the desk and housekeepers who file them, their supervisor, the
// project manager and the quality department; not technicians, department supervisors or finance.
const ARCHIVE_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  housekeeper: ['archive.read', 'archive.manage'],
  clerk: ['archive.read', 'archive.manage'],
  cs_supervisor: ['archive.read', 'archive.manage', 'archive.export'],
  project_manager: ['archive.read', 'archive.manage', 'archive.export', 'archive.log'],
  quality_inspector: ['archive.read', 'archive.export', 'archive.log'],
};
for (const [role, actions] of Object.entries(ARCHIVE_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];

// QI-01..QI-03: the quality department inspects; the project's manager and CS supervisor read the results.
const INSPECTION_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  cs_supervisor: ['inspection.read'],
  project_manager: ['inspection.read'],
  quality_inspector: ['inspection.read', 'inspection.do', 'inspection.configure'],
};
for (const [role, actions] of Object.entries(INSPECTION_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];

/** Roles whose grant may cover every project of the company (project_id null). */
export const COMPANY_WIDE_ROLES: readonly TRole[] = ['company_admin', 'quality_inspector'];
