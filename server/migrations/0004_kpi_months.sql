CREATE TABLE "kpi_months" (
	"project_id" uuid NOT NULL,
	"month" text NOT NULL,
	"company_id" uuid NOT NULL,
	"repair_cycles" integer DEFAULT 0 NOT NULL,
	"dispatched_in_time" integer DEFAULT 0 NOT NULL,
	"dispatched_same_day" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"reworks" integer DEFAULT 0 NOT NULL,
	"closed_paid" integer DEFAULT 0 NOT NULL,
	"followed_paid" integer DEFAULT 0 NOT NULL,
	"closed_free" integer DEFAULT 0 NOT NULL,
	"followed_free" integer DEFAULT 0 NOT NULL,
	"replies_due" integer DEFAULT 0 NOT NULL,
	"replied_in_time" integer DEFAULT 0 NOT NULL,
	"complaint_replies_due" integer DEFAULT 0 NOT NULL,
	"complaint_replied_in_time" integer DEFAULT 0 NOT NULL,
	"complaint_followups_due" integer DEFAULT 0 NOT NULL,
	"complaint_followed_in_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_months_project_id_month_pk" PRIMARY KEY("project_id","month")
);
--> statement-breakpoint
ALTER TABLE "kpi_months" ADD CONSTRAINT "kpi_months_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_months_month" ON "kpi_months" USING btree ("month","project_id");