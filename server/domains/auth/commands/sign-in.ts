// Password sign-in with argon2 and a lockout after repeated failures.
import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db';
import { recordAudit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { users } from '../../people/tables';
import { createSession } from '../session';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

// Verifying against a fixed hash when the user is unknown keeps the timing of both refusals alike.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= argon2.hash('decoy-password'));

export async function signIn(db: Db, username: string, password: string, sessionHours: number): Promise<{ token: string; userId: string }> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase())).limit(1);
  if (!user || !user.active) {
    await argon2.verify(await decoy(), password);
    throw new AppError(401, 'bad_credentials');
  }
  const actor = { userId: user.id, companyId: user.companyId };
  if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError(423, 'locked');

  if (!(await argon2.verify(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, actor, { entity: 'user', entityId: user.id, projectId: null, action: lock ? 'sign_in_locked' : 'sign_in_failed' });
    });
    throw new AppError(lock ? 423 : 401, lock ? 'locked' : 'bad_credentials');
  }

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const token = await createSession(tx, user, sessionHours);
    await recordAudit(tx, actor, { entity: 'user', entityId: user.id, projectId: null, action: 'sign_in' });
    return { token, userId: user.id };
  });
}
