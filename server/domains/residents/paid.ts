// X-03, PS-01..PS-04: a resident orders a paid service at the project's listed price from the phone. The
// order is registered through the desk's own command (channel "portal", by the clerk on duty, PS-02: the
// desk takes every paid order); the desk sends its quote, and the resident agrees to it (or declines)
// before work starts — the agreement is the desk's own "agree" step with the way it was given: "portal".
import type { TPortalPaidCreate, TPortalPaidOrder } from '../../../common/portal-services';
import type { TPriceList } from '../../../common/paid';
import { cents } from '../../../common/money';
import { runCommand } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors';
import { query } from '../../platform/sql';
import { principalForUser } from '../auth/session';
import { notify } from '../notifications/notify';
import { paidAction } from '../paid/commands/paid-action';
import { registerPaidOrder } from '../paid/commands/register-paid';
import { priceList } from '../paid/queries';
import { clerkOnDuty } from './duty';
import { allowedUnit, residentUnits, unitsParam, visibleCasesWhere } from './scope';
import type { Resident } from './session';

const BEFORE_WORK = ['reported', 'dispatched', 'accepted'];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** PS-01: the price list of the project of one of the resident's units (another unit: not found). */
export async function residentPriceList(db: DbOrTx, r: Resident, unitId: string): Promise<TPriceList> {
  const unit = (await residentUnits(db, r)).find((u) => u.unitId === unitId);
  if (!unit) throw notFound();
  return priceList(db, unit.projectId);
}

export async function orderPaidService(db: Db, r: Resident, input: TPortalPaidCreate, now?: Date): Promise<{ orderId: string; caseId: string; number: string }> {
  const unit = await allowedUnit(db, r, input.unitId);
  const list = await priceList(db, unit.projectId);
  const item = list.items.find((i) => i.id === input.itemId);
  if (!item) throw invalidField('itemId', 'unknown_item'); // another project's item, or one retired
  const clerkId = await clerkOnDuty(db, unit.projectId);
  const clerk = await principalForUser(db, clerkId, r.companyId, 'zh-CN');
  // PS-03: registered at the listed price, not yet agreed: the desk confirms the job and sends its quote.
  const o = await registerPaidOrder(
    db,
    clerk,
    {
      projectId: unit.projectId,
      channel: 'portal',
      unitId: unit.unitId,
      customerId: unit.customerId,
      callerName: unit.customerName,
      callerPhone: r.phone,
      confirmedWithCaller: true,
      itemId: item.id,
      quantity: input.quantity,
      description: input.description,
      preferredTime: input.preferredTime,
      fee: cents(item.price * input.quantity) / 100,
      expectedResult: `${item.name}（按价目表）`,
      agreed: false,
    },
    now,
    async (ctx, made) => {
      await ctx.audit({ entity: 'resident', entityId: r.residentId, projectId: unit.projectId, action: 'order_paid', after: { orderId: made.orderId, number: made.number } });
      await notify(ctx.tx, { companyId: r.companyId, projectId: unit.projectId, userIds: [clerkId], kind: 'portal_paid', entity: 'work_order', entityId: made.orderId, params: { number: made.number, item: item.name }, dedupeKey: `portal_paid:${made.orderId}`, at: ctx.now });
    },
  );
  return { orderId: o.orderId, caseId: o.caseId, number: o.orderNumber };
}

interface Row {
  orderId: string;
  caseId: string;
  projectId: string;
  ownerId: string;
  number: string;
  path: string | null;
  itemName: string;
  quantity: number;
  fee: number;
  expectedResult: string;
  preferredTime: string;
  status: string;
  channel: string;
  agreedAt: Date | null;
  agreedHow: string | null;
  appointmentAt: Date | null;
  collectedAt: Date | null;
  createdAt: Date;
  version: number;
  quotedAt: Date | null;
  declinedAt: Date | null;
}

const PAID_SQL = (where: string) => `
select p.order_id as "orderId", o.case_id as "caseId", p.project_id as "projectId", c.owner_id as "ownerId", o.number, u.path,
       p.item_name as "itemName", p.quantity::float8 as quantity, p.fee::float8 as fee, p.expected_result as "expectedResult",
       p.preferred_time as "preferredTime", o.status, p.channel, p.agreed_at as "agreedAt", p.agreed_how as "agreedHow",
       p.appointment_at as "appointmentAt", p.collected_at as "collectedAt", o.reported_at as "createdAt", p.version,
       (select max(a.at) from audit_events a where a.entity = 'paid_order' and a.entity_id = p.order_id::text and a.action = 'quote') as "quotedAt",
       (select max(a.at) from audit_events a where a.entity = 'paid_order' and a.entity_id = p.order_id::text and a.action = 'decline') as "declinedAt"
  from paid_orders p
  join work_orders o on o.id = p.order_id
  join cases c on c.id = o.case_id
  left join units u on u.id = c.unit_id
 where c.company_id = $1::uuid and ${visibleCasesWhere('c', '$2')} ${where}
 order by o.reported_at desc
 limit 50`;

function present(row: Row, timeline: TPortalPaidOrder['timeline'] = []): TPortalPaidOrder {
  // A desk registration carries the desk's quote; an order from the portal waits for the desk's.
  const quoted = row.channel !== 'portal' || !!row.quotedAt;
  const declined = !!row.declinedAt && (!row.quotedAt || row.declinedAt > row.quotedAt);
  return {
    orderId: row.orderId,
    caseId: row.caseId,
    number: row.number,
    path: row.path,
    itemName: row.itemName,
    quantity: row.quantity,
    fee: row.fee,
    expectedResult: row.expectedResult,
    preferredTime: row.preferredTime,
    status: row.status,
    quoted,
    quotedAt: iso(row.quotedAt),
    agreedAt: iso(row.agreedAt),
    agreedHow: row.agreedHow,
    declinedAt: declined ? iso(row.declinedAt) : null,
    appointmentAt: iso(row.appointmentAt),
    collected: !!row.collectedAt,
    createdAt: iso(row.createdAt)!,
    canAgree: quoted && !declined && !row.agreedAt && BEFORE_WORK.includes(row.status),
    version: row.version,
    timeline,
  };
}

async function paidRows(db: DbOrTx, r: Resident, where: string, extra: unknown[]) {
  const units = await residentUnits(db, r);
  return query<Row>(db, `resident_paid_${extra.length}`, PAID_SQL(where), [r.companyId, unitsParam(units), ...extra]);
}

export async function residentPaidOrders(db: DbOrTx, r: Resident): Promise<TPortalPaidOrder[]> {
  return (await paidRows(db, r, '', [])).map((x) => present(x));
}

async function visiblePaid(db: DbOrTx, r: Resident, orderId: string): Promise<Row> {
  const [row] = await paidRows(db, r, 'and p.order_id = $3::uuid', [orderId]);
  if (!row) throw notFound();
  return row;
}

export async function residentPaidOrder(db: DbOrTx, r: Resident, orderId: string): Promise<TPortalPaidOrder> {
  const row = await visiblePaid(db, r, orderId);
  const steps = await query<{ entity: string; action: string; at: Date }>(
    db,
    'resident_paid_steps',
    `select a.entity, a.action, a.at from audit_events a
      where a.entity_id = $1 and ((a.entity = 'paid_order' and a.action in ('register', 'quote', 'agree', 'decline', 'appoint', 'collect'))
         or (a.entity = 'work_order' and a.action in ('dispatch', 'start', 'complete', 'record_acceptance', 'close', 'followed_up', 'cancel', 'rework')))
      order by a.id`,
    [orderId],
  );
  return present(row, steps.map((s) => ({ entity: s.entity, action: s.action, at: iso(s.at)! })));
}

/** PS-03: the resident agrees to the desk's current quote — the desk's own "agree" step, given through the portal. */
export async function agreeQuote(db: Db, r: Resident, orderId: string, input: { version: number }, now?: Date) {
  const row = await visiblePaid(db, r, orderId);
  const seen = present(row);
  if (row.version !== input.version) throw staleVersion(); // the quote changed since the resident read it
  if (row.agreedAt) throw new AppError(409, 'already_agreed');
  if (!seen.quoted) throw new AppError(409, 'not_quoted');
  if (seen.declinedAt) throw new AppError(409, 'quote_declined');
  const clerk = await principalForUser(db, await clerkOnDuty(db, row.projectId), r.companyId, 'zh-CN');
  await paidAction(db, clerk, orderId, { action: 'agree', version: input.version, how: 'portal' }, now);
  return residentPaidOrder(db, r, orderId);
}

/** PS-03: the resident does not accept the quote; the desk is told and may quote again or cancel. */
export async function declineQuote(db: Db, r: Resident, orderId: string, input: { version: number; note: string }, now?: Date) {
  const row = await visiblePaid(db, r, orderId);
  const seen = present(row);
  if (row.version !== input.version) throw staleVersion();
  if (row.agreedAt) throw new AppError(409, 'already_agreed');
  if (!seen.quoted) throw new AppError(409, 'not_quoted');
  if (seen.declinedAt) throw new AppError(409, 'quote_declined');
  if (!BEFORE_WORK.includes(row.status)) throw new AppError(409, 'work_started');
  const clerkId = await clerkOnDuty(db, row.projectId);
  const clerk = await principalForUser(db, clerkId, r.companyId, 'zh-CN');
  await runCommand(
    db,
    clerk,
    async (ctx) => {
      await ctx.audit({ entity: 'paid_order', entityId: orderId, projectId: row.projectId, action: 'decline', after: { fee: row.fee, note: input.note, via: 'portal', residentId: r.residentId } });
      await notify(ctx.tx, { companyId: r.companyId, projectId: row.projectId, userIds: [...new Set([clerkId, row.ownerId])], kind: 'portal_quote_declined', entity: 'work_order', entityId: orderId, params: { number: row.number }, dedupeKey: `portal_quote_declined:${orderId}:${row.version}`, at: ctx.now });
    },
    now,
  );
  return residentPaidOrder(db, r, orderId);
}
