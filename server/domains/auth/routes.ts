import { eq, inArray } from 'drizzle-orm';
import * as z from 'zod';
import { ZLocaleUpdate, ZLogin, ZMe, type TMe } from '../../../common/auth';
import type { TAction } from '../../../common/roles';
import { recordAudit } from '../../platform/audit';
import { principal, type App, type Deps } from '../../platform/http';
import { companies, departments, projects } from '../org/tables';
import { users } from '../people/tables';
import { signIn } from './commands/sign-in';
import { endSession, SESSION_COOKIE } from './session';

const ZOk = z.object({ ok: z.literal(true) });

export function authRoutes(app: App, { db, config }: Deps) {
  app.post('/api/auth/login', { schema: { body: ZLogin, response: { 200: ZOk } }, config: { access: 'public' } }, async (req, reply) => {
    const { token } = await signIn(db, req.body.username, req.body.password, config.sessionHours);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      signed: true,
      maxAge: config.sessionHours * 3600,
    });
    return { ok: true as const };
  });

  app.post('/api/auth/logout', { schema: { response: { 200: ZOk } }, config: { access: 'public' } }, async (req, reply) => {
    const raw = req.cookies[SESSION_COOKIE];
    const token = raw ? req.unsignCookie(raw) : null;
    if (token?.valid && token.value) await endSession(db, token.value);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
    return { ok: true as const };
  });
}
