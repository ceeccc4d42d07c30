// X-03: a resident signs in with their phone number and a one-time code sent by text message.
// Codes: 6 digits, kept only as a keyed hash, valid 5 minutes, 5 tries, used once; the newest code of a
// number is the only one that counts. Limits: a number gets a new code at most once a minute and 5 an hour;
// one address asks for at most 20 codes an hour (beside the route's per-minute request rate).
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { MessageSender } from '../../../platform/messages';
import { query } from '../../../platform/sql';
import { residentAccounts, residentCodes } from '../tables';
import { createResidentSession } from '../session';

export const CODE_MINUTES = 5;
export const CODE_TRIES = 5;
export const CODE_LIMITS = { phoneGapSeconds: 60, phonePerHour: 5, ipPerHour: 20 } as const;

const codeHash = (secret: string, phone: string, code: string) => createHmac('sha256', secret).update(`resident-code:${phone}:${code}`).digest('hex');
const throttled = (seconds: number) => new AppError(429, 'throttled', undefined, { 'retry-after': String(Math.max(1, Math.ceil(seconds))) });

/** The company whose customer holds this number on a current unit link; null: not a resident. */
async function companyOfPhone(db: Db, phone: string): Promise<string | null> {
  const [row] = await query<{ companyId: string }>(
    db,
    'resident_company_of_phone',
    `select c.company_id as "companyId" from customers c
       join customer_units cl on cl.customer_id = c.id and cl.ended_at is null and cl.relation in ('owner', 'tenant')
      where c.phone = $1 order by c.created_at limit 1`,
    [phone],
  );
  return row?.companyId ?? null;
}

export async function requestCode(db: Db, sender: MessageSender, secret: string, phone: string, ip: string, now = new Date()): Promise<{ code: string | null }> {
  const known = await companyOfPhone(db, phone);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction(async (tx) => {
    // One request at a time per number and per address, so parallel requests cannot all pass the counts.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`resident-code:${phone}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`resident-ip:${ip}`}))`);
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const [byIp] = await tx.select({ n: sql<number>`count(*)::int` }).from(residentCodes).where(and(eq(residentCodes.ip, ip), gt(residentCodes.createdAt, hourAgo)));
    if (byIp.n >= CODE_LIMITS.ipPerHour) throw throttled(3600);
    const recent = await tx.select({ createdAt: residentCodes.createdAt }).from(residentCodes).where(and(eq(residentCodes.phone, phone), gt(residentCodes.createdAt, hourAgo))).orderBy(desc(residentCodes.createdAt));
    if (recent.length >= CODE_LIMITS.phonePerHour) throw throttled((recent[recent.length - 1].createdAt.getTime() + 3_600_000 - now.getTime()) / 1000);
    const gap = recent[0] ? (now.getTime() - recent[0].createdAt.getTime()) / 1000 : Infinity;
    if (gap < CODE_LIMITS.phoneGapSeconds) throw throttled(CODE_LIMITS.phoneGapSeconds - gap);
    // An unknown number gets a row too (same limits, same answer) whose code is never sent.
    const stored = known ? codeHash(secret, phone, code) : codeHash(secret, phone, `unsent-${randomInt(0, 2 ** 40)}`);
    await tx.insert(residentCodes).values({ phone, ip, codeHash: stored, createdAt: now, expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) });
  });
  if (!known) return { code: null };
  await sender.send({ phone, purpose: 'sign_in_code', code, minutes: CODE_MINUTES });
  return { code };
}

export async function verifyCode(db: Db, secret: string, phone: string, code: string): Promise<{ token: string; residentId: string }> {
  const [c] = await db.select().from(residentCodes).where(eq(residentCodes.phone, phone)).orderBy(desc(residentCodes.createdAt)).limit(1);
  if (!c) throw new AppError(400, 'code_wrong');
  if (c.usedAt) throw new AppError(400, 'code_used');
  if (c.expiresAt.getTime() <= Date.now()) throw new AppError(400, 'code_expired');
  // The try is counted before the code is compared, in one conditional UPDATE: parallel guesses get 5 in all.
  const counted = await db
    .update(residentCodes)
    .set({ attempts: sql`${residentCodes.attempts} + 1` })
    .where(and(eq(residentCodes.id, c.id), lt(residentCodes.attempts, CODE_TRIES), isNull(residentCodes.usedAt)))
    .returning({ attempts: residentCodes.attempts });
  if (!counted.length) throw new AppError(400, 'code_attempts');
  const given = Buffer.from(codeHash(secret, phone, code), 'hex');
  if (!timingSafeEqual(given, Buffer.from(c.codeHash, 'hex'))) throw new AppError(400, counted[0].attempts >= CODE_TRIES ? 'code_attempts' : 'code_wrong');

  const companyId = await companyOfPhone(db, phone);
  if (!companyId) throw new AppError(400, 'code_wrong');
  return db.transaction(async (tx) => {
    const used = await tx.update(residentCodes).set({ usedAt: sql`now()` }).where(and(eq(residentCodes.id, c.id), isNull(residentCodes.usedAt))).returning({ id: residentCodes.id });
    if (!used.length) throw new AppError(400, 'code_used');
    const [account] = await tx
      .insert(residentAccounts)
      .values({ companyId, phone, lastSignInAt: new Date() })
      .onConflictDoUpdate({ target: [residentAccounts.companyId, residentAccounts.phone], set: { lastSignInAt: sql`now()` } })
      .returning();
    if (!account.active) throw new AppError(400, 'code_wrong');
    const token = await createResidentSession(tx, account);
    await recordAudit(tx, { userId: null, companyId }, { entity: 'resident', entityId: account.id, projectId: null, action: 'sign_in', after: { via: 'portal' } });
    return { token, residentId: account.id };
  });
}
