ALTER TABLE "supervision_checks" ALTER COLUMN "followup_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_checks" ADD COLUMN "visit_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_checks" ADD CONSTRAINT "supervision_checks_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_visit_level" ON "supervision_checks" USING btree ("visit_id","level");--> statement-breakpoint
ALTER TABLE "supervision_checks" ADD CONSTRAINT "supervision_one_record" CHECK (num_nonnulls("supervision_checks"."followup_id", "supervision_checks"."visit_id") = 1);