-- Issue 11: a complaint and its CP-02 flags are written before their case takes its KF number (the
-- number is taken by the command's last statement), so these references are checked at COMMIT.
ALTER TABLE "complaints" ALTER CONSTRAINT "complaints_case_id_cases_id_fk" DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "desk_flags" ALTER CONSTRAINT "desk_flags_case_id_cases_id_fk" DEFERRABLE INITIALLY DEFERRED;
