CREATE TABLE "pass_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_phone" text NOT NULL,
	"items" text NOT NULL,
	"pieces" integer NOT NULL,
	"valid_on" date NOT NULL,
	"time_out" text DEFAULT '' NOT NULL,
	"vehicle_plate" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"owner_id" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"pass_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_rooms" ADD COLUMN "resident_bookable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD COLUMN "resident_id" uuid;--> statement-breakpoint
ALTER TABLE "release_passes" ADD COLUMN "vehicle_plate" text;--> statement-breakpoint
ALTER TABLE "pass_requests" ADD CONSTRAINT "pass_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_requests" ADD CONSTRAINT "pass_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_requests" ADD CONSTRAINT "pass_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_requests" ADD CONSTRAINT "pass_requests_owner_id_customers_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_requests" ADD CONSTRAINT "pass_requests_pass_id_release_passes_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."release_passes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pass_requests_project_status" ON "pass_requests" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "pass_requests_unit" ON "pass_requests" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pass_requests_pass" ON "pass_requests" USING btree ("pass_id");