// The session cookie: signed, httpOnly, SameSite=Lax; over HTTPS (directly or, with TRUST_PROXY, behind a
// TLS proxy) it is Secure and carries the __Host- prefix, so no subdomain or plain-HTTP page can set it.
import type { FastifyReply, FastifyRequest } from 'fastify';

const PLAIN = 'ed_session';
const HOST_BOUND = '__Host-ed_session';

export const sessionCookieName = (req: FastifyRequest) => (req.protocol === 'https' ? HOST_BOUND : PLAIN);

/** The token of the request's session cookie when its signature holds. */
export function sessionToken(req: FastifyRequest): string | null {
  const raw = req.cookies[sessionCookieName(req)];
  const token = raw ? req.unsignCookie(raw) : null;
  return token?.valid && token.value ? token.value : null;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, hours: number) {
  reply.setCookie(sessionCookieName(req), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    signed: true,
    maxAge: hours * 3600,
  });
}

export const clearSessionCookie = (req: FastifyRequest, reply: FastifyReply) =>
  reply.clearCookie(sessionCookieName(req), { path: '/', secure: req.protocol === 'https' });
