// PT-03: the equipment register, its maintenance plans, and the checks done under them. A failed check
// opens a work order (through the desk's command) and is linked to it; the plan's next check moves on.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TEquipment, ZEquipmentCreate, ZEquipmentUpdate, ZFacilityCheck, ZFacilityCheckCreate, ZPlanCreate } from '../../../../common/patrols';
import { diff, runCommand } from '../../../platform/audit';
import { addDays, toLocal } from '../../../platform/clock';
import type { Db, Tx } from '../../../platform/db';
import { AppError, invalidField, notFound, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { deadlines } from '../../deadlines/tables';
import { endOfLocalDay, syncDeadlines } from '../../deadlines/sync';
import { projectTimezone } from '../../org/queries';
import { oneEquipment } from '../facilities';
import { openPatrolOrder } from '../orders';
import { authorizeFacility } from '../policy';
import { equipment, facilityChecks, maintenancePlans } from '../tables';

const TRADE_OF: Record<string, 'elevator' | 'water' | 'electric' | 'public_facility'> = { elevator: 'elevator', water_tank: 'water', pump: 'water', power: 'electric' };

export function createEquipment(db: Db, p: Principal, input: z.infer<typeof ZEquipmentCreate>): Promise<TEquipment> {
  return runCommand(db, p, async (ctx) => {
    authorizeFacility(p, 'facility.manage', input.projectId);
    const [e] = await ctx.tx
      .insert(equipment)
      .values({ companyId: p.companyId, projectId: input.projectId, kind: input.kind, code: input.code, name: input.name, location: input.location, installedOn: input.installedOn ?? null, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!e) throw invalidField('code', 'equipment_code_taken');
    await ctx.audit({ entity: 'equipment', entityId: e.id, projectId: e.projectId, action: 'create', after: input });
    return oneEquipment(ctx.tx, p, e.id, ctx.now);
  });
}

async function loadEquipment(tx: Parameters<Parameters<typeof runCommand>[2]>[0]['tx'], p: Principal, id: string) {
  const [e] = await tx.select().from(equipment).where(and(eq(equipment.id, id), eq(equipment.companyId, p.companyId)));
  if (!e) throw notFound();
  return e;
}

export function updateEquipment(db: Db, p: Principal, id: string, input: z.infer<typeof ZEquipmentUpdate>): Promise<TEquipment> {
  return runCommand(db, p, async (ctx) => {
    const before = await loadEquipment(ctx.tx, p, id);
    authorizeFacility(p, 'facility.manage', before.projectId);
    const { version, retired, ...patch } = input;
    const set = { ...patch, ...(retired === undefined ? {} : { retiredAt: retired ? (before.retiredAt ?? ctx.now) : null }) };
    updatedOrStale(
      await ctx.tx
        .update(equipment)
        .set({ ...set, version: sql`${equipment.version} + 1` })
        .where(and(eq(equipment.id, id), eq(equipment.version, version)))
        .returning({ id: equipment.id }),
    );
    // PT-03, X-01: a retired piece of equipment has no checks due; one back in service is due as its plans say.
    if (retired !== undefined && retired !== !!before.retiredAt)
      await ctx.tx.execute(
        retired
          ? sql`update ${deadlines} set met_at = ${ctx.now.toISOString()}::timestamptz
                where kind = 'pt_maintenance' and met_at is null and entity_id in (select id from ${maintenancePlans} where equipment_id = ${id})`
          : sql`update ${deadlines} d set met_at = null, notified_level = 0,
                  due_at = ((m.next_due_on + 1)::timestamp at time zone ${await projectTimezone(ctx.tx, before.projectId)})
                from ${maintenancePlans} m where m.equipment_id = ${id} and d.entity_id = m.id and d.kind = 'pt_maintenance'`,
      );
    await ctx.audit({ entity: 'equipment', entityId: id, projectId: before.projectId, action: 'update', ...diff(before as Record<string, unknown>, set) });
    return oneEquipment(ctx.tx, p, id, ctx.now);
  });
}

export function createPlan(db: Db, p: Principal, input: z.infer<typeof ZPlanCreate>): Promise<TEquipment> {
  return runCommand(db, p, async (ctx) => {
    const e = await loadEquipment(ctx.tx, p, input.equipmentId);
    authorizeFacility(p, 'facility.manage', e.projectId);
    if (e.retiredAt) throw new AppError(409, 'equipment_retired');
    const tz = await projectTimezone(ctx.tx, e.projectId);
    const today = toLocal(ctx.now, tz).date;
    const nextDueOn = input.firstDueOn ?? addDays(today, input.periodDays);
    const [plan] = await ctx.tx
      .insert(maintenancePlans)
      .values({ companyId: p.companyId, projectId: e.projectId, equipmentId: e.id, title: input.title, periodDays: input.periodDays, nextDueOn, createdAt: ctx.now })
      .returning();
    await syncPlanDue(ctx.tx, plan, endOfLocalDay(nextDueOn, tz), ctx.now);
    await ctx.audit({ entity: 'maintenance_plan', entityId: plan.id, projectId: e.projectId, action: 'create', after: { equipmentId: e.id, title: plan.title, periodDays: plan.periodDays, nextDueOn } });
    return oneEquipment(ctx.tx, p, e.id, ctx.now);
  });
}

/** PT-03, X-01: a plan's next check in the shared deadlines (one row moving on with each check); the engineering supervisor hears. */
function syncPlanDue(tx: Tx, plan: { id: string; companyId: string; projectId: string }, due: Date, now: Date) {
  return syncDeadlines(tx, { companyId: plan.companyId, projectId: plan.projectId, entity: 'maintenance_plan', entityId: plan.id, ruleVersion: 1 }, [{ kind: 'pt_maintenance', dueAt: due, metAt: null, responsibleId: null, department: 'engineering' }], now);
}

/** PT-03: a check under a plan; the next one is due a period after today; a failure opens its work order. */
export function recordFacilityCheck(db: Db, p: Principal, input: z.infer<typeof ZFacilityCheckCreate>, now?: Date): Promise<z.infer<typeof ZFacilityCheck>> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const [row] = await ctx.tx
        .select({ plan: maintenancePlans, e: equipment })
        .from(maintenancePlans)
        .innerJoin(equipment, eq(equipment.id, maintenancePlans.equipmentId))
        .where(and(eq(maintenancePlans.id, input.planId), eq(maintenancePlans.companyId, p.companyId)));
      if (!row) throw notFound();
      const { plan, e } = row;
      authorizeFacility(p, 'facility.check', plan.projectId);
      if (e.retiredAt) throw new AppError(409, 'equipment_retired');
      const tz = await projectTimezone(ctx.tx, plan.projectId);
      const today = toLocal(ctx.now, tz).date;
      // One check moves the plan on; two sent at once for the same due date: the second finds the plan moved.
      updatedOrStale(
        await ctx.tx
          .update(maintenancePlans)
          .set({ nextDueOn: addDays(today, plan.periodDays), lastCheckedOn: today, lastResult: input.result, version: sql`${maintenancePlans.version} + 1` })
          .where(and(eq(maintenancePlans.id, plan.id), eq(maintenancePlans.version, plan.version)))
          .returning({ id: maintenancePlans.id }),
      );
      await syncPlanDue(ctx.tx, plan, endOfLocalDay(addDays(today, plan.periodDays), tz), ctx.now);
      const order =
        input.result === 'fail'
          ? await openPatrolOrder(ctx, p, {
              projectId: plan.projectId,
              location: `${e.location} ${e.name}（${e.code}）`,
              description: `${plan.title}：${input.order!.description}`,
              trade: TRADE_OF[e.kind] ?? 'public_facility',
              priority: input.order!.priority,
              department: 'engineering',
            })
          : null;
      const [c] = await ctx.tx
        .insert(facilityChecks)
        .values({ companyId: p.companyId, projectId: plan.projectId, equipmentId: e.id, planId: plan.id, result: input.result, note: input.note, byId: p.userId, checkedAt: ctx.now, workOrderId: order?.id ?? null })
        .returning();
      await ctx.audit({ entity: 'facility_check', entityId: c.id, projectId: plan.projectId, action: 'create', after: { equipmentId: e.id, planId: plan.id, result: c.result, note: c.note, workOrder: order?.number ?? null } });
      return { id: c.id, planId: plan.id, equipmentId: e.id, result: c.result as 'pass' | 'fail', checkedAt: c.checkedAt.toISOString(), workOrderId: order?.id ?? null, workOrderNumber: order?.number ?? null };
    },
    now,
  );
}

