// PT-03: the equipment register with each plan's next check due and whether it is overdue.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TEquipment } from '../../../common/patrols';
import { toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { projectTimezone } from '../org/queries';
import { equipment, maintenancePlans } from './tables';

export async function equipmentList(db: DbOrTx, p: Principal, projectId: string, now = new Date(), ids?: string[]): Promise<TEquipment[]> {
  if (!can(p, 'facility.read', projectId)) throw notFound();
  const today = toLocal(now, await projectTimezone(db, projectId)).date;
  const rows = await db
    .select({
      e: equipment,
      openOrders: sql<number>`(select count(*)::int from facility_checks c join work_orders o on o.id = c.work_order_id
        where c.equipment_id = "equipment"."id" and o.status in ('reported','dispatched','accepted','in_progress','on_hold'))`,
    })
    .from(equipment)
    .where(and(eq(equipment.projectId, projectId), ids ? inArray(equipment.id, ids) : undefined))
    .orderBy(asc(equipment.kind), asc(equipment.code));
  const plans = rows.length ? await db.select().from(maintenancePlans).where(inArray(maintenancePlans.equipmentId, rows.map((r) => r.e.id))).orderBy(asc(maintenancePlans.nextDueOn)) : [];
  return rows.map(({ e, openOrders }) => ({
    id: e.id,
    projectId: e.projectId,
    kind: e.kind as TEquipment['kind'],
    code: e.code,
    name: e.name,
    location: e.location,
    installedOn: e.installedOn,
    retired: !!e.retiredAt,
    openOrders,
    version: e.version,
    plans: plans
      .filter((x) => x.equipmentId === e.id)
      .map((x) => ({ id: x.id, title: x.title, periodDays: x.periodDays, nextDueOn: x.nextDueOn, overdue: !e.retiredAt && x.nextDueOn < today, lastCheckedOn: x.lastCheckedOn, lastResult: x.lastResult, version: x.version })),
  }));
}

export async function oneEquipment(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TEquipment> {
  const [e] = await db.select({ projectId: equipment.projectId }).from(equipment).where(and(eq(equipment.id, id), eq(equipment.companyId, p.companyId)));
  if (!e) throw notFound();
  const [one] = await equipmentList(db, p, e.projectId, now, [id]);
  return one;
}
