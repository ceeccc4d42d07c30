// Turns a session cookie into a Principal: one lookup of session, user, grants and company projects.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { TAction } from '../../../common/roles';
import type { Db, DbOrTx } from '../../platform/db';
import { resolveProjectActions, type Grant, type Principal } from '../../platform/policy';
import { projects } from '../org/tables';
import { userRoles, users } from '../people/tables';
import { sessions } from './tables';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: DbOrTx, user: { id: string; companyId: string }, hours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    companyId: user.companyId,
    userId: user.id,
    expiresAt: new Date(Date.now() + hours * 3_600_000),
  });
  return token;
}

export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const [row] = await db
    .select({ userId: users.id, companyId: users.companyId, locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.endedAt), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  return principalForUser(db, row.userId, row.companyId, row.locale === 'en' ? 'en' : 'zh-CN');
}

async function grantsOf(db: DbOrTx, userId: string, companyId: string): Promise<Grant[]> {
  return (await db
    .select({ role: userRoles.role, projectId: userRoles.projectId })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.companyId, companyId)))) as Grant[];
}

/**
 * Whether another user of the company holds `action` in a project — for choosing an assignee or a new
 * case owner. null when the user has no role in the company at all.
 */
export async function userHolds(db: DbOrTx, companyId: string, userId: string, action: TAction, projectId: string): Promise<boolean | null> {
  const grants = await grantsOf(db, userId, companyId);
  if (!grants.length) return null;
  return resolveProjectActions(grants, [projectId]).get(projectId)?.has(action) ?? false;
}

export async function principalForUser(db: DbOrTx, userId: string, companyId: string, locale: 'zh-CN' | 'en'): Promise<Principal> {
  const grants = await grantsOf(db, userId, companyId);
  const companyWide = grants.some((g) => g.projectId === null);
  const projectIds = companyWide
    ? (await db.select({ id: projects.id }).from(projects).where(eq(projects.companyId, companyId))).map((p) => p.id)
    : [];
  return { userId, companyId, locale, grants, projectActions: resolveProjectActions(grants, projectIds) };
}

export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.update(sessions).set({ endedAt: sql`now()` }).where(eq(sessions.tokenHash, hashToken(token)));
}
