// The OpenAPI document tools can use (issue 12 item 7): every /api operation gets a tag (its domain),
// a summary and an operationId made from its method and path, the session cookie as its security,
// and the error body for each 4xx it can answer. Linted with Redocly's recommended rules in the tests.
import type { RouteOptions } from 'fastify';
import type { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { ZErrorBody } from '../../common/shared';
import type { RouteAccess } from './http';

export const SESSION_SCHEME = 'session';
/** X-03: the resident portal's own session cookie. */
export const RESIDENT_SCHEME = 'resident';

/** The error body once, as a component every 4xx answer refers to. */
export const ZApiError = ZErrorBody.meta({ id: 'Error', description: 'error: a stable code; message: in the user language; fields: per-field messages' });

export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Estate Desk API',
    description: '物业客服与品质管理系统. Errors answer `{ error, message, fields? }`; writes from another site are refused (403 cross_site).',
    version: '0.1.0',
    license: { name: 'Proprietary', url: 'https://example.invalid/estate-desk/license' },
  },
  servers: [{ url: '/', description: 'the server that serves this document' }],
  components: {
    securitySchemes: {
      [SESSION_SCHEME]: {
        type: 'apiKey' as const,
        in: 'cookie' as const,
        name: 'ed_session',
        description: 'Set by POST /api/auth/login. Over HTTPS the cookie is named __Host-ed_session.',
      },
      [RESIDENT_SCHEME]: {
        type: 'apiKey' as const,
        in: 'cookie' as const,
        name: 'ed_resident',
        description: 'The resident portal (X-03): set by POST /api/resident/sign-in. Over HTTPS the cookie is named __Host-ed_resident.',
      },
    },
  },
};

const VERBS: Record<string, string> = { GET: 'Read', POST: 'Submit', PUT: 'Update', DELETE: 'Delete', PATCH: 'Change' };
const words = (url: string) => url.replace(/^\/api\//, '').split('/').filter(Boolean);
const pascal = (w: string) => w.replace(/(^|[-_])(\w)/g, (_m, _s, c: string) => c.toUpperCase());

export const operationId = (method: string, url: string) =>
  method.toLowerCase() + words(url).map((w) => (w.startsWith(':') ? `By${pascal(w.slice(1))}` : pascal(w))).join('');

const summaryOf = (method: string, url: string) => `${VERBS[method] ?? method} ${words(url).map((w) => (w.startsWith(':') ? `{${w.slice(1)}}` : w)).join('/')}`;

type TransformObject = typeof jsonSchemaTransformObject;

/**
 * The zod transform's document without the input twins of shared output schemas that no operation
 * uses (the error body is only ever an answer).
 */
export function withoutUnusedSchemas(transform: TransformObject): TransformObject {
  return (input) => {
    const doc = transform(input);
    const schemas: Record<string, unknown> = (doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
    const text = JSON.stringify({ ...doc, components: { schemas: {} } });
    for (const name of Object.keys(schemas)) if (!text.includes(`#/components/schemas/${name}"`)) delete schemas[name];
    return doc;
  };
}

/** The refusals a route can answer, from what it declares: access, inputs, method. */
function errorCodes(method: string, access: RouteAccess, schema: RouteOptions['schema']): number[] {
  const codes = new Set<number>();
  const unsafe = method !== 'GET' && method !== 'HEAD';
  codes.add(400); // invalid inputs, or a malformed request (bad JSON, a bad cursor)
  if (access !== 'public') codes.add(401);
  if (access !== 'public' || unsafe) codes.add(403); // not allowed, or a write from another site
  if (schema?.params) codes.add(404);
  if (unsafe && access !== 'public') codes.add(409); // a stale version or a state the action does not fit
  return [...codes];
}

/** Fills in an /api route's documentation; `tag` is the domain that registers it. */
export function documentRoute(route: RouteOptions, tag: string, access: RouteAccess, extraErrors: number[] = []) {
  const method = [route.method].flat()[0];
  const schema = (route.schema ??= {}) as Record<string, unknown>;
  schema.tags ??= [tag];
  schema.summary ??= summaryOf(method, route.url);
  schema.operationId ??= operationId(method, route.url);
  schema.security ??= access === 'public' ? [] : [{ [access === 'resident' ? RESIDENT_SCHEME : SESSION_SCHEME]: [] }];
  const response = (schema.response ??= {}) as Record<string, unknown>;
  for (const code of [...errorCodes(method, access, route.schema), ...extraErrors]) response[code] ??= ZApiError;
  if (!Object.keys(response).some((c) => c.startsWith('2'))) response[200] = z.unknown().describe('the answer (a file or an untyped body)');
}
