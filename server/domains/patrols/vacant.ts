// PT-02: the vacant-unit register (空置房登记表) — the project's units whose state is vacant, always current
// because it is read from the units themselves — each with its last patrol and the next one due, and the
// patrol record of a vacant unit (what was found wrong, photos, a work order for a problem).
import { and, desc, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TVacantUnit, ZVacantPatrol, ZVacantPatrolCreate, ZVacantRegister } from '../../../common/patrols';
import { runCommand } from '../../platform/audit';
import { toLocal } from '../../platform/clock';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import { endOfLocalDay, syncDeadlines } from '../deadlines/sync';
import { AppError, notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import type { Storage } from '../../platform/storage';
import { projectTimezone } from '../org/queries';
import { units } from '../org/tables';
import { users } from '../people/tables';
import { openPatrolOrder } from './orders';
import { photosOf, savePhotos } from './photos';
import { authorizePatrol } from './policy';
import { inHeatingSeason, intervalOn, nextVacantDue, patrolSettingsOf } from './rules';
import { vacantPatrols } from './tables';

const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);

/** The vacant units of a project with their last patrol (one lateral read); `today` decides what is overdue. */
export async function vacantUnits(db: DbOrTx, projectId: string, today: string, before?: Date): Promise<TVacantUnit[]> {
  const res = await db.execute(sql`
    select u.id as "unitId", u.path, u.group_owned as "groupOwned", v.patrolled_at as "lastPatrolAt", v.by_name as "lastPatrolBy",
           coalesce(v.failed, '[]'::jsonb) as "lastFailed", v.next_due_on::text as "nextDueOn"
      from units u
      left join lateral (
        select vp.patrolled_at, vp.failed, vp.next_due_on, us.display_name as by_name
          from vacant_patrols vp join users us on us.id = vp.by_id
         where vp.unit_id = u.id and (${before?.toISOString() ?? null}::timestamptz is null or vp.patrolled_at < ${before?.toISOString() ?? null}::timestamptz) order by vp.patrolled_at desc limit 1) v on true
     where u.project_id = ${projectId} and u.state = 'vacant'
     order by u.sort_key`);
  const rows = ((res as { rows?: unknown[] }).rows ?? res) as { unitId: string; path: string; groupOwned: boolean; lastPatrolAt: Date | string | null; lastPatrolBy: string | null; lastFailed: string[]; nextDueOn: string | null }[];
  return rows.map((r) => {
    // A unit never patrolled is due at once (PT-02: every vacant unit is on the round).
    const overdueDays = r.nextDueOn ? Math.max(0, dayDiff(today, r.nextDueOn)) : 1;
    return {
      unitId: r.unitId,
      path: r.path,
      groupOwned: r.groupOwned,
      lastPatrolAt: r.lastPatrolAt ? new Date(r.lastPatrolAt).toISOString() : null,
      lastPatrolBy: r.lastPatrolBy,
      lastFailed: r.lastFailed,
      nextDueOn: r.nextDueOn,
      overdue: !r.nextDueOn || r.nextDueOn < today,
      overdueDays,
    };
  });
}

export async function vacantRegister(db: DbOrTx, p: Principal, projectId: string, onlyOverdue: boolean, now = new Date()): Promise<z.infer<typeof ZVacantRegister>> {
  if (!can(p, 'patrol.read', projectId)) throw notFound();
  const today = toLocal(now, await projectTimezone(db, projectId)).date;
  const { settings } = await patrolSettingsOf(db, projectId);
  const all = await vacantUnits(db, projectId, today);
  return {
    projectId,
    today,
    heatingSeason: inHeatingSeason(today, settings),
    intervalDays: intervalOn(today, settings),
    units: onlyOverdue ? all.filter((u) => u.overdue) : all,
    overdue: all.filter((u) => u.overdue).length,
  };
}

export function recordVacantPatrol(db: Db, storage: Storage, p: Principal, input: z.infer<typeof ZVacantPatrolCreate>, now?: Date): Promise<z.infer<typeof ZVacantPatrol>> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const [u] = await ctx.tx.select().from(units).where(and(eq(units.id, input.unitId), eq(units.companyId, p.companyId)));
      if (!u) throw notFound();
      authorizePatrol(p, 'patrol.record', u.projectId);
      if (u.state !== 'vacant') throw new AppError(409, 'unit_not_vacant');
      const tz = await projectTimezone(ctx.tx, u.projectId);
      const today = toLocal(ctx.now, tz).date;
      const { settings } = await patrolSettingsOf(ctx.tx, u.projectId);
      const nextDueOn = nextVacantDue(today, settings); // PT-02, X-01: stored on the record
      const order = input.order ? await openPatrolOrder(ctx, p, { projectId: u.projectId, unitId: u.id, location: u.path, ...input.order }) : null;
      const [v] = await ctx.tx
        .insert(vacantPatrols)
        .values({ companyId: p.companyId, projectId: u.projectId, unitId: u.id, patrolledAt: ctx.now, byId: p.userId, failed: [...new Set(input.failed)], note: input.note, nextDueOn, workOrderId: order?.id ?? null })
        .returning();
      await syncVacantDue(ctx.tx, u, endOfLocalDay(nextDueOn, tz), ctx.now);
      const photos = await savePhotos(ctx, storage, { companyId: p.companyId, projectId: u.projectId, entity: 'vacant_patrol', entityId: v.id, uploadedBy: p.userId }, input.photos);
      await ctx.audit({ entity: 'vacant_patrol', entityId: v.id, projectId: u.projectId, action: 'create', after: { unitId: u.id, path: u.path, failed: v.failed, nextDueOn, workOrder: order?.number ?? null, photos: photos.length } });
      const [me] = await ctx.tx.select({ name: users.displayName }).from(users).where(eq(users.id, p.userId));
      return { id: v.id, unitId: u.id, path: u.path, patrolledAt: v.patrolledAt.toISOString(), byName: me?.name ?? '', failed: v.failed, note: v.note, nextDueOn, workOrderId: v.workOrderId, photos };
    },
    now,
  );
}

/**
 * PT-02, X-01: a vacant unit's next patrol in the shared deadlines (entity: the unit, one row moving on
 * with each patrol; `due` null closes it when the unit is no longer vacant). The CS supervisor hears first.
 */
export function syncVacantDue(tx: Tx, u: { id: string; companyId: string; projectId: string }, due: Date | null, now: Date) {
  return syncDeadlines(tx, { companyId: u.companyId, projectId: u.projectId, entity: 'vacant_unit', entityId: u.id, ruleVersion: 1 }, due ? [{ kind: 'pt_vacant', dueAt: due, metAt: null, responsibleId: null }] : [], now);
}

/** PT-02: a unit's patrol history, newest first. */
export async function unitPatrols(db: DbOrTx, p: Principal, unitId: string): Promise<z.infer<typeof ZVacantPatrol>[]> {
  const [u] = await db.select().from(units).where(and(eq(units.id, unitId), eq(units.companyId, p.companyId)));
  if (!u || !can(p, 'patrol.read', u.projectId)) throw notFound();
  const rows = await db
    .select({ v: vacantPatrols, byName: users.displayName })
    .from(vacantPatrols)
    .innerJoin(users, eq(users.id, vacantPatrols.byId))
    .where(eq(vacantPatrols.unitId, unitId))
    .orderBy(desc(vacantPatrols.patrolledAt))
    .limit(100);
  const photos = await photosOf(db, 'vacant_patrol', rows.map((r) => r.v.id));
  return rows.map(({ v, byName }) => ({ id: v.id, unitId, path: u.path, patrolledAt: v.patrolledAt.toISOString(), byName, failed: v.failed, note: v.note, nextDueOn: v.nextDueOn, workOrderId: v.workOrderId, photos: photos.get(v.id) ?? [] }));
}

