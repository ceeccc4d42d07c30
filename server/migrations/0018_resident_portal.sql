CREATE TABLE "resident_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"notices_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"ip" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resident_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"resident_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"solved" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "resident_ratings" ADD CONSTRAINT "resident_ratings_order_id_work_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_ratings" ADD CONSTRAINT "resident_ratings_resident_id_resident_accounts_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_sessions" ADD CONSTRAINT "resident_sessions_resident_id_resident_accounts_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resident_accounts_phone" ON "resident_accounts" USING btree ("company_id","phone");--> statement-breakpoint
CREATE INDEX "resident_codes_phone" ON "resident_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "resident_codes_ip" ON "resident_codes" USING btree ("ip","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_ratings_order_round" ON "resident_ratings" USING btree ("order_id","round");--> statement-breakpoint
CREATE INDEX "resident_sessions_resident" ON "resident_sessions" USING btree ("resident_id");