// X-01, QI-05: the signed-in user's to-dos for the role home page (工作台) — every open deadline due within
// the next days in the projects their roles cover, nearest first: the ones they answer for (a case's reply,
// an order's completion, a follow-up, an archive, a notice to take down, a patrol recheck, a rectification…),
// the unassigned ones their role acts on (orders to dispatch, the slip bundle, handover logs to sign,
// maintenance checks, vacant-unit patrols, key-customer visits), and cash hand-overs to confirm. ONE
// statement: the deadlines part walks deadlines_project_open (project, kind, due_at where met_at is null).
import { sql } from 'drizzle-orm';
import type { TAction } from '../../../common/roles';
import type { TTodos } from '../../../common/desk';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { projectsWhere, type Principal } from '../../platform/policy';

/** How far ahead a to-do shows: the coming week (an order's 3 days, a follow-up's) and everything overdue. */
export const TODO_HORIZON_MS = 7 * 86_400_000;
const LIMIT = 300;

/** The record page each to-do opens. */
const LINKS: Record<string, (id: string) => string> = {
  case: (id) => `/cases/${id}`,
  complaint: (id) => `/complaints/${id}`,
  work_order: (id) => `/orders/${id}`,
  archive: (id) => `/archives/${id}`,
  slip_bundle: () => '/slip-bundles',
  notice: (id) => `/notices/${id}`,
  patrol_finding: () => '/patrols',
  shift_log: () => '/frontdesk/shift-logs',
  cash_handover: () => '/cash',
  maintenance_plan: () => '/equipment',
  vacant_unit: () => '/vacant-units',
  key_list: () => '/key-customers',
  key_customer: () => '/key-customers',
  lost_item: () => '/frontdesk/lost-found',
  express_mail: () => '/express',
  rectification: (id) => `/rectifications/${id}`,
  briefing: () => '/notices', // NT-05: the month's briefing to publish
  survey_measure: (surveyId) => `/surveys/${surveyId}`, // SV-02: linked by its survey (link_id)
};
export const todoLink = (entity: string, id: string) => (LINKS[entity] ?? (() => '/'))(id);

const ids = (p: Principal, action: TAction) => `{${projectsWhere(p, action).join(',')}}`;

export async function myTodos(db: DbOrTx, p: Principal, now = new Date()): Promise<TTodos> {
  const horizon = new Date(now.getTime() + TODO_HORIZON_MS).toISOString();
  const rows = rowsOf<{ kind: string; entity: string; entity_id: string; project_id: string; project_name: string; title: string | null; due_at: string | Date; mine: boolean; link_id: string | null }>(
    await db.execute(sql`
    with t as (
      -- the deadlines table (the registers' due times are mirrored there too): the user's own, and the
      -- unassigned ones their role acts on
      select d.kind, d.entity, d.entity_id, d.project_id, d.due_at, d.responsible_id = ${p.userId}::uuid as mine
        from deadlines d
       where d.project_id = any(${ids(p, 'project.read')}::uuid[]) and d.met_at is null and d.paused_at is null
         and d.due_at < ${horizon}::timestamptz
         and (d.responsible_id = ${p.userId}::uuid
           or (d.responsible_id is null and case
                when d.kind = 'dispatch' then d.project_id = any(${ids(p, 'wo.dispatch')}::uuid[])
                when d.kind like 'archive\\_%' then d.project_id = any(${ids(p, 'archive.manage')}::uuid[])
                -- FD-02: the next shift signs the log, never its writer
                when d.kind = 'fd_sign' then d.project_id = any(${ids(p, 'frontdesk.desk')}::uuid[])
                  and not exists (select 1 from shift_logs s where s.id = d.entity_id and s.writer_id = ${p.userId}::uuid)
                when d.kind = 'pt_maintenance' then d.project_id = any(${ids(p, 'facility.check')}::uuid[])
                when d.kind = 'pt_vacant' then d.project_id = any(${ids(p, 'patrol.record')}::uuid[])
                when d.kind in ('cr_review', 'cr_key_visit') then d.project_id = any(${ids(p, 'relations.manage')}::uuid[])
                when d.kind in ('completion', 'progress') then false
                else d.project_id = any(${ids(p, 'case.manage')}::uuid[])
              end))
      union all
      -- PS-07: the day's cash handed over, for finance to count and confirm by the end of that day
      select 'cash_confirm', 'cash_handover', h.id, h.project_id, ((h.business_date + 1)::timestamp at time zone pr.timezone), false
        from cash_handovers h join projects pr on pr.id = h.project_id
       where h.project_id = any(${ids(p, 'cash.confirm')}::uuid[]) and h.status = 'submitted'
    )
    select t.kind, t.entity, t.entity_id, t.project_id, pr.name as project_name, t.due_at, coalesce(t.mine, false) as mine,
           case t.entity
             when 'case' then (select c.number from cases c where c.id = t.entity_id)
             when 'work_order' then (select o.number || ' ' || left(o.description, 40) from work_orders o where o.id = t.entity_id)
             when 'complaint' then (select c.number from complaints k join cases c on c.id = k.case_id where k.id = t.entity_id)
             when 'archive' then (select u.path from archives a join units u on u.id = a.unit_id where a.id = t.entity_id)
             when 'slip_bundle' then (select b.month from slip_bundles b where b.id = t.entity_id)
             when 'notice' then (select n.number || ' ' || left(n.title, 40) from notices n where n.id = t.entity_id)
             when 'patrol_finding' then (select f.location || ' ' || left(f.problem, 40) from patrol_findings f where f.id = t.entity_id)
             when 'cash_handover' then (select h.business_date::text || ' ' || u.display_name from cash_handovers h join users u on u.id = h.clerk_id where h.id = t.entity_id)
             when 'shift_log' then (select s.shift_date::text from shift_logs s where s.id = t.entity_id)
             when 'maintenance_plan' then (select e.name from maintenance_plans m join equipment e on e.id = m.equipment_id where m.id = t.entity_id)
             when 'vacant_unit' then (select u.path from units u where u.id = t.entity_id)
             when 'key_customer' then (select k.name from key_customers k where k.id = t.entity_id)
             when 'lost_item' then (select l.number from lost_items l where l.id = t.entity_id)
             when 'rectification' then (select x.number || ' ' || f.item_code from rectifications x join inspection_findings f on f.id = x.finding_id where x.id = t.entity_id)
             when 'briefing' then (select to_char(t.due_at at time zone x.timezone, 'YYYY-MM') from projects x where x.id = t.project_id)
             when 'survey_measure' then (select m.item_code || ' ' || left(m.action, 40) from survey_measures m where m.id = t.entity_id)
           end as title,
           case t.entity when 'survey_measure' then (select m.survey_id from survey_measures m where m.id = t.entity_id) else t.entity_id end as link_id
      from t join projects pr on pr.id = t.project_id
     order by t.due_at, t.entity_id
     limit ${LIMIT}`),
  );
  const items = rows.map((r) => {
    const dueAt = new Date(r.due_at);
    return {
      kind: r.kind,
      entity: r.entity,
      entityId: r.entity_id,
      projectId: r.project_id,
      projectName: r.project_name,
      title: r.title ?? '',
      dueAt: dueAt.toISOString(),
      overdue: dueAt < now,
      mine: !!r.mine,
      link: todoLink(r.entity, r.link_id ?? r.entity_id),
    };
  });
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  return { now: now.toISOString(), items, counts };
}
