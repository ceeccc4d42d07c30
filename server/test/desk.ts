// Factories for desk tests: a principal for a demo user, and a repair case with its order.
import { and, eq } from 'drizzle-orm';
import type { TCaseDetail, TWorkOrderDetail } from '../../common/desk';
import type { TPaidOrder } from '../../common/paid';
import type { Db } from '../platform/db';
import type { Principal } from '../platform/policy';
import { principalForUser } from '../domains/auth/session';
import { createCase } from '../domains/cases/commands/create-case';
import { units } from '../domains/org/tables';
import { users } from '../domains/people/tables';
import { paidAction } from '../domains/paid/commands/paid-action';
import { registerPaidOrder } from '../domains/paid/commands/register-paid';
import { paidOrders, serviceItems } from '../domains/paid/tables';
import { orderVersion } from '../domains/workorders/queries';
import { transitionSeen } from '../domains/workorders/commands/transition-order';
import type { Storage } from '../platform/storage';
import { SIGNATURE } from '../seed/signature';

export async function principalOf(db: Db, username: string): Promise<Principal> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return principalForUser(db, u.id, u.companyId, 'zh-CN');
}

export async function userId(db: Db, username: string): Promise<string> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u.id;
}

/** A repair reported by phone at `now` (default: the wall clock) in the given project. */
export async function repairCase(
  db: Db,
  clerk: string,
  projectId: string,
  opts: { now?: Date; public?: boolean; priority?: 'normal' | 'emergency' } = {},
): Promise<TCaseDetail> {
  const p = await principalOf(db, clerk);
  const [unit] = await db.select().from(units).where(eq(units.projectId, projectId)).limit(1);
  return createCase(
    db,
    p,
    {
      projectId,
      channel: 'phone',
      category: 'repair',
      unitId: unit.id,
      callerName: '王先生',
      callerPhone: '13800138000',
      content: '厨房水龙头漏水',
      confirmedWithCaller: true,
      order: {
        trade: 'water',
        priority: opts.priority ?? 'normal',
        locationKind: opts.public ? 'public' : 'unit',
        publicLocation: opts.public ? '2栋大堂' : undefined,
        description: '厨房水龙头漏水，需更换阀芯',
        department: 'engineering',
      },
    },
    opts.now,
  );
}

/** PS-03: a paid repair registered by the project's clerk from a phone call, at the item's list price. */
export async function paidOrder(db: Db, clerk: string, projectId: string, opts: { now?: Date; agreed?: boolean; channel?: 'phone' | 'walk_in' } = {}): Promise<TPaidOrder> {
  const p = await principalOf(db, clerk);
  const [unit] = await db.select().from(units).where(eq(units.projectId, projectId)).limit(1);
  const [item] = await db.select().from(serviceItems).where(and(eq(serviceItems.projectId, projectId), eq(serviceItems.active, true))).limit(1);
  return registerPaidOrder(
    db,
    p,
    {
      projectId,
      channel: opts.channel ?? 'phone',
      unitId: unit.id,
      callerName: '李女士',
      callerPhone: '13900139000',
      confirmedWithCaller: true,
      itemId: item.id,
      quantity: 1,
      description: '卫生间水龙头漏水，更换水龙头',
      preferredTime: '今天下午',
      fee: item.price,
      expectedResult: '水龙头出水正常、不再漏水',
      agreed: opts.agreed ?? true,
    },
    opts.now,
  );
}

/** A paid order done, signed and paid in cash, not yet closed: the order and its paid record (key: ch, gm, bs). */
export async function paidAndSigned(db: Db, storage: Storage, key: string, order: TPaidOrder) {
  const [eng, tech, clerk] = await Promise.all([principalOf(db, `${key}-eng`), principalOf(db, `${key}-tech`), principalOf(db, `${key}-clerk`)]);
  let o = await transitionSeen(db, storage, eng, order.orderId, { action: 'dispatch', version: await orderVersion(db, order.orderId), assigneeId: tech.userId });
  o = await transitionSeen(db, storage, tech, o.id, { action: 'accept', version: o.version });
  o = await transitionSeen(db, storage, tech, o.id, { action: 'start', version: o.version });
  o = await transitionSeen(db, storage, tech, o.id, { action: 'complete', version: o.version, result: '已更换水龙头，试水正常', materials: [], signature: SIGNATURE });
  const paid = await paidAction(db, clerk, o.id, { action: 'collect', version: await paidVersion(db, o.id), amount: order.fee, method: 'cash' });
  return { order: o, paid, clerk };
}

/** The same, closed through the commands the API uses. */
export async function closedPaidOrder(db: Db, storage: Storage, key: string, order: TPaidOrder): Promise<TWorkOrderDetail> {
  const done = await paidAndSigned(db, storage, key, order);
  return transitionSeen(db, storage, done.clerk, done.order.id, { action: 'close', version: done.order.version });
}

async function paidVersion(db: Db, orderId: string) {
  const [o] = await db.select({ version: paidOrders.version }).from(paidOrders).where(eq(paidOrders.orderId, orderId));
  return o.version;
}

export { SIGNATURE };
