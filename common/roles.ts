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
] as const;
export const ZAction = z.enum(ACTIONS);
export type TAction = z.infer<typeof ZAction>;

const READ: TAction[] = ['project.read', 'space.read', 'customer.read', 'staff.read'];

export const ROLE_ACTIONS: Record<TRole, readonly TAction[]> = {
  clerk: [...READ, 'customer.write'],
  housekeeper: [...READ, 'customer.write'],
  cs_supervisor: [...READ, 'customer.write', 'space.write', 'audit.read'],
  dept_supervisor: [...READ],
  technician: ['project.read', 'space.read', 'customer.read'],
  finance: [...READ],
  project_manager: [...READ, 'customer.write', 'space.write', 'calendar.write', 'project.manage', 'audit.read'],
  quality_inspector: [...READ, 'audit.read'],
  company_admin: [...ACTIONS],
};

/** Roles whose grant may cover every project of the company (project_id null). */
export const COMPANY_WIDE_ROLES: readonly TRole[] = ['company_admin', 'quality_inspector'];
