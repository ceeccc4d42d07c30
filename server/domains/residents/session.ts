// the resident's session — its own cookie (ed_resident) and table, never a staff session: a resident
// token is not looked at by the staff hook, and a staff token never resolves to a resident.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db';
import { query } from '../../platform/sql';
import { hashToken } from '../auth/session';
import { residentSessions } from './tables';

export interface Resident {
  residentId: string;
  companyId: string;
  phone: string;
  locale: 'zh-CN' | 'en';
}

declare module 'fastify' {
  interface FastifyRequest {
    resident: Resident | null;
  }
}

export const RESIDENT_SESSION_DAYS = 30;
const PLAIN = 'ed_resident';
const HOST_BOUND = '__Host-ed_resident';
const cookieName = (req: FastifyRequest) => (req.protocol === 'https' ? HOST_BOUND : PLAIN);

export function residentToken(req: FastifyRequest): string | null {
  const raw = req.cookies[cookieName(req)];
  const token = raw ? req.unsignCookie(raw) : null;
  return token?.valid && token.value ? token.value : null;
}

export function setResidentCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(cookieName(req), token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', signed: true, maxAge: RESIDENT_SESSION_DAYS * 86400 });
}

export const clearResidentCookie = (req: FastifyRequest, reply: FastifyReply) => reply.clearCookie(cookieName(req), { path: '/', secure: req.protocol === 'https' });

export async function createResidentSession(db: DbOrTx, r: { id: string; companyId: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(residentSessions).values({ tokenHash: hashToken(token), companyId: r.companyId, residentId: r.id, expiresAt: new Date(Date.now() + RESIDENT_SESSION_DAYS * 86_400_000) });
  return token;
}

const RESIDENT_SQL = `
select a.id as "residentId", a.company_id as "companyId", a.phone, a.locale
  from resident_sessions s join resident_accounts a on a.id = s.resident_id
 where s.token_hash = $1 and s.ended_at is null and s.expires_at > now() and a.active
 limit 1`;

export async function residentForToken(db: Db, token: string): Promise<Resident | null> {
  const [row] = await query<Resident>(db, 'resident_for_token', RESIDENT_SQL, [hashToken(token)]);
  return row ? { ...row, locale: row.locale === 'en' ? 'en' : 'zh-CN' } : null;
}

export async function endResidentSession(db: DbOrTx, token: string) {
  await db.update(residentSessions).set({ endedAt: sql`now()` }).where(eq(residentSessions.tokenHash, hashToken(token)));
}
