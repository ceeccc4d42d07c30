// Password sign-in with argon2, throttled per user name and per client IP (see ../throttle.ts).
import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db';
import { recordAudit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { users } from '../../people/tables';
import { createSession } from '../session';
import { attemptSucceeded, claimAttempt, FREE_ATTEMPTS, ipKey, nameKey } from '../throttle';

// Verifying against a fixed hash when the user is unknown keeps the timing of both refusals alike.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= argon2.hash('decoy-password'));

const throttled = (seconds: number) => new AppError(429, 'throttled', undefined, { 'retry-after': String(seconds) });

export async function signIn(db: Db, username: string, password: string, ip: string, sessionHours: number): Promise<{ token: string; userId: string }> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase())).limit(1);
  const known = user?.active ? user : null;
  // Unknown and known names are counted and answered alike, so a 429 says nothing about who exists.
  const ipWait = await claimAttempt(db, ipKey(ip), FREE_ATTEMPTS.ip, null);
  if (ipWait) throw throttled(ipWait);
  const nameWait = await claimAttempt(db, nameKey(username), FREE_ATTEMPTS.name, known?.companyId ?? null);
  if (nameWait) throw throttled(nameWait);

  if (!known) {
    await argon2.verify(await decoy(), password);
    throw new AppError(401, 'bad_credentials');
  }
  const actor = { userId: known.id, companyId: known.companyId };
  if (!(await argon2.verify(known.passwordHash, password))) {
    await recordAudit(db, actor, { entity: 'user', entityId: known.id, projectId: null, action: 'sign_in_failed', after: { ip } });
    throw new AppError(401, 'bad_credentials');
  }

  return db.transaction(async (tx) => {
    await attemptSucceeded(tx, nameKey(username), ipKey(ip));
    const token = await createSession(tx, known, sessionHours);
    await recordAudit(tx, actor, { entity: 'user', entityId: known.id, projectId: null, action: 'sign_in', after: { ip } });
    return { token, userId: known.id };
  });
}
