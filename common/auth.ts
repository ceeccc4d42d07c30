// Sign-in and the current user's grants.
import * as z from 'zod';
import { ZDepartmentKind } from './org';
import { ZAction, ZRole } from './roles';
import { ZId, LOCALES } from './shared';

export const ZLogin = z.object({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
});

export const ZMe = z.object({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  /** The post is named by role and department: a technician of engineering is a 维修工 (issue 18). */
  departmentKind: ZDepartmentKind.nullable(),
  companyId: ZId,
  companyName: z.string(),
  locale: z.enum(LOCALES),
  roles: z.array(z.object({ role: ZRole, projectId: ZId.nullable() })),
  projects: z.array(z.object({ id: ZId, name: z.string(), type: z.string(), actions: z.array(ZAction) })),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLocaleUpdate = z.object({ locale: z.enum(LOCALES) });

// Sign-in throttles the company admin sees and clears (issue 12): a user name or a client address.
export const ZThrottle = z.object({
  id: ZId,
  kind: z.enum(['name', 'ip']),
  subject: z.string(),
  failures: z.number().int(),
  blockedUntil: z.string().nullable(),
  lastAttemptAt: z.string(),
});
export type TThrottle = z.infer<typeof ZThrottle>;
