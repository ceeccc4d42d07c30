// PT-01 with RV-02: the CS supervisor (or the manager, at their level) records the spot check of a sampled
// patrol record — confirmed on site, or not.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZPatrolCheckRecord } from '../../../../common/patrols';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, forbidden, notFound, updatedOrStale } from '../../../platform/errors';
import { can, type Principal } from '../../../platform/policy';
import { CHECK_LEVELS } from '../policy';
import { patrolChecks } from '../tables';

export function checkPatrol(db: Db, p: Principal, id: string, input: z.infer<typeof ZPatrolCheckRecord>, now?: Date) {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const [c] = await ctx.tx.select().from(patrolChecks).where(and(eq(patrolChecks.id, id), eq(patrolChecks.companyId, p.companyId)));
      if (!c || !can(p, 'patrol.read', c.projectId)) throw notFound();
      if (!can(p, CHECK_LEVELS.find((l) => l.level === c.level)!.action, c.projectId)) throw forbidden();
      if (c.checkedAt) throw new AppError(409, 'already_checked');
      const saved = updatedOrStale(
        await ctx.tx
          .update(patrolChecks)
          .set({ outcome: input.outcome, note: input.note, checkerId: p.userId, checkedAt: ctx.now, version: sql`${patrolChecks.version} + 1` })
          .where(and(eq(patrolChecks.id, id), eq(patrolChecks.version, input.version)))
          .returning(),
      );
      await ctx.audit({ entity: 'patrol_check', entityId: id, projectId: c.projectId, action: 'check', after: { outcome: input.outcome, note: input.note } });
      return { id: saved.id, outcome: input.outcome, version: saved.version };
    },
    now,
  );
}
