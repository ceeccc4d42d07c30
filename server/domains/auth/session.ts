// Turns a session cookie into a Principal: one lookup of session, user, grants and company projects.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { TAction } from '../../../common/roles';
import type { Db, DbOrTx } from '../../platform/db';
import { resolveProjectActions, type Grant, type Principal } from '../../platform/policy';
import { projects } from '../org/tables';
import { userRoles, users } from '../people/tables';
import { query } from '../../platform/sql';
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

// The session, its user, the grants and (for company-wide grants) the company's projects in ONE
// statement, prepared; a request costs no round trip while the principal is cached.
const PRINCIPAL_SQL = `
select u.id as "userId", u.company_id as "companyId", u.locale, s.expires_at as "expiresAt",
       coalesce((select json_agg(json_build_object('role', r.role, 'projectId', r.project_id))
                   from user_roles r where r.user_id = u.id and r.company_id = u.company_id), '[]') as grants,
       coalesce((select json_agg(p.id) from projects p
                  where p.company_id = u.company_id
                    and exists (select 1 from user_roles r where r.user_id = u.id and r.company_id = u.company_id and r.project_id is null)), '[]') as "companyProjects"
  from sessions s join users u on u.id = s.user_id
 where s.token_hash = $1 and s.ended_at is null and s.expires_at > now() and u.active
 limit 1`;

/**
 * How long a resolved principal is reused. A sign-out ends it at once in this process (endSession);
 * a changed role, a deactivated user or a sign-out on another instance takes effect within this time.
 */
export const PRINCIPAL_CACHE_MS = 5_000;
const principalCache = new Map<string, { principal: Principal; until: number }>();

export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const hash = hashToken(token);
  const now = Date.now();
  const hit = principalCache.get(hash);
  if (hit && hit.until > now) return hit.principal;
  const [row] = await query<{ userId: string; companyId: string; locale: string; expiresAt: Date; grants: Grant[]; companyProjects: string[] }>(db, 'principal_for_token', PRINCIPAL_SQL, [hash]);
  if (!row) {
    principalCache.delete(hash);
    return null;
  }
  const principal: Principal = {
    userId: row.userId,
    companyId: row.companyId,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    grants: row.grants,
    projectActions: resolveProjectActions(row.grants, row.companyProjects),
  };
  if (principalCache.size > 10_000) principalCache.clear(); // bounded: a burst of sign-ins cannot grow it without end
  principalCache.set(hash, { principal, until: Math.min(now + PRINCIPAL_CACHE_MS, new Date(row.expiresAt).getTime()) });
  return principal;
}

/** Forgets one token's cached principal (sign-out). */
export function forgetPrincipal(token: string): void {
  principalCache.delete(hashToken(token));
}

/** Forgets a user's cached principals (locale changed), or all of them (a new project: company-wide grants reach it). */
export function forgetPrincipals(userId?: string): void {
  if (!userId) return principalCache.clear();
  for (const [k, v] of principalCache) if (v.principal.userId === userId) principalCache.delete(k);
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
  forgetPrincipal(token);
  await db.update(sessions).set({ endedAt: sql`now()` }).where(eq(sessions.tokenHash, hashToken(token)));
}
