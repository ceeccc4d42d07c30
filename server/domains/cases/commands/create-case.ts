// IN-01..IN-04, IN-06: the desk records a call or visit; the receiver owns the case. A question
// answered on the spot closes it at once; a repair opens its first work order with it.
import { and, eq, isNull } from 'drizzle-orm';
import type { TCaseCreate, TCaseDetail } from '../../../../common/desk';
import { runCommand, type CommandContext } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { invalidField } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { formatNumber, nextInSequence } from '../../../platform/sequence';
import { rulesOf } from '../../deadlines/rules';
import { loadUnit } from '../../org/queries';
import { projects } from '../../org/tables';
import { customers, customerUnits } from '../../people/tables';
import { caseOpenedFact, orderCreatedFact } from '../../kpi/facts';
import { countKpis } from '../../kpi/rollup';
import { createOrder } from '../../workorders/commands/create-order';
import { syncReplyDeadline } from '../deadline';
import { caseDetail } from '../queries';
import { cases } from '../tables';

export async function createCase(db: Db, p: Principal, input: TCaseCreate, now?: Date): Promise<TCaseDetail> {
  return runCommand(db, p, async (ctx) => caseDetail(ctx.tx, p, (await openCase(ctx, p, input)).kase.id, ctx.now), now);
}

/** Inside a command: the case, its first order (paid only through the paid-service registration) and its reply deadline. */
export async function openCase(ctx: CommandContext, p: Principal, input: TCaseCreate, opts: { paid?: boolean } = {}) {
  const { tx } = ctx;
  const [project] = await tx.select().from(projects).where(and(eq(projects.id, input.projectId), eq(projects.companyId, p.companyId)));
  if (!project) throw invalidField('projectId', 'unknown_project');
  authorize(p, 'case.create', project.id, 'project.read');
  const unit = input.unitId ? await loadUnit(tx, p, input.unitId) : null;
  if (unit && unit.projectId !== project.id) throw invalidField('unitId', 'unknown_unit');
  if (input.customerId) {
    const [link] = await tx
      .select({ id: customers.id })
      .from(customers)
      .innerJoin(customerUnits, and(eq(customerUnits.customerId, customers.id), isNull(customerUnits.endedAt)))
      .where(and(eq(customers.id, input.customerId), eq(customers.projectId, project.id), unit ? eq(customerUnits.unitId, unit.id) : undefined));
    if (!link) throw invalidField('customerId', 'unknown_customer');
  }
  if (input.order?.locationKind === 'unit' && !unit) throw invalidField('unitId', 'required');

  const { version } = await rulesOf(tx, project.id);
  const year = Number(toLocal(ctx.now, project.timezone).date.slice(0, 4));
  const n = await nextInSequence(tx, p.companyId, project.id, 'KF', year);
  const answered = input.answerNow ? ctx.now : null;
  const [kase] = await tx
    .insert(cases)
    .values({
      companyId: p.companyId,
      projectId: project.id,
      number: formatNumber('KF', year, n),
      channel: input.channel,
      category: input.category,
      status: answered && !input.order ? 'closed' : answered ? 'replied' : 'open',
      unitId: unit?.id ?? null,
      customerId: input.customerId ?? null,
      callerName: input.callerName,
      callerPhone: input.callerPhone,
      content: input.content,
      confirmedWithCaller: input.confirmedWithCaller,
      ownerId: p.userId, // IN-01: whoever first receives the matter owns it
      reply: input.answerNow ?? null,
      repliedAt: answered,
      closedAt: answered && !input.order ? answered : null,
      ruleVersion: version,
      createdBy: p.userId,
      createdAt: ctx.now,
    })
    .returning();
  await ctx.audit({ entity: 'case', entityId: kase.id, projectId: kase.projectId, action: 'create', after: { ...input, order: undefined, number: kase.number } });
  const order = input.order ? await createOrder(ctx, kase, unit?.path ?? null, input.order, opts.paid) : null;
  await syncReplyDeadline(tx, kase, ctx.now);
  // QI-05: the rollup last, so its row lock is held only until COMMIT.
  await countKpis(tx, project.id, [await caseOpenedFact(tx, kase), ...(order ? [orderCreatedFact(order)] : [])]);
  return { kase, unit, order };
}
