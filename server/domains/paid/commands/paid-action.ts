// PS-03, PS-04, PS-06: the desk's steps on a paid order. A new quote needs a new agreement and is
// possible only before work starts (no price surprises); the appointment given meets the 10-minute
// deadline; the fee is collected after the customer has inspected and signed, for exactly the agreed
// amount, against a receipt numbered per project without gaps.
import { cents } from '../../../../common/money';
import { and, eq, sql } from 'drizzle-orm';
import type { TPaidAction, TPaidOrder } from '../../../../common/paid';
import { runCommand } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, notFound, staleVersion, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { numberSql } from '../../../platform/sequence';
import { query } from '../../../platform/sql';
import { projectTimezone } from '../../org/queries';
import { recomputeOrderDeadlines } from '../../workorders/recompute';
import { workOrders } from '../../workorders/tables';
import { paidOrderDetail } from '../queries';
import { paidOrders } from '../tables';

const BEFORE_WORK = ['reported', 'dispatched', 'accepted'];
const OPEN = [...BEFORE_WORK, 'in_progress', 'on_hold'];

/** the resident's agreement from the portal is the same step, given "portal" (the desk's form cannot claim it). */
export type PortalAgree = { action: 'agree'; version: number; how: 'portal' };

export async function paidAction(db: Db, p: Principal, orderId: string, a: TPaidAction | PortalAgree, now?: Date): Promise<TPaidOrder> {
  const id = await runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const [row] = await tx
        .select({ po: paidOrders, o: workOrders })
        .from(paidOrders)
        .innerJoin(workOrders, eq(workOrders.id, paidOrders.orderId))
        .where(and(eq(paidOrders.orderId, orderId), eq(paidOrders.companyId, p.companyId)));
      if (!row) throw notFound();
      const { po, o } = row;
      authorize(p, 'paid.register', po.projectId, 'case.read');
      if (po.version !== a.version) throw staleVersion();

      let patch: Partial<typeof paidOrders.$inferInsert> = {};
      let logged: Record<string, unknown> = {};
      let receipt: { day: string; year: number; amount: number; method: string } | undefined;
      switch (a.action) {
        case 'quote':
          if (!BEFORE_WORK.includes(o.status)) throw new AppError(409, 'work_started');
          patch = { fee: a.fee, expectedResult: a.expectedResult, agreedAt: null, agreedHow: null };
          logged = { fee: a.fee, expectedResult: a.expectedResult, before: { fee: po.fee, expectedResult: po.expectedResult } };
          break;
        case 'agree':
          if (!BEFORE_WORK.includes(o.status)) throw new AppError(409, o.status === 'cancelled' ? 'illegal_transition' : 'work_started');
          if (po.agreedAt) throw new AppError(409, 'already_agreed');
          patch = { agreedAt: ctx.now, agreedHow: a.how };
          logged = { fee: po.fee, how: a.how };
          break;
        case 'appoint':
          if (!OPEN.includes(o.status)) throw new AppError(409, 'illegal_transition');
          patch = { appointmentAt: new Date(a.appointmentAt), appointedAt: po.appointedAt ?? ctx.now };
          logged = { appointmentAt: a.appointmentAt };
          break;
        case 'collect': {
          if (po.collectedAt) throw new AppError(409, 'already_paid');
          if (o.status !== 'completed' || o.acceptance?.kind !== 'signature') throw new AppError(409, 'not_ready_for_payment');
          if (cents(a.amount) !== cents(po.fee)) throw invalidField('amount', 'fee_mismatch');
          const day = toLocal(ctx.now, await projectTimezone(tx, po.projectId)).date;
          receipt = { day, year: Number(day.slice(0, 4)), amount: a.amount, method: a.method };
          patch = { collectedAt: ctx.now };
          break;
        }
      }
      // The order's own row first (its versioned update), the receipt's number last (lock order, audit.ts).
      updatedOrStale(
        await tx
          .update(paidOrders)
          .set({ ...patch, version: sql`${paidOrders.version} + 1` })
          .where(and(eq(paidOrders.orderId, orderId), eq(paidOrders.version, a.version)))
          .returning({ id: paidOrders.orderId }),
      );
      if (receipt) {
        // PS-06: the SF number and the receipt that carries it in one statement, just before COMMIT.
        const [r] = await query<{ id: string; number: string }>(tx, 'paid_receipt_issue', RECEIPT_SQL, [
          p.companyId,
          po.projectId,
          receipt.year,
          orderId,
          receipt.amount,
          receipt.method,
          p.userId,
          ctx.now.toISOString(),
          receipt.day,
        ]);
        await ctx.audit({ entity: 'receipt', entityId: r.id, projectId: po.projectId, action: 'issue', after: { number: r.number, amount: receipt.amount, method: receipt.method, orderId } });
        logged = { receipt: r.number, amount: receipt.amount, method: receipt.method };
      }
      await ctx.audit({ entity: 'paid_order', entityId: orderId, projectId: po.projectId, action: a.action, after: logged });
      if (a.action === 'appoint') await recomputeOrderDeadlines(tx, orderId, ctx.now);
      return orderId;
    },
    now,
  );
  // The answer is read after COMMIT, so no read holds the receipt number row.
  return paidOrderDetail(db, p, id);
}

const RECEIPT_SQL = `
with seq as (
  insert into sequences (company_id, project_id, kind, year, last) values ($1::uuid, $2::uuid, 'SF', $3::int, 1)
  on conflict (project_id, kind, year) do update set last = sequences.last + 1
  returning ${numberSql("'SF'", '$3::int', 'last')} as number
)
insert into paid_receipts (company_id, project_id, order_id, number, amount, method, issued_by, issued_at, business_date)
select $1::uuid, $2::uuid, $4::uuid, seq.number, $5::numeric, $6, $7::uuid, $8::timestamptz, $9::date from seq
returning id, number`;
