// RV-02: supervision of return visits. Each visit that reached the customer enters two systematic samples
// (as WO-07's sampler: the n-th visit of a project and month is drawn when ceil(n × rate) grows) — 30 %
// for the CS supervisor and 10 % for the project manager, who call the customer to check the record.
import { aliasedTable, and, asc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TSupervisionCheck, ZSupervision, ZSupervisionQuery, ZSupervisionRecord } from '../../../common/complaints';
import type { TAction } from '../../../common/roles';
import { runCommand, type CommandContext } from '../../platform/audit';
import { localMonth, toLocal } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db';
import { AppError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { nextInSequence } from '../../platform/sequence';
import { cases } from '../cases/tables';
import { raiseFlag } from '../complaints/flags';
import { holdersOf } from '../deadlines/recipients';
import { rulesOf, type DeskRules } from '../deadlines/rules';
import { notify } from '../notifications/notify';
import { projectTimezone } from '../org/queries';
import { units } from '../org/tables';
import { customers, users } from '../people/tables';
import { visits as visitRecords } from '../relations/tables';
import { workOrders } from '../workorders/tables';
import { systematicPick } from './sampler';
import { followups, supervisionChecks } from './tables';

const LEVELS = [
  { level: 'supervisor', action: 'supervise.cs', rate: (r: DeskRules) => r.supervisorCheckRate },
  { level: 'manager', action: 'supervise.pm', rate: (r: DeskRules) => r.managerCheckRate },
] as const satisfies readonly { level: string; action: TAction; rate: (r: DeskRules) => number }[];

/** Called when a return visit reaches the customer: draws it into the supervisor's and the manager's samples. */
export async function drawForSupervision(ctx: CommandContext, f: { id: string; companyId: string; projectId: string }, rules: DeskRules) {
  const month = Number(toLocal(ctx.now, await projectTimezone(ctx.tx, f.projectId)).date.slice(0, 7).replace('-', ''));
  for (const l of LEVELS) {
    const n = await nextInSequence(ctx.tx, f.companyId, f.projectId, `supervise_${l.level}`, month);
    if (systematicPick(n, l.rate(rules))) await ctx.tx.insert(supervisionChecks).values({ companyId: f.companyId, projectId: f.projectId, followupId: f.id, level: l.level, selectedAt: ctx.now });
  }
}

/** RV-02 for home visits (CR-02): each visit enters the same two samples, counted apart from return visits. */
export async function drawVisitForSupervision(ctx: CommandContext, v: { id: string; companyId: string; projectId: string }) {
  const { rules } = await rulesOf(ctx.tx, v.projectId);
  const month = Number(toLocal(ctx.now, await projectTimezone(ctx.tx, v.projectId)).date.slice(0, 7).replace('-', ''));
  for (const l of LEVELS) {
    const n = await nextInSequence(ctx.tx, v.companyId, v.projectId, `supervise_visit_${l.level}`, month);
    if (systematicPick(n, l.rate(rules))) await ctx.tx.insert(supervisionChecks).values({ companyId: v.companyId, projectId: v.projectId, visitId: v.id, level: l.level, selectedAt: ctx.now });
  }
}

const visitor = aliasedTable(users, 'visitor');
const checker = aliasedTable(users, 'checker');

export async function supervision(db: DbOrTx, p: Principal, q: z.infer<typeof ZSupervisionQuery>): Promise<z.infer<typeof ZSupervision>> {
  const mayRead = can(p, 'supervise.cs', q.projectId) || can(p, 'supervise.pm', q.projectId) || can(p, 'audit.read', q.projectId);
  if (!mayRead) throw notFound();
  const { rules } = await rulesOf(db, q.projectId);
  const { from, to } = localMonth(q.month, await projectTimezone(db, q.projectId));
  const rows = (await db
    .select({ s: supervisionChecks, f: followups, orderId: workOrders.id, orderNumber: workOrders.number, path: workOrders.location, customerName: cases.callerName, customerPhone: cases.callerPhone, visitedBy: visitor.displayName, checkerName: checker.displayName })
    .from(supervisionChecks)
    .innerJoin(followups, eq(followups.id, supervisionChecks.followupId))
    .innerJoin(workOrders, eq(workOrders.id, followups.orderId))
    .innerJoin(cases, eq(cases.id, workOrders.caseId))
    .leftJoin(visitor, eq(visitor.id, followups.visitorId))
    .leftJoin(checker, eq(checker.id, supervisionChecks.checkerId))
    .where(and(eq(supervisionChecks.projectId, q.projectId), gte(supervisionChecks.selectedAt, from), lt(supervisionChecks.selectedAt, to), q.level ? eq(supervisionChecks.level, q.level) : undefined))
    .orderBy(asc(supervisionChecks.selectedAt))) as {
    s: typeof supervisionChecks.$inferSelect;
    f: typeof followups.$inferSelect;
    orderId: string;
    orderNumber: string;
    path: string;
    customerName: string;
    customerPhone: string;
    visitedBy: string | null;
    checkerName: string | null;
  }[];
  const [{ visits }] = await db
    .select({ visits: sql<number>`count(*)::int` })
    .from(followups)
    .where(and(eq(followups.projectId, q.projectId), eq(followups.status, 'done'), gte(followups.doneAt, from), lt(followups.doneAt, to)));
  const inMonth = and(eq(supervisionChecks.projectId, q.projectId), gte(supervisionChecks.selectedAt, from), lt(supervisionChecks.selectedAt, to), q.level ? eq(supervisionChecks.level, q.level) : undefined);
  // CR-02 home visits in the same samples: whom the visitor met, what was noted
  const visitRows = await db
    .select({ s: supervisionChecks, v: visitRecords, path: units.path, customerName: customers.name, customerPhone: customers.phone, visitedBy: visitor.displayName, checkerName: checker.displayName })
    .from(supervisionChecks)
    .innerJoin(visitRecords, eq(visitRecords.id, supervisionChecks.visitId))
    .innerJoin(units, eq(units.id, visitRecords.unitId))
    .leftJoin(customers, eq(customers.id, visitRecords.customerId))
    .leftJoin(visitor, eq(visitor.id, visitRecords.visitorId))
    .leftJoin(checker, eq(checker.id, supervisionChecks.checkerId))
    .where(and(inMonth, isNotNull(supervisionChecks.visitId)))
    .orderBy(asc(supervisionChecks.selectedAt));
  const [{ homeVisits }] = await db
    .select({ homeVisits: sql<number>`count(*)::int` })
    .from(visitRecords)
    .where(and(eq(visitRecords.projectId, q.projectId), gte(visitRecords.createdAt, from), lt(visitRecords.createdAt, to)));
  const mayCheck = (s: typeof supervisionChecks.$inferSelect) => !s.checkedAt && can(p, LEVELS.find((l) => l.level === s.level)!.action, s.projectId);
  const visitItems: TSupervisionCheck[] = visitRows.map(({ s, v, ...r }) => ({
    id: s.id,
    level: s.level as TSupervisionCheck['level'],
    source: 'visit',
    followupId: null,
    visitId: v.id,
    orderId: null,
    orderNumber: null,
    path: r.path,
    customerName: r.customerName ?? v.personMet,
    customerPhone: r.customerPhone ?? '',
    visitedBy: r.visitedBy,
    visitedAt: v.visitedAt.toISOString(),
    verdict: null,
    visitNote: v.content,
    selectedAt: s.selectedAt.toISOString(),
    checkerName: r.checkerName,
    checkedAt: s.checkedAt?.toISOString() ?? null,
    outcome: s.outcome as TSupervisionCheck['outcome'],
    note: s.note,
    version: s.version,
    mayCheck: mayCheck(s),
  }));
  const items: TSupervisionCheck[] = rows.map(({ s, f, ...r }) => ({
    id: s.id,
    level: s.level as TSupervisionCheck['level'],
    source: 'followup',
    followupId: f.id,
    visitId: null,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    path: r.path,
    customerName: r.customerName,
    customerPhone: r.customerPhone,
    visitedBy: r.visitedBy,
    visitedAt: f.doneAt?.toISOString() ?? null,
    verdict: f.verdict as TSupervisionCheck['verdict'],
    visitNote: f.note,
    selectedAt: s.selectedAt.toISOString(),
    checkerName: r.checkerName,
    checkedAt: s.checkedAt?.toISOString() ?? null,
    outcome: s.outcome as TSupervisionCheck['outcome'],
    note: s.note,
    version: s.version,
    mayCheck: mayCheck(s),
  }));
  const ratios = (['followup', 'visit'] as const).flatMap((source) =>
    LEVELS.filter((l) => !q.level || q.level === l.level).map((l) => {
    const mine = (source === 'visit' ? visitItems : items).filter((i) => i.level === l.level);
    const checked = mine.filter((i) => i.checkedAt);
    const count = (o: string) => checked.filter((i) => i.outcome === o).length;
    const total = source === 'visit' ? homeVisits : visits;
    return {
      level: l.level,
      source,
      target: l.rate(rules),
      visits: total,
      selected: mine.length,
      checked: checked.length,
      genuine: count('genuine'),
      notGenuine: count('not_genuine'),
      unreachable: count('unreachable'),
      achieved: total ? checked.length / total : 0,
    };
  }),
  );
  return { month: q.month, items: [...items, ...visitItems], ratios };
}

/** RV-02: the check's outcome; a visit found not genuine is flagged (CP-02 list) and told to the manager and quality. */
export function recordCheck(db: Db, p: Principal, id: string, input: z.infer<typeof ZSupervisionRecord>, now?: Date) {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const [row] = await tx
        .select({ s: supervisionChecks, caseId: workOrders.caseId, orderId: workOrders.id, orderNumber: workOrders.number, visitPath: units.path })
        .from(supervisionChecks)
        .leftJoin(followups, eq(followups.id, supervisionChecks.followupId))
        .leftJoin(workOrders, eq(workOrders.id, followups.orderId))
        .leftJoin(visitRecords, eq(visitRecords.id, supervisionChecks.visitId))
        .leftJoin(units, eq(units.id, visitRecords.unitId))
        .where(and(eq(supervisionChecks.id, id), eq(supervisionChecks.companyId, p.companyId)));
      if (!row || !can(p, 'project.read', row.s.projectId)) throw notFound();
      const { s } = row;
      if (!can(p, LEVELS.find((l) => l.level === s.level)!.action, s.projectId)) throw forbidden();
      if (s.version !== input.version) throw staleVersion();
      if (s.checkedAt) throw new AppError(409, 'already_checked');
      const [saved] = await tx
        .update(supervisionChecks)
        .set({ outcome: input.outcome, note: input.note, checkerId: p.userId, checkedAt: ctx.now, version: sql`${supervisionChecks.version} + 1` })
        .where(and(eq(supervisionChecks.id, id), eq(supervisionChecks.version, input.version)))
        .returning();
      if (!saved) throw staleVersion();
      await ctx.audit({ entity: 'supervision_check', entityId: id, projectId: s.projectId, action: 'check', after: { outcome: input.outcome, note: input.note } });
      if (input.outcome === 'not_genuine' && s.visitId) {
        // a home visit (CR-02) found not genuine: the manager and quality hear of it
        await notify(tx, {
          companyId: s.companyId,
          projectId: s.projectId,
          userIds: await holdersOf(tx, s.projectId, ['project_manager', 'quality_inspector']),
          kind: 'fake_visit',
          entity: 'visit',
          entityId: s.visitId,
          params: { number: row.visitPath ?? '' },
          dedupeKey: `fake_visit:${id}`,
          at: ctx.now,
        });
      } else if (input.outcome === 'not_genuine' && row.caseId && row.orderId && row.orderNumber) {
        await raiseFlag(tx, { companyId: s.companyId, projectId: s.projectId, kind: 'fake_followup', caseId: row.caseId, note: input.note, at: ctx.now });
        await notify(tx, {
          companyId: s.companyId,
          projectId: s.projectId,
          userIds: await holdersOf(tx, s.projectId, ['project_manager', 'quality_inspector']),
          kind: 'fake_followup',
          entity: 'work_order',
          entityId: row.orderId,
          params: { number: row.orderNumber },
          dedupeKey: `fake_followup:${id}`,
          at: ctx.now,
        });
      }
      return { id: saved.id, outcome: input.outcome, version: saved.version };
    },
    now,
  );
}
