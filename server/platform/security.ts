// The security frame every response shares: helmet's headers with a CSP fit for the built web app,
// no caching of API answers, and the refusal of state-changing requests sent from another site.
import helmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../../common/i18n';
import { requestLocale, type App } from './http';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request another site's page made the browser send (a form post, a fetch with cookies). Browsers
 * say so in Sec-Fetch-Site; older ones only send Origin, compared with the host the request came to.
 */
export function fromAnotherSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
}

export async function installSecurityFrame(app: App) {
  await app.register(helmet, {
    // antd writes its CSS-in-JS into <style> elements and ECharts/antd set style attributes, hence
    // 'unsafe-inline' for styles only; scripts come from our own origin, never eval.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });

  app.addHook('onRequest', async (req, reply) => {
    if (UNSAFE_METHODS.has(req.method) && fromAnotherSite(req))
      return reply.status(403).send({ error: 'cross_site', message: translate(requestLocale(req), 'errors.cross_site') });
  });

  // Personal data must not linger in shared or browser caches.
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
