// PT-01..PT-03: the month's patrol figures of a project in one query, as the quality inspection reads them:
// patrol days due, done and missed (workdays of the project's calendar), findings and late rechecks,
// supervision samples, vacant units overdue, and the facility failure rate against its 2 % target.
import { and, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { FACILITY_FAILURE_TARGET, type TPatrolFigures } from '../../../common/patrols';
import { localMonth, toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { workCalendar } from '../calendar/queries';
import { projectTimezone } from '../org/queries';
import { patrolDaysBetween } from './rules';
import { equipment, facilityChecks, maintenancePlans, patrolChecks, patrolFindings, publicPatrols, vacantPatrols } from './tables';
import { vacantUnits } from './vacant';

export async function patrolFigures(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<TPatrolFigures> {
  if (!can(p, 'patrol.read', projectId)) throw notFound();
  const tz = await projectTimezone(db, projectId);
  const cal = await workCalendar(db, p.companyId, projectId);
  const { from, to, firstDay, lastDay } = localMonth(month, tz);
  const today = toLocal(now, tz).date;
  // The month as far as it has gone: a past month whole, the current one up to today.
  const asOf = today < lastDay ? today : lastDay;
  const cutoff = now < to ? now : to;
  const inMonth = (c: Parameters<typeof gte>[0]) => and(gte(c, from), lt(c, to));

  const [patrolled, [f], checks, [v], [fc], [eq1], [plans]] = await Promise.all([
    db.select({ date: publicPatrols.patrolDate }).from(publicPatrols).where(and(eq(publicPatrols.projectId, projectId), gte(publicPatrols.patrolDate, firstDay), lte(publicPatrols.patrolDate, lastDay))),
    db
      .select({
        findings: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${patrolFindings.status} = 'open')::int`,
        withOrder: sql<number>`count(*) filter (where ${patrolFindings.workOrderId} is not null)::int`,
        // PT-01: a recheck not done by its due time (checked as of the month's end, or now)
        late: sql<number>`count(*) filter (where ${patrolFindings.firstRecheckDueAt} < ${cutoff.toISOString()}::timestamptz
          and (${patrolFindings.firstRecheckedAt} is null or ${patrolFindings.firstRecheckedAt} > ${patrolFindings.firstRecheckDueAt}))::int`,
      })
      .from(patrolFindings)
      .where(and(eq(patrolFindings.projectId, projectId), inMonth(patrolFindings.createdAt))),
    db
      .select({ level: patrolChecks.level, selected: sql<number>`count(*)::int`, checked: sql<number>`count(${patrolChecks.checkedAt})::int` })
      .from(patrolChecks)
      .innerJoin(publicPatrols, eq(publicPatrols.id, patrolChecks.patrolId))
      .where(and(eq(patrolChecks.projectId, projectId), gte(publicPatrols.patrolDate, firstDay), lte(publicPatrols.patrolDate, lastDay)))
      .groupBy(patrolChecks.level),
    db.select({ n: sql<number>`count(*)::int` }).from(vacantPatrols).where(and(eq(vacantPatrols.projectId, projectId), inMonth(vacantPatrols.patrolledAt))),
    db
      .select({ checks: sql<number>`count(*)::int`, failures: sql<number>`count(*) filter (where ${facilityChecks.result} = 'fail')::int` })
      .from(facilityChecks)
      .where(and(eq(facilityChecks.projectId, projectId), inMonth(facilityChecks.checkedAt))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(equipment)
      .where(and(eq(equipment.projectId, projectId), lt(equipment.createdAt, to), sql`(${equipment.retiredAt} is null or ${equipment.retiredAt} >= ${from.toISOString()}::timestamptz)`)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(maintenancePlans)
      .innerJoin(equipment, eq(equipment.id, maintenancePlans.equipmentId))
      .where(and(eq(maintenancePlans.projectId, projectId), lt(maintenancePlans.nextDueOn, asOf), sql`${equipment.retiredAt} is null`)),
  ]);
  const vacant = await vacantUnits(db, projectId, asOf, cutoff);

  const done = new Set(patrolled.map((r) => r.date));
  const due = asOf >= firstDay ? patrolDaysBetween(cal, firstDay, asOf) : [];
  const missedDays = due.filter((d) => d < today && !done.has(d));
  const level = (l: string) => checks.find((c) => c.level === l) ?? { selected: 0, checked: 0 };
  const rate = eq1.n ? fc.failures / eq1.n : 0;
  return {
    projectId,
    month,
    patrolDaysDue: due.length,
    patrolDaysDone: due.filter((d) => done.has(d)).length,
    patrolDaysMissed: missedDays.length,
    missedDays,
    findings: f.findings,
    findingsOpen: f.open,
    recheckOverdue: f.late,
    findingsWithOrder: f.withOrder,
    supervisorChecks: { selected: level('supervisor').selected, checked: level('supervisor').checked, patrols: done.size },
    managerChecks: { selected: level('manager').selected, checked: level('manager').checked, patrols: done.size },
    vacantUnits: vacant.length,
    vacantPatrols: v.n,
    vacantOverdue: vacant.filter((u) => u.overdue).length,
    equipment: eq1.n,
    facilityChecks: fc.checks,
    facilityFailures: fc.failures,
    facilityFailureRate: Math.round(rate * 10000) / 10000,
    facilityFailureTarget: FACILITY_FAILURE_TARGET,
    facilityShortfall: rate > FACILITY_FAILURE_TARGET,
    plansOverdue: plans.n,
  };
}
