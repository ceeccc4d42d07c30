// NT-02: a published notice expires at the end of its validity. ONE statement claims the batch (the
// status check in the UPDATE means one worker wins each notice) and writes each expiry's audit event.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db';
import { repeat, type JobLog } from '../../platform/jobs';

export async function expireNotices(db: Db, now = new Date(), batch = 500): Promise<number> {
  const at = now.toISOString();
  const res = await db.execute(sql`
    with due as (
      select id from notices
      where status = 'published' and valid_until <= ${at}::timestamptz
      order by valid_until
      limit ${batch}
      for update skip locked
    ),
    moved as (
      update notices n set status = 'expired', expired_at = n.valid_until, version = n.version + 1
      from due where n.id = due.id and n.status = 'published'
      returning n.id, n.company_id, n.project_id, n.take_down_due_at
    ),
    events as (
      insert into audit_events (company_id, project_id, actor_id, entity, entity_id, action, before, after, at)
      select company_id, project_id, null, 'notice', id::text, 'expire', '{"status":"published"}'::jsonb,
             jsonb_build_object('status', 'expired', 'takeDownDueAt', take_down_due_at), ${at}::timestamptz
      from moved
      returning 1
    )
    select (select count(*) from moved)::int as expired`);
  return rowsOf<{ expired: number }>(res)[0].expired;
}

/** Runs the expiry every `everyMs` (and once at start). */
export function startNoticeJobs(db: Db, log: JobLog, everyMs = 300_000): () => Promise<void> {
  return repeat('notice expiry', () => expireNotices(db), log, everyMs, { now: true });
}
