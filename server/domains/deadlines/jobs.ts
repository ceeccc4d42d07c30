// X-01: the overdue sweeper. ONE statement claims a batch of overdue deadlines with FOR UPDATE SKIP
// LOCKED (so several server instances can sweep at once), raises each one's notice level, writes the
// notices (INSERT … SELECT: the recipients are found in SQL, no rows travel through Node) and raises the
// CP-02 "no action" flags: one instance wins each deadline, each level is told once, and the cost
// follows the due rows only, never the table size (the claim walks the deadlines_open_due index).
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db';
import { repeat, type JobLog } from '../../platform/jobs';
import { DESK_KINDS } from './recipients';
import { ensureBriefingDeadlines } from '../notices/briefing-deadline';

const deskKinds = sql.raw(`array[${[...DESK_KINDS].map((k) => `'${k}'`).join(',')}]::text[]`);

export async function sweepOverdue(db: Db, now = new Date(), batch = 500): Promise<{ claimed: number; notices: number }> {
  const at = now.toISOString();
  const res = await db.execute(sql`
    with due as (
      select d.id
      from deadlines d
      left join desk_rules r on r.project_id = d.project_id
      where d.met_at is null and d.paused_at is null and d.notified_level < 2
        and d.due_at < ${at}::timestamptz
        and (d.notified_level = 0
             or d.due_at < ${at}::timestamptz - make_interval(secs => coalesce((r.rules->>'escalateAfterHours')::float8, 2) * 3600))
      order by d.due_at
      limit ${batch}
      for update of d skip locked
    ),
    claimed as (
      update deadlines d set notified_level = d.notified_level + 1
      from due where d.id = due.id
      returning d.id, d.company_id, d.project_id, d.entity, d.entity_id, d.kind, d.due_at, d.responsible_id, d.department, d.notified_level,
                d.kind = any(${deskKinds}) as desk
    ),
    -- X-01: first the responsible person (or, with nobody assigned, the supervisors: the CS supervisor
    -- for desk deadlines, the department's for order deadlines); at level 2 the supervisors, or the
    -- project manager when the supervisors were the first to hear.
    told as (
      select c.*, who.user_id
      from claimed c
      cross join lateral (
        with holders as (
          select u.id, r.role
          from user_roles r
          join users u on u.id = r.user_id and u.active
          left join departments dp on dp.id = u.department_id
          where r.company_id = c.company_id and (r.project_id = c.project_id or r.project_id is null)
            and (r.role = 'project_manager'
                 or (c.desk and r.role = 'cs_supervisor')
                 or (not c.desk and c.kind <> 'rectification' and r.role = 'dept_supervisor' and (c.department is null or dp.kind = c.department))
                 -- QI-04: an overdue rectification escalates from the project manager to the quality department
                 or (c.kind = 'rectification' and r.role = 'quality_inspector'))
        ),
        supervisors as (select id from holders where role <> 'project_manager')
        select c.responsible_id as user_id where c.notified_level = 1 and c.responsible_id is not null
        union
        select id from supervisors where (c.notified_level = 1 and c.responsible_id is null) or (c.notified_level = 2 and c.responsible_id is not null)
        union
        select id from holders where role = 'project_manager' and c.notified_level = 2
          and (c.responsible_id is null or not exists (select 1 from supervisors))
      ) who
    ),
    notices as (
      insert into notifications (company_id, project_id, user_id, kind, entity, entity_id, params, dedupe_key)
      select t.company_id, t.project_id, t.user_id,
             case when t.notified_level = 1 then 'overdue_' else 'escalated_' end || t.kind, t.entity, t.entity_id,
             jsonb_build_object('number', coalesce(
               -- X-01: each deadline names its record by its number, place or name (one lookup, by its entity)
               case t.entity
                 when 'notice' then (select x.number from notices x where x.id = t.entity_id)
                 when 'key_list' then (select x.name from projects x where x.id = t.entity_id)
                 when 'key_customer' then (select x.name from key_customers x where x.id = t.entity_id)
                 when 'patrol_finding' then (select x.location from patrol_findings x where x.id = t.entity_id)
                 when 'vacant_unit' then (select x.path from units x where x.id = t.entity_id)
                 when 'maintenance_plan' then (select e.name || ' ' || x.title from maintenance_plans x join equipment e on e.id = x.equipment_id where x.id = t.entity_id)
                 when 'shift_log' then (select x.shift_date::text from shift_logs x where x.id = t.entity_id)
                 when 'lost_item' then (select x.number from lost_items x where x.id = t.entity_id)
                 when 'express_mail' then (select u.path from express_mail x join units u on u.id = x.unit_id where x.id = t.entity_id)
                 when 'work_order' then (select number from work_orders w where w.id = t.entity_id)
                 when 'case' then (select number from cases k where k.id = t.entity_id)
                 when 'complaint' then (select k.number from complaints q join cases k on k.id = q.case_id where q.id = t.entity_id)
                 when 'archive' then (select u.path from archives a join units u on u.id = a.unit_id where a.id = t.entity_id)
                 when 'slip_bundle' then (select b.month from slip_bundles b where b.id = t.entity_id)
                 when 'rectification' then (select x.number from rectifications x where x.id = t.entity_id)
                 when 'briefing' then (select to_char(t.due_at at time zone x.timezone, 'YYYY-MM') from projects x where x.id = t.project_id)
               end, '')),
             -- a moved due time (a rolling deadline: the next patrol, visit, check) is a new cause to tell
             'deadline:' || t.id || ':' || t.notified_level || ':' || floor(extract(epoch from t.due_at))::bigint
      from told t
      on conflict do nothing
      returning 1
    ),
    -- CP-02: a request whose reply or dispatch time has passed with nothing done is flagged. Two joins
    -- from the claimed rows (never an OR over cases, which would scan the whole table).
    flags as (
      insert into desk_flags (company_id, project_id, kind, case_id, raised_at)
      select k.company_id, k.project_id, 'no_action', k.id, ${at}::timestamptz
      from claimed c join cases k on k.id = c.entity_id
      where c.notified_level = 1 and c.entity = 'case' and c.kind = 'reply' and k.status = 'open'
      union
      select k.company_id, k.project_id, 'no_action', k.id, ${at}::timestamptz
      from claimed c join work_orders w on w.id = c.entity_id join cases k on k.id = w.case_id
      where c.notified_level = 1 and c.entity = 'work_order' and c.kind = 'dispatch' and w.status = 'reported'
      on conflict do nothing
    )
    select (select count(*) from claimed)::int as claimed, (select count(*) from notices)::int as notices`);
  const [r] = rowsOf<{ claimed: number; notices: number }>(res);
  return r;
}

/** Runs the sweeper every `everyMs`; errors are logged and the next round tries again. */
export function startSweeper(db: Db, log: JobLog, everyMs = 60_000): () => Promise<void> {
  return repeat(
    'overdue sweep',
    async () => {
      // NT-05: each project's briefing deadline of the month exists before it can be missed
      await ensureBriefingDeadlines(db);
      await sweepOverdue(db);
    },
    log,
    everyMs,
  );
}
