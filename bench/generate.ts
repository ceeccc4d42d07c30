// The large data set for the list, lookup, KPI and sweep benchmarks, generated with set-based SQL:
// PROJECTS projects, ORDERS work orders (each with its case) over the last 12 months, CUSTOMERS
// customers; open orders carry their deadlines, exactly 1,000 of them due for the sweeper. Bench data
// only: generated rows have no audit events (the product's own writes always do).
import argon2 from 'argon2';

export interface Scale {
  projects: number;
  orders: number;
  customers: number;
}

export const BENCH_PASSWORD = 'bench1234';

export const KPI_ROLLUP_SQL = `insert into kpi_months (project_id, company_id, month, repair_cycles, dispatched_in_time, dispatched_same_day, completed,
       reworks, closed_paid, followed_paid, closed_free, followed_free, replies_due, replied_in_time)
     select w.project_id, w.company_id, to_char(w.reported_at at time zone p.timezone, 'YYYY-MM'), count(*)::int,
       count(*) filter (where w.dispatched_at <= w.reported_at + interval '12 hours')::int,
       count(*) filter (where (w.dispatched_at at time zone p.timezone)::date = (w.reported_at at time zone p.timezone)::date)::int,
       count(w.completed_at)::int, sum(w.rework_count)::int, 0, 0, count(w.closed_at)::int,
       count(*) filter (where w.followup_selected)::int, count(*)::int, count(*)::int
     from work_orders w join projects p on p.id = w.project_id
     group by w.project_id, w.company_id, 3`;

export async function generate(exec: (sql: string) => Promise<unknown>, s: Scale) {
  const hash = await argon2.hash(BENCH_PASSWORD);
  const perProject = Math.ceil(s.orders / s.projects);
  const customersPerProject = Math.ceil(s.customers / s.projects);
  const unitsPerProject = 300;
  const steps: [string, string][] = [
    ['company', `insert into companies (id, company_id, name) values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', '基准测试物业')`],
    ['projects', `insert into projects (id, company_id, code, name, type, service_level)
       select ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001', 'P' || g, '项目' || g, 'residential', 1 + g % 5
       from generate_series(1, ${s.projects}) g`],
    ['calendars', `insert into project_calendars (project_id, company_id, weekdays, business_start, business_end, days)
       select id, company_id, '[1,2,3,4,5]', '08:30', '17:30', '[]' from projects`],
    ['users', `insert into users (id, company_id, username, display_name, password_hash) values
       ('00000000-0000-4000-a000-000000000001', '00000000-0000-4000-8000-000000000001', 'bench-admin', '基准管理员', '${hash}')`],
    ['roles', `insert into user_roles (company_id, user_id, project_id, role) values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-a000-000000000001', null, 'company_admin')`],
    ['areas', `insert into areas (id, company_id, project_id, name) select gen_random_uuid(), company_id, id, 'A区' from projects`],
    ['buildings', `insert into buildings (id, company_id, project_id, area_id, name, floors) select gen_random_uuid(), company_id, project_id, id, '1栋', 30 from areas`],
    ['units', `insert into units (company_id, project_id, building_id, floor, number, path, sort_key, area_m2, use, state)
       select b.company_id, b.project_id, b.id, g / 10 + 1, (g / 10 + 1) || lpad((g % 10 + 1)::text, 2, '0'),
              'A区-1栋-' || (g / 10 + 1) || '层-' || (g / 10 + 1) || lpad((g % 10 + 1)::text, 2, '0'),
              '000.0000.' || lpad((g / 10 + 1001)::text, 4, '0') || '.' || lpad(g::text, 10, '0'), 90, 'residence', 'owner_occupied'
       from buildings b, generate_series(0, ${unitsPerProject - 1}) g`],
    ['customers', `insert into customers (id, company_id, project_id, kind, name, phone)
       select gen_random_uuid(), p.company_id, p.id, 'person', '业主' || g, '13' || lpad(((p.code_n - 1) * ${customersPerProject} + g)::text, 9, '0')
       from (select id, company_id, substr(code, 2)::int as code_n from projects) p, generate_series(1, ${customersPerProject}) g`],
    ['customer units', `insert into customer_units (company_id, project_id, customer_id, unit_id, relation)
       select c.company_id, c.project_id, c.id, u.id, 'owner'
       from (select id, company_id, project_id, row_number() over (partition by project_id order by id) as rn from customers) c
       join (select id, project_id, row_number() over (partition by project_id order by id) as rn from units) u
         on u.project_id = c.project_id and u.rn = 1 + (c.rn - 1) % ${unitsPerProject}`],
    ['cases', `insert into cases (id, company_id, project_id, number, channel, category, status, caller_name, caller_phone, content, confirmed_with_caller, owner_id, created_by, rule_version, created_at, replied_at)
       select ('10000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001',
              ('00000000-0000-4000-9000-' || lpad((1 + g % ${s.projects})::text, 12, '0'))::uuid,
              'KF-' || g, 'phone', 'repair', 'replied', '王', '13800138000', '报修', true,
              '00000000-0000-4000-a000-000000000001', '00000000-0000-4000-a000-000000000001', 0,
              now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second', now() - (g % 365) * interval '1 day'
       from generate_series(1, ${s.orders}) g`],
    ['work orders', `insert into work_orders (id, company_id, project_id, case_id, number, trade, priority, location_kind, location, description, department, status,
                                          assignee_id, reported_at, dispatched_at, completed_at, closed_at, followup_selected, rework_count, rule_version)
       select ('20000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, c.company_id, c.project_id, c.id, 'BX-' || g,
              (array['water','electric','door_window','public_facility'])[1 + g % 4], case when g % 20 = 0 then 'emergency' else 'normal' end,
              'unit', 'A区-1栋', '漏水', 'engineering',
              case when g % 20 < 19 then (array['closed','followed_up'])[1 + g % 2] else (array['reported','dispatched','in_progress','on_hold'])[1 + g % 4] end,
              '00000000-0000-4000-a000-000000000001', c.created_at, c.created_at + (g % 300) * interval '1 minute',
              case when g % 20 < 19 then c.created_at + interval '5 hours' end, case when g % 20 < 19 then c.created_at + interval '1 day' end,
              case when g % 20 < 19 then g % 3 = 0 end, case when g % 50 = 0 then 1 else 0 end, 0
       from cases c cross join lateral (select substr(c.number, 4)::int as g) n`],
    ['deadlines', `insert into deadlines (company_id, project_id, entity, entity_id, kind, due_at, notified_level, rule_version)
       select w.company_id, w.project_id, 'work_order', w.id, k.kind, w.reported_at + k.after, 2, 0
       from work_orders w cross join (values ('dispatch', interval '12 hours'), ('completion', interval '3 days'), ('progress', interval '1 month')) k(kind, after)
       where w.status in ('reported','dispatched','in_progress','on_hold')`],
    ['1,000 due', `update deadlines set notified_level = 0, due_at = now() - interval '1 minute', responsible_id = '00000000-0000-4000-a000-000000000001'
       where id in (select id from deadlines where kind = 'completion' order by id limit 1000)`],
    // The generated rows have no events to count from, so their monthly KPI rollup (QI-05) is counted
    // from the rows' own fields: each order one cycle, dispatched within 12 h, followed up when selected.
    ['kpi rollup', KPI_ROLLUP_SQL],
    ['analyze', 'analyze'],
  ];
  for (const [name, text] of steps) {
    const t = performance.now();
    await exec(text);
    console.log(`  generated ${name} in ${Math.round(performance.now() - t)} ms`);
  }
}
