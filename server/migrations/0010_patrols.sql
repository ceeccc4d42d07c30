CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"installed_on" date,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"equipment_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"work_order_id" uuid
);
--> statement-breakpoint
CREATE TABLE "maintenance_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"equipment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_days" integer NOT NULL,
	"next_due_on" date NOT NULL,
	"last_checked_on" date,
	"last_result" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"patrol_id" uuid NOT NULL,
	"level" text NOT NULL,
	"selected_at" timestamp with time zone NOT NULL,
	"checker_id" uuid,
	"checked_at" timestamp with time zone,
	"outcome" text,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"patrol_id" uuid NOT NULL,
	"location" text NOT NULL,
	"problem" text NOT NULL,
	"handling" text NOT NULL,
	"handling_note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"recheck_due_at" timestamp with time zone NOT NULL,
	"first_recheck_due_at" timestamp with time zone NOT NULL,
	"first_rechecked_at" timestamp with time zone,
	"rechecks" integer DEFAULT 0 NOT NULL,
	"rechecked_at" timestamp with time zone,
	"recheck_result" text,
	"recheck_note" text DEFAULT '' NOT NULL,
	"rechecker_id" uuid,
	"work_order_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_patrols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"patrol_date" date NOT NULL,
	"route" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"patroller_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacant_patrols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"patrolled_at" timestamp with time zone NOT NULL,
	"by_id" uuid NOT NULL,
	"failed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"next_due_on" date NOT NULL,
	"work_order_id" uuid
);
--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_checks" ADD CONSTRAINT "facility_checks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_checks" ADD CONSTRAINT "facility_checks_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_checks" ADD CONSTRAINT "facility_checks_plan_id_maintenance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."maintenance_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_checks" ADD CONSTRAINT "facility_checks_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_checks" ADD CONSTRAINT "facility_checks_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_plans" ADD CONSTRAINT "maintenance_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_plans" ADD CONSTRAINT "maintenance_plans_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checks" ADD CONSTRAINT "patrol_checks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checks" ADD CONSTRAINT "patrol_checks_patrol_id_public_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."public_patrols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checks" ADD CONSTRAINT "patrol_checks_checker_id_users_id_fk" FOREIGN KEY ("checker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_patrol_id_public_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."public_patrols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_rechecker_id_users_id_fk" FOREIGN KEY ("rechecker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_settings" ADD CONSTRAINT "patrol_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_patrols" ADD CONSTRAINT "public_patrols_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_patrols" ADD CONSTRAINT "public_patrols_patroller_id_users_id_fk" FOREIGN KEY ("patroller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacant_patrols" ADD CONSTRAINT "vacant_patrols_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacant_patrols" ADD CONSTRAINT "vacant_patrols_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacant_patrols" ADD CONSTRAINT "vacant_patrols_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacant_patrols" ADD CONSTRAINT "vacant_patrols_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_project_code" ON "equipment" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "facility_checks_project" ON "facility_checks" USING btree ("project_id","checked_at");--> statement-breakpoint
CREATE INDEX "maintenance_plans_equipment" ON "maintenance_plans" USING btree ("equipment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_checks_patrol_level" ON "patrol_checks" USING btree ("patrol_id","level");--> statement-breakpoint
CREATE INDEX "patrol_checks_project" ON "patrol_checks" USING btree ("project_id","selected_at");--> statement-breakpoint
CREATE INDEX "patrol_findings_patrol" ON "patrol_findings" USING btree ("patrol_id");--> statement-breakpoint
CREATE INDEX "patrol_findings_open" ON "patrol_findings" USING btree ("project_id","recheck_due_at") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "public_patrols_day" ON "public_patrols" USING btree ("project_id","patrol_date");--> statement-breakpoint
CREATE INDEX "vacant_patrols_unit" ON "vacant_patrols" USING btree ("unit_id","patrolled_at");--> statement-breakpoint
CREATE INDEX "vacant_patrols_project" ON "vacant_patrols" USING btree ("project_id","patrolled_at");