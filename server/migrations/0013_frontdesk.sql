CREATE TABLE "call_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"week_start" date NOT NULL,
	"recording" text NOT NULL,
	"minutes" integer NOT NULL,
	"findings" text NOT NULL,
	"shift_log_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frontdesk_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"unclaimed_days" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lost_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"place" text NOT NULL,
	"happened_on" date NOT NULL,
	"person_name" text NOT NULL,
	"person_phone" text NOT NULL,
	"stored_at" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"matched_id" uuid,
	"dispose_due_on" date,
	"receiver_name" text,
	"receiver_phone" text,
	"receiver_id_number" text,
	"signature_file_id" uuid,
	"returned_at" timestamp with time zone,
	"disposed_at" timestamp with time zone,
	"dispose_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_passes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"check_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"bearer_name" text NOT NULL,
	"bearer_phone" text NOT NULL,
	"items" text NOT NULL,
	"pieces" integer NOT NULL,
	"valid_on" date NOT NULL,
	"owner_id" uuid,
	"confirm_method" text,
	"confirm_note" text,
	"confirmed_at" timestamp with time zone,
	"issued_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"gate" text,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"shift_date" date NOT NULL,
	"shift" text NOT NULL,
	"previous_id" uuid,
	"writer_id" uuid NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"carried" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_reviews" ADD CONSTRAINT "call_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reviews" ADD CONSTRAINT "call_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reviews" ADD CONSTRAINT "call_reviews_shift_log_id_shift_logs_id_fk" FOREIGN KEY ("shift_log_id") REFERENCES "public"."shift_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frontdesk_settings" ADD CONSTRAINT "frontdesk_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_items" ADD CONSTRAINT "lost_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_items" ADD CONSTRAINT "lost_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_passes" ADD CONSTRAINT "release_passes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_passes" ADD CONSTRAINT "release_passes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_passes" ADD CONSTRAINT "release_passes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_passes" ADD CONSTRAINT "release_passes_owner_id_customers_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_passes" ADD CONSTRAINT "release_passes_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_passes" ADD CONSTRAINT "release_passes_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_logs" ADD CONSTRAINT "shift_logs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_logs" ADD CONSTRAINT "shift_logs_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_logs" ADD CONSTRAINT "shift_logs_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_reviews_project_week" ON "call_reviews" USING btree ("project_id","week_start");--> statement-breakpoint
CREATE UNIQUE INDEX "lost_items_number" ON "lost_items" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "lost_items_project_state" ON "lost_items" USING btree ("project_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "release_passes_number" ON "release_passes" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "release_passes_code" ON "release_passes" USING btree ("project_id","check_code");--> statement-breakpoint
CREATE INDEX "release_passes_project_created" ON "release_passes" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_logs_successor" ON "shift_logs" USING btree ("previous_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_logs_first" ON "shift_logs" USING btree ("project_id") WHERE previous_id is null;--> statement-breakpoint
CREATE INDEX "shift_logs_project_started" ON "shift_logs" USING btree ("project_id","started_at");