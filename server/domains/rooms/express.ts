// FD-05: villa express mail — the desk checks the sender is a current owner or tenant of the unit (and how
// identity was verified), books the courier, and follows the item daily until it is delivered or returned.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TExpress, ZExpressCreate, ZExpressProgress } from '../../../common/rooms';
import { runCommand } from '../../platform/audit';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import { invalidField, notFound, updatedOrStale } from '../../platform/errors';
import { authorize, can, type Principal } from '../../platform/policy';
import { syncDeadlines } from '../deadlines/sync';
import { units } from '../org/tables';
import { customers, customerUnits } from '../people/tables';
import { expressMail } from './tables';

const DAY = 86_400_000;
const OPEN = ['booked', 'picked_up', 'in_transit'];

function present(r: { e: typeof expressMail.$inferSelect; path: string; customerName: string }, now: Date): TExpress {
  const { e } = r;
  return {
    id: e.id,
    projectId: e.projectId,
    unitId: e.unitId,
    path: r.path,
    customerName: r.customerName,
    identityCheck: e.identityCheck as TExpress['identityCheck'],
    itemType: e.itemType as TExpress['itemType'],
    destination: e.destination,
    courier: e.courier,
    trackingNo: e.trackingNo,
    fee: e.fee,
    status: e.status as TExpress['status'],
    followUps: e.followUps.map(({ at, status, note }) => ({ at, status, note })),
    nextFollowUpAt: e.nextFollowUpAt?.toISOString() ?? null,
    followUpOverdue: !!e.nextFollowUpAt && e.nextFollowUpAt < now,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
  };
}

async function rowsWhere(db: DbOrTx, where: ReturnType<typeof and>) {
  return db
    .select({ e: expressMail, path: units.path, customerName: customers.name })
    .from(expressMail)
    .innerJoin(units, eq(units.id, expressMail.unitId))
    .innerJoin(customers, eq(customers.id, expressMail.customerId))
    .where(where)
    .orderBy(desc(expressMail.createdAt))
    .limit(500);
}

export async function listExpress(db: DbOrTx, p: Principal, projectId: string, openOnly: boolean, now = new Date()): Promise<TExpress[]> {
  if (!can(p, 'case.read', projectId)) throw notFound();
  return (await rowsWhere(db, and(eq(expressMail.projectId, projectId), openOnly ? inArray(expressMail.status, OPEN) : undefined))).map((r) => present(r, now));
}

/** FD-05, X-01: the next follow-up of express mail in the shared deadlines; the clerk who booked it hears, then the CS supervisor. */
function syncFollowUpDue(tx: Tx, e: typeof expressMail.$inferSelect, due: Date, metAt: Date | null, now: Date) {
  return syncDeadlines(tx, { companyId: e.companyId, projectId: e.projectId, entity: 'express_mail', entityId: e.id, ruleVersion: 1 }, [{ kind: 'fd_express', dueAt: due, metAt, responsibleId: e.createdBy }], now);
}

export function sendExpress(db: Db, p: Principal, input: z.infer<typeof ZExpressCreate>): Promise<TExpress> {
  return runCommand(db, p, async (ctx) => {
    const [u] = await ctx.tx.select().from(units).where(and(eq(units.id, input.unitId), eq(units.companyId, p.companyId)));
    if (!u) throw notFound();
    authorize(p, 'case.create', u.projectId, 'case.read');
    // FD-05: the sender is verified against the unit's current owners and tenants.
    const [link] = await ctx.tx
      .select({ id: customerUnits.customerId })
      .from(customerUnits)
      .where(and(eq(customerUnits.unitId, u.id), eq(customerUnits.customerId, input.customerId), isNull(customerUnits.endedAt)));
    if (!link) throw invalidField('customerId', 'customer_not_in_unit');
    const [e] = await ctx.tx
      .insert(expressMail)
      .values({ companyId: p.companyId, projectId: u.projectId, ...input, nextFollowUpAt: new Date(ctx.now.getTime() + DAY), createdBy: p.userId, createdAt: ctx.now })
      .returning();
    await syncFollowUpDue(ctx.tx, e, e.nextFollowUpAt!, null, ctx.now);
    await ctx.audit({ entity: 'express_mail', entityId: e.id, projectId: e.projectId, action: 'create', after: input });
    const [r] = await rowsWhere(ctx.tx, eq(expressMail.id, e.id));
    return present(r, ctx.now);
  });
}

/** FD-05: a follow-up; delivered or returned ends the following, otherwise the next one is due a day later. */
export function progressExpress(db: Db, p: Principal, id: string, input: z.infer<typeof ZExpressProgress>): Promise<TExpress> {
  return runCommand(db, p, async (ctx) => {
    const [e] = await ctx.tx.select().from(expressMail).where(and(eq(expressMail.id, id), eq(expressMail.companyId, p.companyId)));
    if (!e) throw notFound();
    authorize(p, 'case.create', e.projectId, 'case.read');
    const done = !OPEN.includes(input.status);
    const entry = { at: ctx.now.toISOString(), status: input.status, note: input.note, by: p.userId };
    updatedOrStale(
      await ctx.tx
        .update(expressMail)
        .set({
          status: input.status,
          trackingNo: input.trackingNo ?? e.trackingNo,
          followUps: sql`${expressMail.followUps} || ${JSON.stringify([entry])}::jsonb`,
          nextFollowUpAt: done ? null : new Date(ctx.now.getTime() + DAY),
          version: sql`${expressMail.version} + 1`,
        })
        .where(and(eq(expressMail.id, id), eq(expressMail.version, input.version), inArray(expressMail.status, OPEN)))
        .returning({ id: expressMail.id }),
    );
    // A follow-up meets the day's due; unless delivered or returned, the next day's is due.
    await syncFollowUpDue(ctx.tx, e, done ? (e.nextFollowUpAt ?? ctx.now) : new Date(ctx.now.getTime() + DAY), done ? ctx.now : null, ctx.now);
    await ctx.audit({ entity: 'express_mail', entityId: id, projectId: e.projectId, action: 'progress', after: { status: input.status, note: input.note, trackingNo: input.trackingNo } });
    const [r] = await rowsWhere(ctx.tx, eq(expressMail.id, id));
    return present(r, ctx.now);
  });
}
