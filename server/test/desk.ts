// Factories for desk tests: a principal for a demo user, and a repair case with its order.
import { eq } from 'drizzle-orm';
import type { TCaseDetail } from '../../common/desk';
import type { Db } from '../platform/db';
import type { Principal } from '../platform/policy';
import { principalForUser } from '../domains/auth/session';
import { createCase } from '../domains/cases/commands/create-case';
import { units } from '../domains/org/tables';
import { users } from '../domains/people/tables';

export async function principalOf(db: Db, username: string): Promise<Principal> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return principalForUser(db, u.id, u.companyId, 'zh-CN');
}

export async function userId(db: Db, username: string): Promise<string> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u.id;
}

/** A repair reported by phone at `now` (default: the wall clock) in the given project. */
export async function repairCase(
  db: Db,
  clerk: string,
  projectId: string,
  opts: { now?: Date; paid?: boolean; public?: boolean; priority?: 'normal' | 'emergency' } = {},
): Promise<TCaseDetail> {
  const p = await principalOf(db, clerk);
  const [unit] = await db.select().from(units).where(eq(units.projectId, projectId)).limit(1);
  return createCase(
    db,
    p,
    {
      projectId,
      channel: 'phone',
      category: 'repair',
      unitId: unit.id,
      callerName: '王先生',
      callerPhone: '13800138000',
      content: '厨房水龙头漏水',
      confirmedWithCaller: true,
      order: {
        trade: 'water',
        priority: opts.priority ?? 'normal',
        locationKind: opts.public ? 'public' : 'unit',
        publicLocation: opts.public ? '2栋大堂' : undefined,
        description: '厨房水龙头漏水，需更换阀芯',
        department: 'engineering',
        paid: opts.paid ?? false,
      },
    },
    opts.now,
  );
}

export { SIGNATURE } from '../seed/signature';
