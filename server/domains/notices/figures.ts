// The inspection's figures of a project and month (NT-01..NT-05), in one read: notices published,
// overdue take-downs, whether the board went stale, whether the briefing and the annual publication
// were on time and stayed up, and the delivery coverage of offices and villas.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { BOARD_CHANGE_MONTHS, BRIEFING_BEFORE_DAY, DELIVERY_PROJECT_TYPES, MIN_UP_DAYS, type TNoticeFigures, type TPublicationCheck } from '../../../common/notices';
import { dueAt, fromLocal, localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { workCalendar } from '../calendar/queries';
import { projects } from '../org/tables';
import { upDaysOf } from './queries';
import { notices } from './tables';

type Notice = typeof notices.$inferSelect;
// Correlated subqueries name the outer notice in full: Drizzle leaves a single table's columns unqualified.
const NOTICE_ID = sql.raw('"notices"."id"');

/** NT-05: a briefing or annual publication against its due time and the 15 days it must stay up. */
function publicationCheck(period: string, due: Date, n: Notice | undefined, now: Date): TPublicationCheck {
  const upDays = n ? upDaysOf(n, now) : null;
  const keptUp = upDays === null ? null : upDays >= MIN_UP_DAYS ? true : n!.takenDownAt ? false : null;
  return {
    period,
    noticeId: n?.id ?? null,
    number: n?.number ?? null,
    dueAt: due.toISOString(),
    publishedAt: n?.publishedAt?.toISOString() ?? null,
    onTime: !!n?.publishedAt && n.publishedAt < due,
    upDays,
    keptUp,
    overdue: n?.publishedAt ? n.publishedAt >= due : now >= due,
  };
}

async function firstPublished(db: DbOrTx, projectId: string, kind: 'briefing' | 'annual', period: string) {
  const [n] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.projectId, projectId), eq(notices.kind, kind), eq(notices.period, period), isNotNull(notices.publishedAt)))
    .orderBy(asc(notices.publishedAt))
    .limit(1);
  return n;
}

export async function noticeFigures(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()): Promise<TNoticeFigures> {
  if (!can(p, 'notice.read', projectId)) throw notFound();
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  const cal = await workCalendar(db, project.companyId, projectId);
  const tz = project.timezone;
  const { from, to } = localMonth(month, tz);
  const cutoff = to < now ? to : now; // a month still running is judged as of now
  const F = from.toISOString();
  const T = to.toISOString();
  const C = cutoff.toISOString();
  const inMonth = (col: unknown) => sql`${col} >= ${F}::timestamptz and ${col} < ${T}::timestamptz`;
  const [r] = await db
    .select({
      published: sql<number>`count(*) filter (where ${inMonth(notices.publishedAt)})::int`,
      general: sql<number>`count(*) filter (where ${inMonth(notices.publishedAt)} and ${notices.kind} = 'general')::int`,
      briefing: sql<number>`count(*) filter (where ${inMonth(notices.publishedAt)} and ${notices.kind} = 'briefing')::int`,
      annual: sql<number>`count(*) filter (where ${inMonth(notices.publishedAt)} and ${notices.kind} = 'annual')::int`,
      // NT-03: what was posted is archived with photos
      withoutPhoto: sql<number>`count(*) filter (where ${inMonth(notices.publishedAt)} and not exists (
        select 1 from attachments a where a.entity_id = ${NOTICE_ID} and a.entity = 'notice' and a.kind = 'posting'))::int`,
      expired: sql<number>`count(*) filter (where ${inMonth(notices.expiredAt)})::int`,
      takenDown: sql<number>`count(*) filter (where ${inMonth(notices.takenDownAt)})::int`,
      // NT-02: up past its take-down time at some moment of the month (up to now)
      overdue: sql<number>`count(*) filter (where ${notices.takeDownDueAt} < ${C}::timestamptz
        and coalesce(${notices.takenDownAt}, 'infinity'::timestamptz) > greatest(${notices.takeDownDueAt}, ${F}::timestamptz))::int`,
      awaiting: sql<number>`count(*) filter (where ${notices.status} = 'submitted' and ${notices.submittedAt} < ${T}::timestamptz)::int`,
      lastChanged: sql<string | null>`max(${notices.publishedAt}) filter (where ${notices.publishedAt} < ${C}::timestamptz)`,
      // NT-04: delivery records of the month's notices
      delivered: sql<number>`coalesce(sum((select count(*) from notice_deliveries d where d.notice_id = ${NOTICE_ID})) filter (where ${inMonth(notices.publishedAt)}), 0)::int`,
      fully: sql<number>`count(*) filter (where ${inMonth(notices.publishedAt)}
        and (select count(*) from notice_deliveries d where d.notice_id = ${NOTICE_ID}) >= (select count(*) from units u where u.project_id = ${projectId}))::int`,
      units: sql<number>`(select count(*) from units u where u.project_id = ${projectId})::int`,
    })
    .from(notices)
    .where(eq(notices.projectId, projectId));
  const lastChanged = r.lastChanged ? new Date(r.lastChanged) : null;
  // NT-03: the board's content changes at least every 2 months.
  const boardStale = !lastChanged || dueAt({ clock: 'months', months: BOARD_CHANGE_MONTHS }, lastChanged, cal) < cutoff;
  const year = month.slice(0, 4);
  const required = DELIVERY_PROJECT_TYPES.includes(project.type);
  const units = r.units ?? 0;
  const possible = r.published * units;
  return {
    projectId,
    month,
    published: r.published,
    publishedByKind: { general: r.general, briefing: r.briefing, annual: r.annual },
    withoutPostingPhoto: r.withoutPhoto,
    expired: r.expired,
    takenDown: r.takenDown,
    overdueTakeDowns: r.overdue,
    awaitingApproval: r.awaiting,
    boardLastChangedAt: lastChanged?.toISOString() ?? null,
    boardStale,
    // NT-05: the briefing published in the month, before the 10th; the annual publication within Q1.
    briefing: publicationCheck(month, fromLocal(`${month}-${String(BRIEFING_BEFORE_DAY).padStart(2, '0')}`, 0, tz), await firstPublished(db, projectId, 'briefing', month), now),
    annual: publicationCheck(year, fromLocal(`${year}-04-01`, 0, tz), await firstPublished(db, projectId, 'annual', year), now),
    delivery: { required, notices: r.published, units, delivered: r.delivered, ratio: possible ? Math.round((r.delivered / possible) * 1000) / 1000 : 0, fullyDelivered: r.fully },
  };
}
