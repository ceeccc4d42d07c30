// PT-01: the patrol register of a month (each workday done, missed or due), a patrol's detail with its
// findings, and the supervisors' spot-check sample.
import { aliasedTable, and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TFinding, TPatrol, TPatrolDetail, TPatrolRegister, ZPatrolSupervision } from '../../../common/patrols';
import { localMonth, toLocal } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { workCalendar } from '../calendar/queries';
import { rulesOf } from '../deadlines/rules';
import { projectTimezone } from '../org/queries';
import { users } from '../people/tables';
import { workOrders } from '../workorders/tables';
import { photosOf } from './photos';
import { CHECK_LEVELS } from './policy';
import { patrolDaysBetween } from './rules';
import { patrolChecks, patrolFindings, publicPatrols } from './tables';

const patroller = aliasedTable(users, 'patroller');
const checker = aliasedTable(users, 'checker');

function mayRead(p: Principal, projectId: string) {
  if (!can(p, 'patrol.read', projectId)) throw notFound();
}

async function findingsWhere(db: DbOrTx, where: ReturnType<typeof and>, now: Date): Promise<TFinding[]> {
  const rows = await db
    .select({ f: patrolFindings, patrolDate: publicPatrols.patrolDate, orderNumber: workOrders.number })
    .from(patrolFindings)
    .innerJoin(publicPatrols, eq(publicPatrols.id, patrolFindings.patrolId))
    .leftJoin(workOrders, eq(workOrders.id, patrolFindings.workOrderId))
    .where(where)
    .orderBy(asc(patrolFindings.recheckDueAt))
    .limit(500);
  const photos = await photosOf(db, 'patrol_finding', rows.map((r) => r.f.id));
  return rows.map(({ f, patrolDate, orderNumber }) => ({
    id: f.id,
    patrolId: f.patrolId,
    patrolDate,
    location: f.location,
    problem: f.problem,
    handling: f.handling as TFinding['handling'],
    handlingNote: f.handlingNote,
    status: f.status as TFinding['status'],
    foundAt: f.createdAt.toISOString(),
    recheckDueAt: f.recheckDueAt.toISOString(),
    recheckOverdue: f.status === 'open' && f.recheckDueAt < now,
    rechecks: f.rechecks,
    recheckedAt: f.recheckedAt?.toISOString() ?? null,
    recheckResult: f.recheckResult,
    recheckNote: f.recheckNote,
    workOrderId: f.workOrderId,
    workOrderNumber: orderNumber,
    photos: photos.get(f.id) ?? [],
    version: f.version,
  }));
}

async function patrolsWhere(db: DbOrTx, p: Principal, where: ReturnType<typeof and>): Promise<TPatrol[]> {
  const rows = await db
    .select({
      pt: publicPatrols,
      patrollerName: patroller.displayName,
      findings: sql<number>`(select count(*)::int from patrol_findings f where f.patrol_id = ${publicPatrols.id})`,
      openFindings: sql<number>`(select count(*)::int from patrol_findings f where f.patrol_id = ${publicPatrols.id} and f.status = 'open')`,
    })
    .from(publicPatrols)
    .innerJoin(patroller, eq(patroller.id, publicPatrols.patrollerId))
    .where(where)
    .orderBy(asc(publicPatrols.patrolDate));
  const ids = rows.map((r) => r.pt.id);
  const checks = ids.length
    ? await db.select({ c: patrolChecks, checkerName: checker.displayName }).from(patrolChecks).leftJoin(checker, eq(checker.id, patrolChecks.checkerId)).where(inArray(patrolChecks.patrolId, ids))
    : [];
  return rows.map(({ pt, patrollerName, findings, openFindings }) => ({
    id: pt.id,
    projectId: pt.projectId,
    patrolDate: pt.patrolDate,
    route: pt.route,
    note: pt.note,
    patrollerName,
    createdAt: pt.createdAt.toISOString(),
    findings,
    openFindings,
    checks: checks
      .filter((c) => c.c.patrolId === pt.id)
      .map(({ c, checkerName }) => ({
        id: c.id,
        level: c.level as 'supervisor' | 'manager',
        selectedAt: c.selectedAt.toISOString(),
        checkerName,
        checkedAt: c.checkedAt?.toISOString() ?? null,
        outcome: c.outcome as 'confirmed' | 'not_confirmed' | null,
        note: c.note,
        version: c.version,
        mayCheck: !c.checkedAt && can(p, CHECK_LEVELS.find((l) => l.level === c.level)!.action, c.projectId),
      })),
    version: pt.version,
  }));
}

export async function patrolDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TPatrolDetail> {
  const [pt] = await patrolsWhere(db, p, and(eq(publicPatrols.id, id), eq(publicPatrols.companyId, p.companyId)));
  if (!pt) throw notFound();
  mayRead(p, pt.projectId);
  return { ...pt, items: await findingsWhere(db, and(eq(patrolFindings.patrolId, id)), now), mayRecord: can(p, 'patrol.record', pt.projectId) };
}

/** PT-01: the month's workdays, each done (a patrol record), missed (a past workday without one), due (today) or off. */
export async function patrolRegister(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<TPatrolRegister> {
  mayRead(p, projectId);
  const tz = await projectTimezone(db, projectId);
  const cal = await workCalendar(db, p.companyId, projectId);
  const { firstDay, lastDay } = localMonth(month, tz);
  const today = toLocal(now, tz).date;
  const patrols = await patrolsWhere(db, p, and(eq(publicPatrols.projectId, projectId), gte(publicPatrols.patrolDate, firstDay), lte(publicPatrols.patrolDate, lastDay)));
  const byDate = new Map(patrols.map((x) => [x.patrolDate, x.id]));
  const workdays = new Set(patrolDaysBetween(cal, firstDay, lastDay));
  const days: TPatrolRegister['days'] = [];
  for (let d = firstDay; d <= lastDay; d = nextDay(d)) {
    const id = byDate.get(d) ?? null;
    const state = id ? 'done' : !workdays.has(d) ? 'off' : d < today ? 'missed' : d === today ? 'due' : 'future';
    days.push({ date: d, state, patrolId: id });
  }
  const openFindings = await findingsWhere(db, and(eq(patrolFindings.projectId, projectId), eq(patrolFindings.status, 'open')), now);
  return { projectId, month, today, days, patrols, openFindings };
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** PT-01 with RV-02: the month's sampled patrol records and how far each level has checked them. */
export async function patrolSupervision(db: DbOrTx, p: Principal, projectId: string, month: string): Promise<z.infer<typeof ZPatrolSupervision>> {
  mayRead(p, projectId);
  const { rules } = await rulesOf(db, projectId);
  const { firstDay, lastDay } = localMonth(month, await projectTimezone(db, projectId));
  const inMonth = and(eq(publicPatrols.projectId, projectId), gte(publicPatrols.patrolDate, firstDay), lte(publicPatrols.patrolDate, lastDay));
  const patrols = await patrolsWhere(db, p, inMonth);
  const items = patrols.flatMap((pt) => pt.checks.map((c) => ({ ...c, patrolId: pt.id, patrolDate: pt.patrolDate, patrollerName: pt.patrollerName, route: pt.route })));
  const ratios = (['supervisor', 'manager'] as const).map((level) => {
    const mine = items.filter((i) => i.level === level);
    const checked = mine.filter((i) => i.checkedAt).length;
    return { level, target: level === 'supervisor' ? rules.supervisorCheckRate : rules.managerCheckRate, patrols: patrols.length, selected: mine.length, checked, achieved: patrols.length ? checked / patrols.length : 0 };
  });
  return { month, items, ratios };
}
