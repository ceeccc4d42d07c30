// Builds the Fastify application: HTTP frame, auth hook, OpenAPI, every domain's routes, the web apps.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import * as z from 'zod';
import { translate } from '../common/i18n';
import type { Config } from './platform/config';
import type { Db } from './platform/db';
import { AppError } from './platform/errors';
import { installHttpFrame, requestLocale, type App, type RegisteredRoute } from './platform/http';
import { holdsAnywhere } from './platform/policy';
import { principalForToken } from './domains/auth/session';
import { sessionToken } from './domains/auth/cookie';
import { installSecurityFrame } from './platform/security';
import { openApiDocument, withoutUnusedSchemas } from './platform/openapi';
import { authRoutes } from './domains/auth/routes';
import { orgRoutes } from './domains/org/routes';
import { peopleRoutes } from './domains/people/routes';
import { calendarRoutes } from './domains/calendar/routes';
import { historyRoutes } from './domains/history/routes';
import { caseRoutes } from './domains/cases/routes';
import { workOrderRoutes } from './domains/workorders/routes';
import { followupRoutes } from './domains/followups/routes';
import { notificationRoutes } from './domains/notifications/routes';
import { faqRoutes } from './domains/faq/routes';
import { fileRoutes } from './domains/files/routes';
import { deskRuleRoutes } from './domains/deadlines/routes';
import { kpiRoutes } from './domains/kpi/routes';
import { paidRoutes } from './domains/paid/routes';
import { complaintRoutes } from './domains/complaints/routes';
import { localStorage, type Storage } from './platform/storage';
import { makeVault } from './platform/vault';
import { messageSender, type MessageSender } from './platform/messages';
import { archiveRoutes } from './domains/archives/routes';
import { noticeRoutes } from './domains/notices/routes';
import { relationRoutes } from './domains/relations/routes';
import { patrolRoutes } from './domains/patrols/routes';
import { roomRoutes } from './domains/rooms/routes';
import { frontdeskRoutes } from './domains/frontdesk/routes';
import { inspectionRoutes } from './domains/inspections/routes';
import { residentRoutes } from './domains/residents/routes';
import { residentServiceRoutes } from './domains/residents/service-routes';
import { residentErrandRoutes } from './domains/residents/errand-routes';
import { residentForToken, residentToken } from './domains/residents/session';
import { surveyRoutes } from './domains/surveys/routes';

export interface BuiltApp {
  app: App;
  routes: RegisteredRoute[];
}

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export async function buildApp(db: Db, config: Config, opts: { logger?: boolean; demoStatus?: () => string; storage?: Storage; readDb?: Db; messages?: MessageSender } = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1_048_576,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RegisteredRoute[] = [];
  let domain = 'platform';
  installHttpFrame(app, routes, () => domain);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.decorateRequest('resident', null);

  await installSecurityFrame(app);
  await app.register(cookie, { secret: config.sessionSecret });
  // Only routes that ask for it (sign-in) are rate-limited; the answer is the API's own error body.
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => new AppError(429, 'throttled', undefined, { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) }) });
  await app.register(swagger, {
    openapi: openApiDocument,
    transform: jsonSchemaTransform,
    transformObject: withoutUnusedSchemas(jsonSchemaTransformObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Every /api route declares its access; this hook enforces sign-in and "holds the action somewhere"
  // before the body is even read, so a caller without access learns nothing about the contract and
  // an anonymous upload is refused without receiving its megabytes.
  // Record-level checks (which project) happen in the queries and commands.
  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    if (access === 'resident') {
      // resident routes read only the resident's own cookie; a staff session here is refused.
      const rt = residentToken(req);
      if (rt) req.resident = await residentForToken(db, rt);
      if (req.resident) return;
      const staff = sessionToken(req);
      const locale = requestLocale(req);
      if (staff && (await principalForToken(db, staff))) return reply.status(403).send({ error: 'forbidden', message: translate(locale, 'errors.forbidden') });
      return reply.status(401).send({ error: 'unauthenticated', message: translate(locale, 'errors.unauthenticated') });
    }
    const token = sessionToken(req);
    if (token) req.principal = await principalForToken(db, token);
    if (access === 'public') return;
    const locale = requestLocale(req);
    if (!req.principal) return reply.status(401).send({ error: 'unauthenticated', message: translate(locale, 'errors.unauthenticated') });
    if (access !== 'signed_in' && !holdsAnywhere(req.principal, access))
      return reply.status(403).send({ error: 'forbidden', message: translate(locale, 'errors.forbidden') });
  });

  app.get(
    '/api/health',
    { schema: { response: { 200: z.object({ ok: z.boolean(), db: z.string(), demo: z.string() }) } }, config: { access: 'public' } },
    async () => {
      await db.execute(sql`select 1`);
      return { ok: true, db: 'up', demo: opts.demoStatus?.() ?? 'ready' };
    },
  );

  const deps = { db, readDb: opts.readDb ?? db, config, storage: opts.storage ?? localStorage(join(config.dataDir, 'files')), vault: makeVault(config.archiveKey), messages: opts.messages ?? messageSender(app.log) };
  const domains = {
    auth: authRoutes,
    org: orgRoutes,
    people: peopleRoutes,
    calendar: calendarRoutes,
    history: historyRoutes,
    cases: caseRoutes,
    workorders: workOrderRoutes,
    followups: followupRoutes,
    notifications: notificationRoutes,
    faq: faqRoutes,
    files: fileRoutes,
    deadlines: deskRuleRoutes,
    kpi: kpiRoutes,
    paid: paidRoutes,
    complaints: complaintRoutes,
    archives: archiveRoutes,
    notices: noticeRoutes,
    relations: relationRoutes,
    patrols: patrolRoutes,
    rooms: roomRoutes,
    frontdesk: frontdeskRoutes,
    inspections: inspectionRoutes,
    residents: residentRoutes,
    residentServices: residentServiceRoutes,
    residentErrands: residentErrandRoutes,
    surveys: surveyRoutes,
  };
  for (const [name, register] of Object.entries(domains)) {
    domain = name;
    register(app, deps);
  }

  const hasWeb = existsSync(webDist);
  const hasPortal = existsSync(join(webDist, 'm', 'index.html'));
  // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist });
  app.setNotFoundHandler((req, reply) => {
    // The admin app routes on the client: unknown page paths get its page; a missing asset is a 404.
    // the resident portal (/m/…) routes on the client too, with its own page.
    if (hasPortal && req.method === 'GET' && /^\/m(\/|\?|$)/.test(req.url)) return reply.sendFile('m/index.html');
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: 'not_found', message: translate(requestLocale(req), 'errors.not_found') });
  });
  return { app, routes };
}
