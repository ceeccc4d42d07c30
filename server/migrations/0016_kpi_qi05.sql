ALTER TABLE "kpi_months" ADD COLUMN "completed_in_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_months" ADD COLUMN "visit_verdicts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_months" ADD COLUMN "visits_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_months" ADD COLUMN "complaint_verdicts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_months" ADD COLUMN "complaint_satisfied" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- QI-05: the new counters exist only from the events; emptied, the rollup is rebuilt from the events on start (rebuildKpisIfEmpty).
DELETE FROM "kpi_months";
