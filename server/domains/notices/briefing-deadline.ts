// NT-05, X-01: the monthly briefing's due time — published before the 10th of its month — mirrored into the
// shared deadlines, one row per project and month (its id derived from both, so it is written by whoever
// comes first: the sweeper at the start of the month, the publication, the demo), met when the month's first
// briefing is published. Nobody in particular answers for it (responsible null): the sweeper tells the CS
// supervisor, then the project manager; the workbench lists it to whoever manages the desk.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fromLocal, toLocal } from '../../platform/clock';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { BRIEFING_BEFORE_DAY } from '../../../common/notices';

export const BRIEFING_KIND = 'nt_briefing';
export const BRIEFING_ENTITY = 'briefing';

/** The deadline row's entity id for a project's month: a name-based uuid (version 5 layout) from md5(project ‖ month). */
export function briefingDeadlineId(projectId: string, month: string): string {
  const h = createHash('md5').update(`${projectId}:briefing:${month}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** The instant the month's briefing is late: the start of the 10th, local time. */
export const briefingDueAt = (month: string, tz: string) => fromLocal(`${month}-${String(BRIEFING_BEFORE_DAY).padStart(2, '0')}`, 0, tz);

/**
 * The month's briefing was published at `at`: its deadline is met (the first publication counts; a later one
 * leaves the time as it was).
 */
export async function briefingPublished(db: DbOrTx, n: { companyId: string; projectId: string; period: string }, tz: string, at: Date): Promise<void> {
  await db.execute(sql`
    insert into deadlines (company_id, project_id, entity, entity_id, kind, due_at, met_at, responsible_id, rule_version)
    values (${n.companyId}, ${n.projectId}, ${BRIEFING_ENTITY}, ${briefingDeadlineId(n.projectId, n.period)}, ${BRIEFING_KIND}, ${briefingDueAt(n.period, tz).toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, null, 1)
    on conflict (entity_id, kind) do update set met_at = coalesce(deadlines.met_at, excluded.met_at)`);
}

/**
 * Every project's deadline for its current local month, written once (the sweeper runs this each round;
 * an existing row is left alone). A briefing already published for the month meets it at once.
 */
export async function ensureBriefingDeadlines(db: DbOrTx, now = new Date()): Promise<number> {
  const projects = rowsOf<{ id: string; company_id: string; timezone: string }>(await db.execute(sql`select id, company_id, timezone from projects`));
  if (!projects.length) return 0;
  const rows = projects.map((p) => {
    const month = toLocal(now, p.timezone).date.slice(0, 7);
    return sql`(${p.company_id}::uuid, ${p.id}::uuid, ${briefingDeadlineId(p.id, month)}::uuid, ${briefingDueAt(month, p.timezone).toISOString()}::timestamptz, ${month})`;
  });
  const res = await db.execute(sql`
    insert into deadlines (company_id, project_id, entity, entity_id, kind, due_at, met_at, responsible_id, rule_version)
    select v.company_id, v.project_id, ${BRIEFING_ENTITY}, v.entity_id, ${BRIEFING_KIND}, v.due_at,
           (select min(n.published_at) from notices n where n.project_id = v.project_id and n.kind = 'briefing' and n.period = v.month and n.published_at is not null),
           null, 1
      from (values ${sql.join(rows, sql`, `)}) as v(company_id, project_id, entity_id, due_at, month)
    on conflict (entity_id, kind) do nothing
    returning 1`);
  return rowsOf(res).length;
}
