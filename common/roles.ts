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
  'security_guard', // 门岗/秩序维护员 (FD-01: checks item release passes at the gate)
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
  // NT-01..NT-05: notices are drafted, posted and delivered by customer service, approved by the project manager.
  'notice.read',
  'notice.draft', // draft, submit, publish, take down, photos and delivery records
  'notice.approve', // NT-01: approve or send back a submitted notice (the project manager's role is checked too)
  // CR-01..CR-05: customer relations
  'relations.read', // key customers, visits, the floor-climb map, activities, lobby cards, figures
  'relations.visit', // record visits and keep the monthly visit plans
  'relations.manage', // the key list and its quarterly review, activities, articles, staff photos
  // PT-01..PT-03: patrols and facility plans.
  'patrol.read', // the patrol registers, the vacant-unit register, the month's figures
  'patrol.record', // record the daily patrol, its findings and rechecks, vacant-unit patrols
  'facility.read', // the equipment register and its plans
  'facility.manage', // add equipment and maintenance plans
  'facility.check', // record a check under a plan (a failure opens a work order)
  // FD-06: meeting rooms and the gym.
  'room.read', // rooms and their bookings
  'room.book', // book, cancel, record use (a fault opens a work order)
  'room.manage', // add rooms with capacity and fees
  // FD-01..FD-04: the front desk's registers.
  'frontdesk.read', // see passes, handover logs, call reviews, lost and found, the monthly figures
  'frontdesk.desk', // issue and check passes, write and sign handover logs, lost and found
  'frontdesk.gate', // FD-01: look a pass up by its number or check code at the gate and let it through once
  'frontdesk.review', // FD-03: log call-recording reviews (the manager or a delegate, supervisor or above)
  // QI-01..QI-03: quality inspections.
  'inspection.read', // see inspections, their findings and the monthly ranking
  'inspection.do', // start, record, confirm, submit and correct inspections
  'inspection.configure', // revise the company's inspection standards (with a company-wide grant)
  'rectification.close', // QI-04: the project manager closes a finding's rectification with evidence
  // SV-01..SV-04: satisfaction surveys.
  'survey.read', // surveys, their samples, answers, reports, measures and figures
  'survey.answer', // record an answer taken by phone or on site
  'survey.manage', // start and close surveys, improvement measures, publication to owners
  'survey.verify', // SV-04: the verification calls of the drawn answers
  'survey.configure', // revise the company's questionnaire (with a company-wide grant)
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
  // FD-01: the gate guard signs in, sees their projects and checks passes at the gate — nothing of the
  // desk: no customer register, no cases, no orders, no registers beyond the pass in hand.
  security_guard: ['project.read', 'frontdesk.gate'],
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

// NT-01: customer service drafts and posts notices; only the project manager approves them; the quality
// department and finance (who supply the annual figures, NT-05) read them.
const NOTICE_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  housekeeper: ['notice.read', 'notice.draft'],
  clerk: ['notice.read', 'notice.draft'],
  cs_supervisor: ['notice.read', 'notice.draft'],
  project_manager: ['notice.read', 'notice.draft', 'notice.approve'],
  quality_inspector: ['notice.read'],
  finance: ['notice.read'],
};
for (const [role, actions] of Object.entries(NOTICE_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];
// CR-01..CR-05: housekeepers visit and plan; the CS supervisor and the manager visit too and keep the key
// list, activities and articles; the desk and the quality department read.
const RELATION_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  housekeeper: ['relations.read', 'relations.visit'],
  clerk: ['relations.read'],
  cs_supervisor: ['relations.read', 'relations.visit', 'relations.manage'],
  project_manager: ['relations.read', 'relations.visit', 'relations.manage'],
  quality_inspector: ['relations.read'],
};
for (const [role, actions] of Object.entries(RELATION_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];
// PT-01..PT-03, FD-06: housekeepers patrol, the CS supervisor and the manager also spot-check (supervise.cs/pm);
// the engineering side keeps the equipment register and its checks; finance takes no part.
const PATROL_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  housekeeper: ['patrol.read', 'patrol.record', 'facility.read', 'room.read', 'room.book'],
  clerk: ['patrol.read', 'facility.read', 'room.read', 'room.book'],
  cs_supervisor: ['patrol.read', 'patrol.record', 'facility.read', 'room.read', 'room.book', 'room.manage'],
  dept_supervisor: ['patrol.read', 'facility.read', 'facility.manage', 'facility.check'],
  technician: ['facility.read', 'facility.check'],
  project_manager: ['patrol.read', 'patrol.record', 'facility.read', 'facility.manage', 'facility.check', 'room.read', 'room.book', 'room.manage'],
  quality_inspector: ['patrol.read', 'facility.read', 'room.read'],
};
for (const [role, actions] of Object.entries(PATROL_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];
// FD-01..FD-04: the desk, housekeepers and their supervisor keep the registers; reviews of recorded calls
// are the manager's or a supervisor's (FD-03); the quality department reads them.
const FRONTDESK_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  housekeeper: ['frontdesk.read', 'frontdesk.desk', 'frontdesk.gate'],
  clerk: ['frontdesk.read', 'frontdesk.desk', 'frontdesk.gate'],
  cs_supervisor: ['frontdesk.read', 'frontdesk.desk', 'frontdesk.gate', 'frontdesk.review'],
  project_manager: ['frontdesk.read', 'frontdesk.desk', 'frontdesk.gate', 'frontdesk.review'],
  quality_inspector: ['frontdesk.read'],
};
for (const [role, actions] of Object.entries(FRONTDESK_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];
// QI-01..QI-04: the quality department inspects, publishes the bulletin and accepts rectifications; the
// project's manager and CS supervisor read the results, and the manager closes the rectifications.
const INSPECTION_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  cs_supervisor: ['inspection.read'],
  project_manager: ['inspection.read', 'rectification.close'],
  quality_inspector: ['inspection.read', 'inspection.do', 'inspection.configure'],
};
for (const [role, actions] of Object.entries(INSPECTION_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];

// SV-01..SV-04: the desk and housekeepers take answers; the CS supervisor and the manager run the survey
// and its measures and call back drawn answers, as does the quality department, which keeps the
// questionnaire; department supervisors read the report (they own measures); technicians and finance take no part.
const SURVEY_GRANTS: Partial<Record<TRole, readonly TAction[]>> = {
  clerk: ['survey.read', 'survey.answer'],
  housekeeper: ['survey.read', 'survey.answer'],
  cs_supervisor: ['survey.read', 'survey.answer', 'survey.manage', 'survey.verify'],
  dept_supervisor: ['survey.read'],
  project_manager: ['survey.read', 'survey.answer', 'survey.manage', 'survey.verify'],
  quality_inspector: ['survey.read', 'survey.verify', 'survey.configure'],
};
for (const [role, actions] of Object.entries(SURVEY_GRANTS) as [TRole, TAction[]][]) ROLE_ACTIONS[role] = [...ROLE_ACTIONS[role], ...actions];

/** Roles whose grant may cover every project of the company (project_id null). */
export const COMPANY_WIDE_ROLES: readonly TRole[] = ['company_admin', 'quality_inspector'];

// Issue 16 item 6: the staff menu's work areas. Each role sees only the areas it can act in — it holds one
// of the area's acting grants (reading alone is not acting) — and the overseers (audit.read: the CS
// supervisor, the project manager, the quality department) act in every area by supervising it. The
// role home (工作台) and the reference data (基础资料) are everyone's.
export const MENU_GROUPS = ['home', 'desk', 'orders', 'paid', 'relations', 'frontdesk', 'patrols', 'quality', 'basics'] as const;
export type TMenuGroup = (typeof MENU_GROUPS)[number];
export const MENU_GROUP_ACTS: Record<TMenuGroup, readonly TAction[] | 'everyone'> = {
  home: 'everyone',
  desk: ['case.create', 'case.manage', 'followup.do', 'faq.write', 'supervise.cs', 'supervise.pm'],
  orders: ['wo.dispatch', 'wo.work', 'wo.desk', 'wo.confirm'],
  paid: ['paid.register', 'cash.confirm', 'paid.report', 'catalog.write'],
  relations: ['archive.manage', 'archive.configure', 'archive.log', 'notice.draft', 'notice.approve', 'relations.visit', 'relations.manage'],
  frontdesk: ['frontdesk.desk', 'frontdesk.gate', 'frontdesk.review', 'room.book', 'room.manage'],
  patrols: ['patrol.record', 'facility.manage', 'facility.check'],
  quality: ['inspection.do', 'inspection.read', 'case.manage', 'rectification.close', 'survey.answer', 'survey.manage', 'survey.verify'],
  basics: 'everyone',
};
export function menuGroupShown(group: TMenuGroup, holds: (a: TAction) => boolean): boolean {
  const acts = MENU_GROUP_ACTS[group];
  return acts === 'everyone' || holds('audit.read') || acts.some(holds);
}
