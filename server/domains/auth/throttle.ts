// Sign-in throttling instead of a lock-out: nobody can shut a colleague out for long by guessing, and a
// throttled name is answered exactly like an unknown one. Each attempt is counted BEFORE the password
// is checked, in one conditional UPDATE, so parallel guesses cannot all slip past a stale count.
import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db';
import { signInThrottles } from './tables';

/** Attempts that cost nothing; each one past them doubles the wait: 30 s, 1 min, 2 min … at most 15 min. */
export const FREE_ATTEMPTS = { name: 5, ip: 20 } as const;
export const MAX_WAIT_SECONDS = 15 * 60;
const FIRST_WAIT_SECONDS = 30;
/** Quiet time after which a key's count starts again. */
const FORGET_MINUTES = 15;

export const nameKey = (username: string) => `name:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Counts one attempt against the key, or answers the seconds left when the key is waiting (and then
 * counts nothing). The UPDATE's WHERE is re-checked on the locked row, so of any number of parallel
 * attempts only the free ones get through.
 */
export async function claimAttempt(db: Db, key: string, free: number, companyId: string | null): Promise<number> {
  await db.insert(signInThrottles).values({ key, companyId }).onConflictDoNothing();
  const counted = await db
    .update(signInThrottles)
    .set({
      failures: sql`case when ${signInThrottles.lastAttemptAt} < now() - ${FORGET_MINUTES} * interval '1 minute' then 1 else ${signInThrottles.failures} + 1 end`,
      blockedUntil: sql`case when ${signInThrottles.failures} + 1 >= ${free} and ${signInThrottles.lastAttemptAt} >= now() - ${FORGET_MINUTES} * interval '1 minute'
        then now() + least(${MAX_WAIT_SECONDS}, ${FIRST_WAIT_SECONDS} * power(2, ${signInThrottles.failures} + 1 - ${free})) * interval '1 second'
        else null end`,
      lastAttemptAt: sql`now()`,
    })
    .where(and(eq(signInThrottles.key, key), or(isNull(signInThrottles.blockedUntil), sql`${signInThrottles.blockedUntil} <= now()`)))
    .returning({ id: signInThrottles.id });
  if (counted.length) return 0;
  const [row] = await db
    .select({ wait: sql<number>`ceil(extract(epoch from ${signInThrottles.blockedUntil} - now()))::int` })
    .from(signInThrottles)
    .where(eq(signInThrottles.key, key));
  return Math.max(1, row?.wait ?? 1);
}

/**
 * A right password: the name starts afresh; the IP gets its attempt back (an office behind one address
 * signs in all day) and stops waiting once it is under its free attempts again.
 */
export async function attemptSucceeded(tx: DbOrTx, name: string, ip: string) {
  await tx.update(signInThrottles).set({ failures: 0, blockedUntil: null }).where(eq(signInThrottles.key, name));
  await tx
    .update(signInThrottles)
    .set({
      failures: sql`greatest(${signInThrottles.failures} - 1, 0)`,
      blockedUntil: sql`case when ${signInThrottles.failures} - 1 < ${FREE_ATTEMPTS.ip} then null else ${signInThrottles.blockedUntil} end`,
    })
    .where(eq(signInThrottles.key, ip));
}

/** The throttles the company admin may see: their users' names and every address, while they count. */
export async function activeThrottles(db: DbOrTx, companyId: string) {
  return db
    .select()
    .from(signInThrottles)
    .where(
      and(
        or(eq(signInThrottles.companyId, companyId), sql`${signInThrottles.key} like 'ip:%'`),
        or(gt(signInThrottles.failures, 0), and(isNotNull(signInThrottles.blockedUntil), sql`${signInThrottles.blockedUntil} > now()`)),
      ),
    )
    .orderBy(sql`${signInThrottles.blockedUntil} desc nulls last`, signInThrottles.key);
}

export async function clearThrottles(tx: DbOrTx, ids: string[]) {
  return tx.update(signInThrottles).set({ failures: 0, blockedUntil: null }).where(inArray(signInThrottles.id, ids)).returning();
}
