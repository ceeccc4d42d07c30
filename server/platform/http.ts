// The HTTP frame every domain's routes share: zod contracts in and out, localized field errors,
// and a route registry in which every /api route must declare its policy action.
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { TAction } from '../../common/roles';
import type { TLocale } from '../../common/shared';
import { translate } from '../../common/i18n';
import { AppError, RequestValidationError } from './errors';
import { documentRoute } from './openapi';
import type { Principal } from './policy';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/**
 * `public`: no sign-in; `signed_in`: any staff user; an action: held in at least one project;
 * `resident`: a resident signed in to the portal — never a staff session.
 */
export type RouteAccess = 'public' | 'signed_in' | 'resident' | TAction;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  body?: z.ZodType; // the request contract, for the generated fuzz tests
  query?: z.ZodType;
}

/** zod's own locale texts, with a plain "required" for missing and empty fields as a clerk would say it. */
function localeMap(locale: TLocale, base: z.core.$ZodErrorMap): z.core.$ZodErrorMap {
  return (issue) => {
    const empty = (issue.code === 'invalid_type' && issue.input === undefined) || (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1);
    return empty ? translate(locale, 'fieldErrors.required') : base(issue);
  };
}

export const zodLocales: Record<TLocale, z.core.$ZodErrorMap> = {
  'zh-CN': localeMap('zh-CN', z.locales.zhCN().localeError),
  en: localeMap('en', z.locales.en().localeError),
};

export function requestLocale(req: FastifyRequest): TLocale {
  if (req.principal) return req.principal.locale;
  if (req.resident) return req.resident.locale;
  const cookie = req.cookies?.ed_locale;
  if (cookie === 'en' || cookie === 'zh-CN') return cookie;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'zh-CN';
}

/** Field messages: catalog keys set in contracts (`error: 'tenant_needs_owner'`) or zod's own, localized. */
export function fieldErrors(schema: z.ZodType, input: unknown, locale: TLocale) {
  const r = schema.safeParse(input, { error: zodLocales[locale] });
  if (r.success) return [];
  return r.error.issues.map((i) => {
    const key = `fieldErrors.${i.message}`;
    const custom = translate(locale, key);
    return { path: i.path.join('.'), message: custom === key ? i.message : custom };
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The first string PostgreSQL text cannot hold as given: a NUL, or a lone UTF-16 surrogate (JSON may carry
 *  "\ud800"; it has no UTF-8 form — the embedded database refused it with a 500). */
function unstorablePath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path.join('.') : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = unstorablePath(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** `domainOf` names the domain registering routes at the moment, their OpenAPI tag. */
export function installHttpFrame(app: App, registry: RegisteredRoute[], domainOf: () => string): void {
  app.setValidatorCompiler(({ schema }) => (data) => {
    // Refused here as a field error instead of failing in the database.
    const bad = unstorablePath(data);
    if (bad !== null) return { error: new AppError(400, 'validation', [{ path: bad, key: 'invalid_characters' }]) };
    const zs = schema as unknown as z.ZodType;
    const r = zs.safeParse(data);
    return r.success ? { value: r.data } : { error: new RequestValidationError(zs, data) };
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    // A route without a declared policy must not exist (the access-matrix test relies on it).
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    documentRoute(route, domainOf(), access, route.config?.rateLimit ? [429] : []);
    for (const method of [route.method].flat()) if (method !== 'HEAD') registry.push({
          method,
          url: route.url,
          access,
          body: route.schema?.body as z.ZodType | undefined,
          query: route.schema?.querystring as z.ZodType | undefined,
        });
  });

  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(req);
    const send = (status: number, code: string, fields?: { path: string; message: string }[]) =>
      reply.status(status).send({ error: code, message: translate(locale, `errors.${code}`), ...(fields ? { fields } : {}) });

    if (err instanceof RequestValidationError) return send(400, 'validation', fieldErrors(err.schema, err.input, locale));
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return send(err.status, err.code, err.fields?.map((f) => ({ path: f.path, message: translate(locale, `fieldErrors.${f.key}`) })));
    }
    const e = err as { statusCode?: number; code?: string; validation?: unknown };
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return send(400, 'bad_json');
    if (e.statusCode === 413) return drainBody(req, reply).then(() => send(413, 'too_large'));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return send(e.statusCode, e.statusCode === 404 ? 'not_found' : 'validation');
    req.log.error({ err }, 'unhandled error');
    return send(500, 'internal');
  });
}

/** Bodies up to this size are read to their end before a 413 is answered; larger ones still get a closed connection. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Reads and discards the rest of a refused body. Closing the connection while the client is still
 * sending would reset it, and a browser or fetch would then report a broken connection, not the 413.
 */
function drainBody(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const raw = req.raw;
  if (raw.complete || raw.destroyed || Number(req.headers['content-length'] ?? 0) > DRAIN_LIMIT) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      raw.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > DRAIN_LIMIT) done();
    };
    raw.on('data', onData).once('end', () => {
      reply.removeHeader('connection'); // everything was read: the connection may stay open
      done();
    });
    raw.once('close', done).once('error', done);
    raw.resume();
  });
}

export interface Deps {
  db: import('./db').Db;
  /**
   * Lists, look-ups and reports read here: a streaming replica when DATABASE_READ_URL is set (it may lag
   * the primary by a moment), else `db`. Writes, sessions and a record's own page (read right after a
   * write) stay on `db`.
   */
  readDb: import('./db').Db;
  config: import('./config').Config;
  storage: import('./storage').Storage;
  vault: import('./vault').Vault;
  /** Text messages to residents: the log transport unless an SMS provider is plugged in (messages.ts). */
  messages: import('./messages').MessageSender;
}

/** The signed-in principal of a route whose access is not public (the auth hook guarantees it). */
export function principal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError(401, 'unauthenticated');
  return req.principal;
}

/** Sends an .xlsx download with a UTF-8 file name. */
export function sendWorkbook(reply: FastifyReply, file: { name: string; bytes: Buffer }) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.bytes);
}
