ALTER TABLE "lost_items" ADD COLUMN "category" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "lost_items" ADD COLUMN "returned_by" uuid;--> statement-breakpoint
ALTER TABLE "lost_items" ADD CONSTRAINT "lost_items_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;