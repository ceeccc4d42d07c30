import { eq, inArray } from 'drizzle-orm';
import * as z from 'zod';
import { ZLocaleUpdate, ZLogin, ZMe, ZThrottle, type TMe } from '../../../common/auth';
import { ZIdParams } from '../../../common/shared';
import type { TAction } from '../../../common/roles';
import { recordAudit, runCommand } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { holdsCompanyWide } from '../../platform/policy';
import { principal, type App, type Deps } from '../../platform/http';
import { companies, departments, projects } from '../org/tables';
import { users } from '../people/tables';
import { signIn } from './commands/sign-in';
import { clearSessionCookie, sessionToken, setSessionCookie } from './cookie';
import { endSession, forgetPrincipals } from './session';
import { activeThrottles, clearThrottles } from './throttle';

const ZOk = z.object({ ok: z.literal(true) });

export function authRoutes(app: App, { db, config }: Deps) {
  // Beside the counted throttles, a plain per-IP request rate keeps floods from costing an argon2 hash each.
  const rateLimit = { max: config.signInPerMinute, timeWindow: '1 minute' };
  app.post('/api/auth/login', { schema: { body: ZLogin, response: { 200: ZOk } }, config: { access: 'public', rateLimit } }, async (req, reply) => {
    const { token } = await signIn(db, req.body.username, req.body.password, req.ip, config.sessionHours);
    setSessionCookie(req, reply, token, config.sessionHours);
    return { ok: true as const };
  });

  app.post('/api/auth/logout', { schema: { response: { 200: ZOk } }, config: { access: 'public' } }, async (req, reply) => {
    const token = sessionToken(req);
    if (token) await endSession(db, token);
    clearSessionCookie(req, reply);
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { response: { 200: ZMe } }, config: { access: 'signed_in' } }, async (req) => {
    const p = principal(req);
    const [user] = await db.select().from(users).where(eq(users.id, p.userId));
    const [company] = await db.select().from(companies).where(eq(companies.id, p.companyId));
    const [department] = user.departmentId ? await db.select({ kind: departments.kind }).from(departments).where(eq(departments.id, user.departmentId)) : [];
    const ids = [...p.projectActions.keys()];
    const rows = ids.length ? await db.select().from(projects).where(inArray(projects.id, ids)).orderBy(projects.code) : [];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      departmentKind: (department?.kind ?? null) as TMe['departmentKind'],
      companyId: p.companyId,
      companyName: company.name,
      locale: p.locale,
      roles: p.grants,
      projects: rows.map((r) => ({ id: r.id, name: r.name, type: r.type, actions: [...(p.projectActions.get(r.id) ?? [])] as TAction[] })),
    };
  });

  app.put('/api/me/locale', { schema: { body: ZLocaleUpdate, response: { 200: ZOk } }, config: { access: 'signed_in' } }, async (req) => {
    const p = principal(req);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ locale: req.body.locale }).where(eq(users.id, p.userId));
      await recordAudit(tx, p, { entity: 'user', entityId: p.userId, projectId: null, action: 'set_locale', after: req.body });
    });
    forgetPrincipals(p.userId); // the next answer speaks the new language
    return { ok: true as const };
  });

  // The company admin sees who is being throttled and lets a colleague back in early.
  const presentThrottle = (r: Awaited<ReturnType<typeof activeThrottles>>[number]) => ({
    id: r.id,
    kind: r.key.startsWith('ip:') ? ('ip' as const) : ('name' as const),
    subject: r.key.slice(r.key.indexOf(':') + 1),
    failures: r.failures,
    blockedUntil: r.blockedUntil && r.blockedUntil > new Date() ? r.blockedUntil.toISOString() : null,
    lastAttemptAt: r.lastAttemptAt.toISOString(),
  });

  app.get('/api/auth/throttles', { schema: { response: { 200: z.array(ZThrottle) } }, config: { access: 'staff.manage' } }, async (req) => {
    const p = principal(req);
    if (!holdsCompanyWide(p, 'staff.manage')) throw notFound();
    return (await activeThrottles(db, p.companyId)).map(presentThrottle);
  });

  app.post('/api/auth/throttles/:id/clear', { schema: { params: ZIdParams, response: { 200: ZThrottle } }, config: { access: 'staff.manage' } }, async (req) => {
    const p = principal(req);
    if (!holdsCompanyWide(p, 'staff.manage')) throw notFound();
    return runCommand(db, p, async ({ tx, audit }) => {
      const visible = (await activeThrottles(tx, p.companyId)).find((r) => r.id === req.params.id);
      if (!visible) throw notFound();
      const [row] = await clearThrottles(tx, [visible.id]);
      await audit({ entity: 'sign_in_throttle', entityId: row.id, projectId: null, action: 'clear_throttle', before: { key: visible.key, failures: visible.failures, blockedUntil: visible.blockedUntil } });
      return presentThrottle(row);
    });
  });
}
