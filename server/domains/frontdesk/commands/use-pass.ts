// FD-01: the gate marks a pass used — once. The use is one UPDATE … WHERE used_at IS NULL: of two
// concurrent uses exactly one changes the row; the other is refused and shown who used it and when.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TPass } from '../../../../common/frontdesk';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { loadPass, passDetail } from '../passes';
import { releasePasses } from '../tables';
import { projectToday } from '../time';

export function usePass(db: Db, p: Principal, id: string, gate: string, now?: Date): Promise<TPass> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const pass = await loadPass(tx, p, id, 'frontdesk.gate');
      const { today } = await projectToday(tx, pass.projectId, ctx.now);
      const [won] = await tx
        .update(releasePasses)
        .set({ usedAt: ctx.now, usedBy: p.userId, gate, version: sql`${releasePasses.version} + 1` })
        .where(and(eq(releasePasses.id, id), isNull(releasePasses.usedAt), isNull(releasePasses.voidedAt), sql`${releasePasses.validOn} = ${today}::date`))
        .returning({ id: releasePasses.id });
      if (!won) {
        // Read again: a concurrent use committed after our first read is seen by this statement.
        const [cur] = await tx.select().from(releasePasses).where(eq(releasePasses.id, id));
        throw new AppError(409, cur.usedAt ? 'pass_used' : cur.voidedAt ? 'pass_void' : cur.validOn > today ? 'pass_not_yet_valid' : 'pass_expired');
      }
      await ctx.audit({ entity: 'release_pass', entityId: id, projectId: pass.projectId, action: 'use', after: { gate } });
      return passDetail(tx, p, id, ctx.now);
    },
    now,
  );
}

export function voidPass(db: Db, p: Principal, id: string, input: { version: number; reason: string }): Promise<TPass> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const pass = await loadPass(tx, p, id, 'frontdesk.desk');
    if (pass.usedAt) throw new AppError(409, 'pass_used');
    if (pass.voidedAt) throw new AppError(409, 'pass_void');
    updatedOrStale(
      await tx
        .update(releasePasses)
        .set({ voidedAt: ctx.now, voidReason: input.reason, version: sql`${releasePasses.version} + 1` })
        .where(and(eq(releasePasses.id, id), eq(releasePasses.version, input.version), isNull(releasePasses.usedAt), isNull(releasePasses.voidedAt)))
        .returning({ id: releasePasses.id }),
    );
    await ctx.audit({ entity: 'release_pass', entityId: id, projectId: pass.projectId, action: 'void', after: { reason: input.reason } });
    return passDetail(tx, p, id, ctx.now);
  });
}
