// the resident portal's API under /api/resident. Sign-in routes are public (rate-limited); every
// other route declares access 'resident': the auth hook resolves the resident's own session cookie, a
// staff session is refused (403) and a resident session never reaches staff routes. Every record is
// scoped to the resident's own units on the server (scope.ts).
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import * as z from 'zod';
import { ZCodeRequest, ZCodeRequested, ZPortalCase, ZPortalCaseDetail, ZPortalNotices, ZRateOrder, ZRepairReport, ZResidentMe, ZResidentSignIn, ZSignAcceptance } from '../../../common/residents';
import { ZIdParams } from '../../../common/shared';
import { ZLocaleUpdate } from '../../../common/auth';
import { maskPhone } from '../../../common/mask';
import { AppError } from '../../platform/errors';
import type { App, Deps } from '../../platform/http';
import { attachments } from '../files/tables';
import { sendAttachment } from '../files/serve';
import { rateOrder, signAcceptance } from './commands/acceptance';
import { reportRepair } from './commands/report-repair';
import { CODE_MINUTES, requestCode, verifyCode } from './commands/sign-in';
import { residentCase, residentCases, residentNotices, visibleCasePhoto } from './queries';
import { normalPhone, residentUnits } from './scope';
import { clearResidentCookie, endResidentSession, residentToken, setResidentCookie, type Resident } from './session';
import { residentAccounts } from './tables';

const ZOk = z.object({ ok: z.literal(true) });

/** The signed-in resident of a route with access 'resident' (the auth hook guarantees it). */
export function resident(req: FastifyRequest): Resident {
  if (!req.resident) throw new AppError(401, 'unauthenticated');
  return req.resident;
}

export function residentRoutes(app: App, { db, config, storage, messages: sender }: Deps) {
  const rateLimit = { max: config.signInPerMinute, timeWindow: '1 minute' };

  app.post('/api/resident/code', { schema: { body: ZCodeRequest, response: { 200: ZCodeRequested } }, config: { access: 'public', rateLimit } }, async (req) => {
    const { code } = await requestCode(db, sender, config.sessionSecret, normalPhone(req.body.phone), req.ip);
    // Demo mode only (the demo company is generated): the code is shown on the page too.
    return { ok: true as const, demoCode: config.seedDemo ? code : null, expiresInSeconds: CODE_MINUTES * 60 };
  });

  app.post('/api/resident/sign-in', { schema: { body: ZResidentSignIn, response: { 200: ZOk } }, config: { access: 'public', rateLimit } }, async (req, reply) => {
    const { token } = await verifyCode(db, config.sessionSecret, normalPhone(req.body.phone), req.body.code);
    setResidentCookie(req, reply, token);
    return { ok: true as const };
  });

  app.post('/api/resident/sign-out', { schema: { response: { 200: ZOk } }, config: { access: 'public' } }, async (req, reply) => {
    const token = residentToken(req);
    if (token) await endResidentSession(db, token);
    clearResidentCookie(req, reply);
    return { ok: true as const };
  });

  app.get('/api/resident/me', { schema: { response: { 200: ZResidentMe } }, config: { access: 'resident' } }, async (req) => {
    const r = resident(req);
    const units = await residentUnits(db, r);
    const notices = await residentNotices(db, r);
    return {
      id: r.residentId,
      name: units[0]?.customerName ?? '',
      phone: maskPhone(r.phone) ?? '',
      locale: r.locale,
      units: units.map((u) => ({ unitId: u.unitId, projectId: u.projectId, projectName: u.projectName, path: u.path, relation: u.relation, allowed: u.allowed })),
      unread: notices.unread,
      demo: config.seedDemo,
    };
  });

  app.put('/api/resident/locale', { schema: { body: ZLocaleUpdate, response: { 200: ZOk } }, config: { access: 'resident' } }, async (req) => {
    await db.update(residentAccounts).set({ locale: req.body.locale, version: sql`${residentAccounts.version} + 1` }).where(eq(residentAccounts.id, resident(req).residentId));
    return { ok: true as const };
  });

  app.get('/api/resident/cases', { schema: { response: { 200: z.array(ZPortalCase) } }, config: { access: 'resident' } }, async (req) => residentCases(db, resident(req)));

  app.get('/api/resident/cases/:id', { schema: { params: ZIdParams, response: { 200: ZPortalCaseDetail } }, config: { access: 'resident' } }, async (req) => residentCase(db, resident(req), req.params.id));

  app.post(
    '/api/resident/repairs',
    { schema: { body: ZRepairReport, response: { 201: z.object({ caseId: z.uuid(), number: z.string() }) } }, config: { access: 'resident' }, bodyLimit: 9 * 1024 * 1024 },
    async (req, reply) => reply.status(201).send(await reportRepair(db, storage, resident(req), req.body)),
  );

  app.post('/api/resident/orders/:id/acceptance', { schema: { params: ZIdParams, body: ZSignAcceptance, response: { 200: z.object({ id: z.uuid(), version: z.number().int() }) } }, config: { access: 'resident' } }, async (req) =>
    signAcceptance(db, storage, resident(req), req.params.id, req.body),
  );

  app.post('/api/resident/orders/:id/rating', { schema: { params: ZIdParams, body: ZRateOrder, response: { 200: z.object({ ratingId: z.uuid(), followupRecorded: z.boolean() }) } }, config: { access: 'resident' } }, async (req) =>
    rateOrder(db, resident(req), req.params.id, req.body),
  );

  app.get('/api/resident/notices', { schema: { response: { 200: ZPortalNotices } }, config: { access: 'resident' } }, async (req) => residentNotices(db, resident(req)));

  app.post('/api/resident/notices/read', { schema: { response: { 200: ZOk } }, config: { access: 'resident' } }, async (req) => {
    await db.update(residentAccounts).set({ noticesReadAt: sql`now()` }).where(eq(residentAccounts.id, resident(req).residentId));
    return { ok: true as const };
  });

  app.get('/api/resident/files/:id', { schema: { params: ZIdParams }, config: { access: 'resident' } }, async (req, reply) => {
    const id = await visibleCasePhoto(db, resident(req), req.params.id);
    const [f] = await db.select().from(attachments).where(eq(attachments.id, id));
    return sendAttachment(reply, storage, f);
  });
}
