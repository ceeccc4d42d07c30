// CR-01: the key customer list — listed with the criteria as reasons (the 1% area rule checked against the
// units' areas), edited with a version, taken off with a reason (never deleted), reviewed once a quarter.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { LARGE_AREA_SHARE, type TKeyCustomerCreate, type TKeyCustomerUpdate } from '../../../../common/relations';
import { diff, runCommand } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import type { Db, Tx } from '../../../platform/db';
import { AppError, invalidField, notFound, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { syncDeadlines } from '../../deadlines/sync';
import { projectTimezone } from '../../org/queries';
import { units } from '../../org/tables';
import { customers, customerUnits } from '../../people/tables';
import { ownedAreas } from '../area';
import { localQuarter, nextQuarter, quarterOfMonth } from '../periods';
import { authorizeRelations } from '../policy';
import { keyCustomerReviews, keyCustomers } from '../tables';

export async function loadKeyCustomer(tx: Tx | Db, p: Principal, id: string, action: 'relations.read' | 'relations.manage' = 'relations.read') {
  const [k] = await tx.select().from(keyCustomers).where(and(eq(keyCustomers.id, id), eq(keyCustomers.companyId, p.companyId)));
  if (!k) throw notFound();
  authorizeRelations(p, action, k.projectId);
  return k;
}

/** CR-01: the "over 1% of the total area" reason stands only when the customer's owned units say so. */
async function checkedShare(tx: Tx, projectId: string, customerId: string | null, reasons: string[]): Promise<number | null> {
  if (!customerId) {
    if (reasons.includes('large_area')) throw invalidField('reasons', 'area_needs_customer');
    return null;
  }
  const { owners } = await ownedAreas(tx, projectId, { customerId });
  const share = owners[0]?.share ?? 0;
  if (reasons.includes('large_area') && !(share > LARGE_AREA_SHARE)) throw invalidField('reasons', 'area_share_too_small');
  return Math.round(share * 1e6) / 1e6;
}

export function createKeyCustomer(db: Db, p: Principal, projectId: string, input: TKeyCustomerCreate) {
  return runCommand(db, p, async (ctx) => {
    authorizeRelations(p, 'relations.manage', projectId);
    const { tx } = ctx;
    let unitId = input.unitId ?? null;
    if (unitId) {
      const [u] = await tx.select({ projectId: units.projectId }).from(units).where(and(eq(units.id, unitId), eq(units.companyId, p.companyId)));
      if (!u || u.projectId !== projectId) throw invalidField('unitId', 'unit_not_in_project');
    }
    if (input.customerId) {
      const [c] = await tx.select({ projectId: customers.projectId }).from(customers).where(and(eq(customers.id, input.customerId), eq(customers.companyId, p.companyId)));
      if (!c || c.projectId !== projectId) throw invalidField('customerId', 'unknown_customer');
      if (!unitId) {
        const [link] = await tx.select({ unitId: customerUnits.unitId }).from(customerUnits).where(and(eq(customerUnits.customerId, input.customerId), isNull(customerUnits.endedAt))).limit(1);
        unitId = link?.unitId ?? null;
      }
    }
    const areaShare = await checkedShare(tx, projectId, input.customerId ?? null, input.reasons);
    const [k] = await tx
      .insert(keyCustomers)
      .values({ companyId: p.companyId, projectId, customerId: input.customerId ?? null, unitId, name: input.name, phone: input.phone ?? null, reasons: input.reasons, note: input.note, areaShare, createdBy: p.userId, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!k) throw new AppError(409, 'key_customer_listed');
    // CR-01, X-01: every key customer is visited every quarter, the one listed in included.
    const tz = await projectTimezone(tx, projectId);
    await syncKeyVisitDue(tx, k, localQuarter(quarterAt(ctx.now, tz), tz).to, ctx.now);
    await ctx.audit({ entity: 'key_customer', entityId: k.id, projectId, action: 'create', after: { name: k.name, reasons: k.reasons, areaShare } });
    return k.id;
  });
}

export function updateKeyCustomer(db: Db, p: Principal, id: string, input: TKeyCustomerUpdate) {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const before = await loadKeyCustomer(tx, p, id, 'relations.manage');
    if (before.retiredAt) throw new AppError(409, 'key_customer_retired');
    const { version, ...patch } = input;
    const areaShare = patch.reasons ? await checkedShare(tx, before.projectId, before.customerId, patch.reasons) : before.areaShare;
    updatedOrStale(
      await tx
        .update(keyCustomers)
        .set({ ...patch, areaShare, version: sql`${keyCustomers.version} + 1` })
        .where(and(eq(keyCustomers.id, id), eq(keyCustomers.version, version)))
        .returning({ id: keyCustomers.id }),
    );
    await ctx.audit({ entity: 'key_customer', entityId: id, projectId: before.projectId, action: 'update', ...diff(before, patch) });
    return id;
  });
}

export function retireKeyCustomer(db: Db, p: Principal, id: string, input: { version: number; reason: string }) {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const before = await loadKeyCustomer(tx, p, id, 'relations.manage');
    if (before.retiredAt) throw new AppError(409, 'key_customer_retired');
    updatedOrStale(
      await tx
        .update(keyCustomers)
        .set({ retiredAt: ctx.now, retiredReason: input.reason, version: sql`${keyCustomers.version} + 1` })
        .where(and(eq(keyCustomers.id, id), eq(keyCustomers.version, input.version), isNull(keyCustomers.retiredAt)))
        .returning({ id: keyCustomers.id }),
    );
    await syncDeadlines(tx, { companyId: before.companyId, projectId: before.projectId, entity: 'key_customer', entityId: id, ruleVersion: 1 }, [], ctx.now); // off the list: no more visits due
    await ctx.audit({ entity: 'key_customer', entityId: id, projectId: before.projectId, action: 'retire', after: { reason: input.reason } });
    return id;
  });
}

/**
 * CR-01: the quarter's review of the list, a record of its own; due by the quarter's end (stored on the
 * record, late when done after it). A quarter that has not begun cannot be reviewed; each once.
 */
export function reviewKeyList(db: Db, p: Principal, projectId: string, input: { quarter: string; note: string }) {
  return runCommand(db, p, async (ctx) => {
    authorizeRelations(p, 'relations.manage', projectId);
    const { tx } = ctx;
    const tz = await projectTimezone(tx, projectId);
    const q = localQuarter(input.quarter, tz);
    if (q.from > ctx.now) throw new AppError(409, 'review_not_open');
    const current = quarterAt(ctx.now, tz);
    const [{ n, currentDone }] = await tx
      .select({
        n: sql<number>`count(*)::int`,
        currentDone: sql<boolean>`exists (select 1 from ${keyCustomerReviews} where ${keyCustomerReviews.projectId} = ${projectId} and ${keyCustomerReviews.quarter} = ${current})`,
      })
      .from(keyCustomers)
      .where(and(eq(keyCustomers.projectId, projectId), isNull(keyCustomers.retiredAt)));
    const [r] = await tx
      .insert(keyCustomerReviews)
      .values({ companyId: p.companyId, projectId, quarter: input.quarter, dueAt: q.to, reviewedBy: p.userId, reviewedAt: ctx.now, listed: n, note: input.note, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!r) throw new AppError(409, 'review_exists');
    // CR-01, X-01: the list's review deadline (one per project, moving on a quarter at a time) is met for
    // the current quarter once it is reviewed; a late review of the last quarter leaves this one due.
    const next = currentDone || r.quarter === current ? nextQuarter(current) : current;
    await syncDeadlines(
      tx,
      { companyId: p.companyId, projectId, entity: 'key_list', entityId: projectId, ruleVersion: 1 },
      [{ kind: 'cr_review', dueAt: localQuarter(next, tz).to, metAt: null, responsibleId: null }],
      ctx.now,
    );
    await ctx.audit({ entity: 'key_customer_review', entityId: r.id, projectId, action: 'create', after: { quarter: r.quarter, listed: n, late: ctx.now > q.to } });
    return r;
  });
}

/** CR-01, X-01: a key customer's visit is due by the end of a quarter; the CS supervisor hears when it is missed. */
export function syncKeyVisitDue(tx: Tx, k: { id: string; companyId: string; projectId: string }, due: Date, now: Date) {
  return syncDeadlines(tx, { companyId: k.companyId, projectId: k.projectId, entity: 'key_customer', entityId: k.id, ruleVersion: 1 }, [{ kind: 'cr_key_visit', dueAt: due, metAt: null, responsibleId: null }], now);
}

/** The quarter of a moment in the project's time zone. */
export const quarterAt = (now: Date, tz: string) => quarterOfMonth(toLocal(now, tz).date.slice(0, 7));
