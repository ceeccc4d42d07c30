// FD-02: the shift handover log. The incoming person reads and signs the previous log (its open matters
// are fixed on it as handed over) and only then writes their own; the writer edits it until it is signed.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SHIFT_HOURS, SIGN_GRACE_MINUTES, type TShiftLog } from '../../../../common/frontdesk';
import { runCommand } from '../../../platform/audit';
import { fromLocal } from '../../../platform/clock';
import type { Db, Tx } from '../../../platform/db';
import { AppError, forbidden, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { syncDeadlines } from '../../deadlines/sync';
import { authorizeFrontdesk } from '../policy';
import { latestLog, loadLog, logDetail, openMatters } from '../shift-logs';
import { shiftLogs } from '../tables';
import { projectToday } from '../time';

/** FD-02, X-01: the log's signature by the next shift, in the shared deadlines; the CS supervisor hears when it is late. */
function syncSignDue(tx: Tx, log: { id: string; companyId: string; projectId: string; dueAt: Date }, metAt: Date | null, now: Date) {
  return syncDeadlines(tx, { companyId: log.companyId, projectId: log.projectId, entity: 'shift_log', entityId: log.id, ruleVersion: 1 }, [{ kind: 'fd_sign', dueAt: log.dueAt, metAt, responsibleId: null }], now);
}

export function startLog(db: Db, p: Principal, input: { projectId: string; shiftDate: string; shift: 'day' | 'night'; notes: string }, now?: Date): Promise<TShiftLog> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      authorizeFrontdesk(p, 'frontdesk.desk', input.projectId);
      const previous = await latestLog(tx, input.projectId);
      // FD-02: no writing before the previous shift's log is read and signed — by the one who writes now.
      if (previous && previous.signedBy !== p.userId) throw new AppError(409, 'sign_previous_first');
      const { tz } = await projectToday(tx, input.projectId, ctx.now);
      const dueAt = fromLocal(input.shiftDate, SHIFT_HOURS[input.shift].end + SIGN_GRACE_MINUTES, tz);
      // One successor per log (unique previous_id): of two concurrent starts one wins.
      const [row] = await tx
        .insert(shiftLogs)
        .values({ companyId: p.companyId, projectId: input.projectId, shiftDate: input.shiftDate, shift: input.shift, previousId: previous?.id ?? null, writerId: p.userId, notes: input.notes, startedAt: ctx.now, dueAt, createdAt: ctx.now })
        .onConflictDoNothing()
        .returning({ id: shiftLogs.id });
      if (!row) throw new AppError(409, 'conflict');
      await syncSignDue(tx, { id: row.id, companyId: p.companyId, projectId: input.projectId, dueAt }, null, ctx.now);
      await ctx.audit({ entity: 'shift_log', entityId: row.id, projectId: input.projectId, action: 'start', after: { shiftDate: input.shiftDate, shift: input.shift, previousId: previous?.id ?? null } });
      return logDetail(tx, p, row.id, ctx.now);
    },
    now,
  );
}

export function updateLog(db: Db, p: Principal, id: string, input: { version: number; notes: string }): Promise<TShiftLog> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const log = await loadLog(tx, p, id, 'frontdesk.desk');
    if (log.writerId !== p.userId) throw forbidden();
    if (log.signedAt) throw new AppError(409, 'log_signed');
    updatedOrStale(
      await tx
        .update(shiftLogs)
        .set({ notes: input.notes, version: sql`${shiftLogs.version} + 1` })
        .where(and(eq(shiftLogs.id, id), eq(shiftLogs.version, input.version), isNull(shiftLogs.signedAt)))
        .returning({ id: shiftLogs.id }),
    );
    await ctx.audit({ entity: 'shift_log', entityId: id, projectId: log.projectId, action: 'update', before: { notes: log.notes }, after: { notes: input.notes } });
    return logDetail(tx, p, id, ctx.now);
  });
}

export function signLog(db: Db, p: Principal, id: string, input: { version: number }, now?: Date): Promise<TShiftLog> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const log = await loadLog(tx, p, id, 'frontdesk.desk');
      if (log.signedAt) throw new AppError(409, 'log_signed');
      if (log.writerId === p.userId) throw new AppError(409, 'sign_own_log'); // the next shift signs, not the writer
      const carried = await openMatters(tx, log.projectId, (await projectToday(tx, log.projectId, ctx.now)).today);
      updatedOrStale(
        await tx
          .update(shiftLogs)
          .set({ signedBy: p.userId, signedAt: ctx.now, carried, version: sql`${shiftLogs.version} + 1` })
          .where(and(eq(shiftLogs.id, id), eq(shiftLogs.version, input.version), isNull(shiftLogs.signedAt)))
          .returning({ id: shiftLogs.id }),
      );
      await syncSignDue(tx, log, ctx.now, ctx.now);
      const count = (k: keyof typeof carried) => carried[k].length;
      await ctx.audit({ entity: 'shift_log', entityId: id, projectId: log.projectId, action: 'sign', after: { cases: count('cases'), orders: count('orders'), passes: count('passes'), lostItems: count('lostItems'), late: ctx.now > log.dueAt } });
      return logDetail(tx, p, id, ctx.now);
    },
    now,
  );
}
