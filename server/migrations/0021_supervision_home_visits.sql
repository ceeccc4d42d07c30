ALTER TABLE "supervision_checks" ALTER COLUMN "followup_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_checks" ADD COLUMN "visit_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_checks" ADD CONSTRAINT "supervision_checks_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_visit_level" ON "supervision_checks" USING btree ("visit_id","level");--> statement-breakpoint
ALTER TABLE "supervision_checks" ADD CONSTRAINT "supervision_one_record" CHECK (num_nonnulls("supervision_checks"."followup_id", "supervision_checks"."visit_id") = 1);--> statement-breakpoint
-- X-01: the registers' due times of existing records go into the shared deadlines (issues 14, 15; the
-- commands keep them from now on). Long-overdue ones count as told, so the first sweep is not a flood.
INSERT INTO "deadlines" ("company_id", "project_id", "entity", "entity_id", "kind", "due_at", "met_at", "responsible_id", "department", "notified_level", "rule_version")
SELECT x.company_id, x.project_id, x.entity, x.entity_id, x.kind, x.due_at, x.met_at, x.responsible_id, x.department,
       CASE WHEN x.met_at IS NULL AND x.due_at < now() - interval '7 days' THEN 2 ELSE 0 END, 1
FROM (
  SELECT n.company_id, n.project_id, 'notice' AS entity, n.id AS entity_id, 'nt_take_down' AS kind, n.take_down_due_at AS due_at, n.taken_down_at AS met_at, n.created_by AS responsible_id, NULL::text AS department
    FROM notices n WHERE n.take_down_due_at IS NOT NULL
  UNION ALL
  SELECT f.company_id, f.project_id, 'patrol_finding', f.id, 'pt_recheck', f.recheck_due_at, CASE WHEN f.status <> 'open' THEN coalesce(f.rechecked_at, now()) END, f.created_by, NULL
    FROM patrol_findings f
  UNION ALL
  SELECT m.company_id, m.project_id, 'maintenance_plan', m.id, 'pt_maintenance', ((m.next_due_on + 1)::timestamp AT TIME ZONE p.timezone), e.retired_at, NULL, 'engineering'
    FROM maintenance_plans m JOIN equipment e ON e.id = m.equipment_id JOIN projects p ON p.id = m.project_id
  UNION ALL
  SELECT s.company_id, s.project_id, 'shift_log', s.id, 'fd_sign', s.due_at, s.signed_at, NULL, NULL
    FROM shift_logs s
  UNION ALL
  SELECT l.company_id, l.project_id, 'lost_item', l.id, 'fd_lost_dispose', ((l.dispose_due_on + 1)::timestamp AT TIME ZONE p.timezone),
         CASE l.state WHEN 'returned' THEN coalesce(l.returned_at, now()) WHEN 'disposed' THEN coalesce(l.disposed_at, now()) END, l.created_by, NULL
    FROM lost_items l JOIN projects p ON p.id = l.project_id WHERE l.dispose_due_on IS NOT NULL
  UNION ALL
  SELECT x.company_id, x.project_id, 'express_mail', x.id, 'fd_express', coalesce(x.next_follow_up_at, x.created_at + interval '1 day'),
         CASE WHEN x.next_follow_up_at IS NULL THEN coalesce((x.follow_ups -> -1 ->> 'at')::timestamptz, now()) END, x.created_by, NULL
    FROM express_mail x
  UNION ALL
  SELECT u.company_id, u.project_id, 'vacant_unit', u.id, 'pt_vacant',
         ((coalesce((SELECT v.next_due_on FROM vacant_patrols v WHERE v.unit_id = u.id ORDER BY v.patrolled_at DESC LIMIT 1), (now() AT TIME ZONE p.timezone)::date) + 1)::timestamp AT TIME ZONE p.timezone),
         NULL, NULL, NULL
    FROM units u JOIN projects p ON p.id = u.project_id WHERE u.state = 'vacant'
  UNION ALL
  -- CR-01: a key customer's visit is due by the end of the quarter after the last one visited (this quarter's if never)
  SELECT k.company_id, k.project_id, 'key_customer', k.id, 'cr_key_visit',
         ((coalesce(date_trunc('quarter', (SELECT max(v.visited_on) FROM visits v WHERE v.key_customer_id = k.id)::timestamp) + interval '3 months',
                    date_trunc('quarter', now() AT TIME ZONE p.timezone)) + interval '3 months') AT TIME ZONE p.timezone),
         NULL, NULL, NULL
    FROM key_customers k JOIN projects p ON p.id = k.project_id WHERE k.retired_at IS NULL
  UNION ALL
  -- CR-01: the key list's review, due by the end of this quarter, or the next once this one is reviewed
  SELECT p.company_id, p.id, 'key_list', p.id, 'cr_review',
         ((date_trunc('quarter', now() AT TIME ZONE p.timezone)
           + CASE WHEN EXISTS (SELECT 1 FROM key_customer_reviews r WHERE r.project_id = p.id
                                 AND r.quarter = to_char(now() AT TIME ZONE p.timezone, 'YYYY') || '-Q' || to_char(now() AT TIME ZONE p.timezone, 'Q'))
                  THEN interval '6 months' ELSE interval '3 months' END) AT TIME ZONE p.timezone),
         NULL, NULL, NULL
    FROM projects p
) x
ON CONFLICT ("entity_id", "kind") DO NOTHING;
