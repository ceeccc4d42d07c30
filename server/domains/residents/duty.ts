// X-03: who owns a matter a resident reports from the portal (IN-01's first-inquiry owner). The clerk on
// duty is the clerk who wrote the project's latest shift log begun in the last 14 hours (FD-02: whoever
// holds the desk's log holds the desk); with no such log, the project's first active clerk by user name;
// with no clerk, its CS supervisor, then its project manager. Every matter thus has an owner who sees it
// in the desk's own lists the moment it is reported.
import type { DbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { query } from '../../platform/sql';

const DUTY_SQL = `
(select s.writer_id as id, 0 as rank, s.started_at as at
   from shift_logs s
   join users u on u.id = s.writer_id and u.active
  where s.project_id = $1::uuid and s.started_at > now() - interval '14 hours'
    and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'clerk' and r.project_id = $1::uuid)
  order by s.started_at desc limit 1)
union all
(select u.id, case r.role when 'clerk' then 1 when 'cs_supervisor' then 2 else 3 end as rank, null as at
   from users u join user_roles r on r.user_id = u.id and r.project_id = $1::uuid and r.role in ('clerk', 'cs_supervisor', 'project_manager')
  where u.active)
order by rank, at desc nulls last
limit 1`;

export async function clerkOnDuty(db: DbOrTx, projectId: string): Promise<string> {
  const rows = await query<{ id: string }>(db, 'resident_clerk_on_duty', DUTY_SQL, [projectId]);
  if (!rows[0]) throw new AppError(409, 'no_clerk_on_duty');
  return rows[0].id;
}
