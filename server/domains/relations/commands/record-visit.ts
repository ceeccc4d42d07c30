// CR-02: a visit to a unit — face to face or by phone, whom the visitor met and what was said. A matter the
// customer raised opens a case with the visitor as its first-inquiry owner (IN-01), through the cases
// domain's own command, in the same transaction. The visitor's role is stored for coverage by role (CR-03).
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TVisitCreate } from '../../../../common/relations';
import { runCommand } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { openCase } from '../../cases/commands/create-case';
import { drawVisitForSupervision } from '../../followups/supervision';
import { projectTimezone } from '../../org/queries';
import { units } from '../../org/tables';
import { customers } from '../../people/tables';
import { localQuarter, nextQuarter } from '../periods';
import { authorizeRelations, visitorRole } from '../policy';
import { quarterAt, syncKeyVisitDue } from './key-customers';
import { keyCustomers, visits } from '../tables';

const DAY = 24 * 3600 * 1000;
/** A visit is written down the same day as a rule; a late entry is allowed up to a month back. */
const BACKDATE_DAYS = 31;

export function recordVisit(db: Db, p: Principal, input: TVisitCreate, now?: Date): Promise<string> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      authorizeRelations(p, 'relations.visit', input.projectId);
      const { tx } = ctx;
      const visitedAt = input.visitedAt ? new Date(input.visitedAt) : ctx.now;
      if (visitedAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw invalidField('visitedAt', 'visit_in_future');
      if (visitedAt.getTime() < ctx.now.getTime() - BACKDATE_DAYS * DAY) throw invalidField('visitedAt', 'visit_too_old');
      const [u] = await tx.select({ projectId: units.projectId }).from(units).where(and(eq(units.id, input.unitId), eq(units.companyId, p.companyId)));
      if (!u || u.projectId !== input.projectId) throw invalidField('unitId', 'unit_not_in_project');
      if (input.customerId) {
        const [c] = await tx.select({ projectId: customers.projectId }).from(customers).where(and(eq(customers.id, input.customerId), eq(customers.companyId, p.companyId)));
        if (!c || c.projectId !== input.projectId) throw invalidField('customerId', 'unknown_customer');
      }
      // CR-01: a visit to a key customer counts for the quarter; named, or found from the customer visited.
      let keyCustomerId: string | null = null;
      let visitedThisQuarter = false;
      const tz = await projectTimezone(tx, input.projectId);
      const current = localQuarter(quarterAt(ctx.now, tz), tz);
      if (input.keyCustomerId || input.customerId) {
        const [k] = await tx
          .select({ id: keyCustomers.id, done: sql<boolean>`exists (select 1 from ${visits} where ${visits.keyCustomerId} = ${keyCustomers.id} and ${visits.visitedOn} >= ${current.firstDay})` })
          .from(keyCustomers)
          .where(and(input.keyCustomerId ? eq(keyCustomers.id, input.keyCustomerId) : eq(keyCustomers.customerId, input.customerId!), eq(keyCustomers.projectId, input.projectId), isNull(keyCustomers.retiredAt)))
          .limit(1);
        if (!k && input.keyCustomerId) throw invalidField('keyCustomerId', 'not_key_customer');
        keyCustomerId = k?.id ?? null;
        visitedThisQuarter = !!k?.done;
      }
      const id = randomUUID();
      const [v] = await tx
        .insert(visits)
        .values({
          id,
          companyId: p.companyId,
          projectId: input.projectId,
          unitId: input.unitId,
          customerId: input.customerId ?? null,
          keyCustomerId,
          visitorId: p.userId,
          visitorRole: visitorRole(p, input.projectId),
          mode: input.mode,
          personMet: input.personMet,
          visitedAt,
          visitedOn: toLocal(visitedAt, tz).date,
          content: input.content,
          createdAt: ctx.now,
        })
        .returning();
      if (keyCustomerId) {
        // CR-01, X-01: the quarter's visit is done; the next one is due by the end of next quarter (a late
        // entry of last quarter's visit leaves this quarter's due, unless this quarter's visit is in).
        const inQuarter = visitedAt >= current.from || visitedThisQuarter;
        const due = inQuarter ? localQuarter(nextQuarter(quarterAt(current.from, tz)), tz).to : current.to;
        await syncKeyVisitDue(tx, { id: keyCustomerId, companyId: p.companyId, projectId: input.projectId }, due, ctx.now);
      }
      // RV-02: home visits enter the CS supervisor's (30 %) and the manager's (10 %) samples like return visits
      await drawVisitForSupervision(ctx, v);
      await ctx.audit({ entity: 'visit', entityId: id, projectId: input.projectId, action: 'create', after: { unitId: v.unitId, mode: v.mode, role: v.visitorRole, visitedOn: v.visitedOn, keyCustomerId } });
      if (input.raised) {
        // IN-01: the visitor received the matter, so the visitor owns the case. The case takes its number
        // last (platform/sequence.ts lock order); the visit row is linked after it.
        const opened = await openCase(ctx, p, {
          projectId: input.projectId,
          channel: 'visit',
          category: input.raised.category,
          unitId: input.unitId,
          customerId: input.customerId,
          callerName: input.personMet.slice(0, 30),
          callerPhone: input.raised.phone,
          content: input.raised.content,
          confirmedWithCaller: true,
        });
        await tx.update(visits).set({ caseId: opened.kase.id }).where(eq(visits.id, id));
      }
      return id;
    },
    now,
  );
}
