// PT-01: the day's public-area patrol, its findings (photos, handling, a recheck due in 3 days, the work
// order opened for it) and their rechecks. Each patrol enters the supervisor's and the manager's samples.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TFindingCreate, TPatrolDetail, ZPatrolStart, ZRecheck } from '../../../../common/patrols';
import { runCommand, type CommandContext } from '../../../platform/audit';
import { dueAt, toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { AppError, notFound, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { nextInSequence } from '../../../platform/sequence';
import type { Storage } from '../../../platform/storage';
import { workCalendar } from '../../calendar/queries';
import { rulesOf } from '../../deadlines/rules';
import { syncDeadlines } from '../../deadlines/sync';
import { systematicPick } from '../../followups/sampler';
import { projectTimezone } from '../../org/queries';
import { openPatrolOrder } from '../orders';
import { savePhotos } from '../photos';
import { authorizePatrol } from '../policy';
import { patrolDetail } from '../queries';
import { patrolSettingsOf } from '../rules';
import { patrolChecks, patrolFindings, publicPatrols } from '../tables';

/** RV-02's systematic sampler on patrol records: the n-th patrol of a project and month is drawn when ceil(n × rate) grows. */
async function drawPatrol(ctx: CommandContext, pt: { id: string; companyId: string; projectId: string; patrolDate: string }) {
  const { rules } = await rulesOf(ctx.tx, pt.projectId);
  const month = Number(pt.patrolDate.slice(0, 7).replace('-', ''));
  for (const [level, rate] of [
    ['supervisor', rules.supervisorCheckRate],
    ['manager', rules.managerCheckRate],
  ] as const) {
    const n = await nextInSequence(ctx.tx, pt.companyId, pt.projectId, `patrol_check_${level}`, month);
    if (systematicPick(n, rate)) await ctx.tx.insert(patrolChecks).values({ companyId: pt.companyId, projectId: pt.projectId, patrolId: pt.id, level, selectedAt: ctx.now });
  }
}

/** PT-01, X-01: the finding's recheck in the shared deadlines: its finder hears first, then the CS supervisor. */
function syncRecheck(ctx: CommandContext, f: typeof patrolFindings.$inferSelect, due: Date, metAt: Date | null) {
  return syncDeadlines(
    ctx.tx,
    { companyId: f.companyId, projectId: f.projectId, entity: 'patrol_finding', entityId: f.id, ruleVersion: 1 },
    [{ kind: 'pt_recheck', dueAt: due, metAt, responsibleId: f.createdBy }],
    ctx.now,
  );
}

export function startPatrol(db: Db, p: Principal, input: z.infer<typeof ZPatrolStart>, now?: Date): Promise<TPatrolDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      authorizePatrol(p, 'patrol.record', input.projectId);
      const patrolDate = toLocal(ctx.now, await projectTimezone(ctx.tx, input.projectId)).date;
      const [pt] = await ctx.tx
        .insert(publicPatrols)
        .values({ companyId: p.companyId, projectId: input.projectId, patrolDate, route: input.route, note: input.note, patrollerId: p.userId, createdAt: ctx.now })
        .onConflictDoNothing()
        .returning();
      if (!pt) throw new AppError(409, 'patrol_exists'); // one patrol record per project and day
      await drawPatrol(ctx, pt);
      await ctx.audit({ entity: 'public_patrol', entityId: pt.id, projectId: pt.projectId, action: 'create', after: { patrolDate, route: pt.route } });
      return patrolDetail(ctx.tx, p, pt.id, ctx.now);
    },
    now,
  );
}

async function loadPatrol(ctx: CommandContext, p: Principal, id: string) {
  const [pt] = await ctx.tx.select().from(publicPatrols).where(and(eq(publicPatrols.id, id), eq(publicPatrols.companyId, p.companyId)));
  if (!pt) throw notFound();
  authorizePatrol(p, 'patrol.record', pt.projectId);
  return pt;
}

export function addFinding(db: Db, storage: Storage, p: Principal, patrolId: string, input: TFindingCreate, now?: Date): Promise<TPatrolDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const pt = await loadPatrol(ctx, p, patrolId);
      const { settings } = await patrolSettingsOf(ctx.tx, pt.projectId);
      const cal = await workCalendar(ctx.tx, p.companyId, pt.projectId);
      // PT-01, X-01: the recheck is due by the end of the 3rd day after the finding, stored on the record.
      const due = dueAt({ clock: 'calendar_days', days: settings.recheckDays }, ctx.now, cal);
      const order = input.order
        ? await openPatrolOrder(ctx, p, { projectId: pt.projectId, location: input.location, description: input.problem, ...input.order })
        : null;
      const [f] = await ctx.tx
        .insert(patrolFindings)
        .values({
          companyId: p.companyId,
          projectId: pt.projectId,
          patrolId: pt.id,
          location: input.location,
          problem: input.problem,
          handling: input.handling,
          handlingNote: input.handlingNote,
          recheckDueAt: due,
          firstRecheckDueAt: due,
          workOrderId: order?.id ?? null,
          createdBy: p.userId,
          createdAt: ctx.now,
        })
        .returning();
      await syncRecheck(ctx, f, due, null);
      const photos = await savePhotos(ctx, storage, { companyId: p.companyId, projectId: pt.projectId, entity: 'patrol_finding', entityId: f.id, uploadedBy: p.userId }, input.photos);
      await ctx.audit({
        entity: 'patrol_finding',
        entityId: f.id,
        projectId: pt.projectId,
        action: 'create',
        after: { patrolId: pt.id, location: f.location, problem: f.problem, handling: f.handling, recheckDueAt: due.toISOString(), workOrder: order?.number ?? null, photos: photos.length },
      });
      return patrolDetail(ctx.tx, p, pt.id, ctx.now);
    },
    now,
  );
}

/** PT-01: the recheck. Resolved closes the finding; unresolved sets the next recheck the same number of days on. */
export function recheckFinding(db: Db, p: Principal, id: string, input: z.infer<typeof ZRecheck>, now?: Date): Promise<TPatrolDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const [f] = await ctx.tx.select().from(patrolFindings).where(and(eq(patrolFindings.id, id), eq(patrolFindings.companyId, p.companyId)));
      if (!f) throw notFound();
      authorizePatrol(p, 'patrol.record', f.projectId);
      if (f.status !== 'open') throw new AppError(409, 'finding_closed');
      const { settings } = await patrolSettingsOf(ctx.tx, f.projectId);
      const cal = await workCalendar(ctx.tx, p.companyId, f.projectId);
      const resolved = input.result === 'resolved';
      const next = resolved ? f.recheckDueAt : dueAt({ clock: 'calendar_days', days: settings.recheckDays }, ctx.now, cal);
      updatedOrStale(
        await ctx.tx
          .update(patrolFindings)
          .set({
            status: resolved ? 'closed' : 'open',
            recheckResult: input.result,
            recheckNote: input.note,
            recheckedAt: ctx.now,
            firstRecheckedAt: sql`coalesce(${patrolFindings.firstRecheckedAt}, ${ctx.now.toISOString()}::timestamptz)`,
            rechecks: sql`${patrolFindings.rechecks} + 1`,
            recheckerId: p.userId,
            recheckDueAt: next,
            version: sql`${patrolFindings.version} + 1`,
          })
          .where(and(eq(patrolFindings.id, id), eq(patrolFindings.version, input.version), eq(patrolFindings.status, 'open')))
          .returning({ id: patrolFindings.id }),
      );
      await syncRecheck(ctx, f, next, resolved ? ctx.now : null);
      await ctx.audit({ entity: 'patrol_finding', entityId: id, projectId: f.projectId, action: 'recheck', after: { result: input.result, note: input.note, nextRecheckDueAt: resolved ? null : next.toISOString() } });
      return patrolDetail(ctx.tx, p, f.patrolId, ctx.now);
    },
    now,
  );
}
