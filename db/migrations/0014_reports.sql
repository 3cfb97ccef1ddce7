CREATE TABLE "report_award_days" (
	"offer_key" uuid NOT NULL,
	"day" date NOT NULL,
	"outcome_type" text NOT NULL,
	"unit" text NOT NULL,
	"program_id" uuid,
	"base_earn" integer DEFAULT 0 NOT NULL,
	"awards" bigint DEFAULT 0 NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	"pending_count" bigint DEFAULT 0 NOT NULL,
	"pending_value" bigint DEFAULT 0 NOT NULL,
	"posted_count" bigint DEFAULT 0 NOT NULL,
	"posted_value" bigint DEFAULT 0 NOT NULL,
	"failed_count" bigint DEFAULT 0 NOT NULL,
	"failed_value" bigint DEFAULT 0 NOT NULL,
	"reversed_count" bigint DEFAULT 0 NOT NULL,
	"reversed_value" bigint DEFAULT 0 NOT NULL,
	"taken_back" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_award_days_offer_key_day_outcome_type_unit_pk" PRIMARY KEY("offer_key","day","outcome_type","unit")
);
--> statement-breakpoint
CREATE TABLE "report_block_days" (
	"block_id" uuid NOT NULL,
	"day" date NOT NULL,
	"partner_id" uuid NOT NULL,
	"debited" bigint DEFAULT 0 NOT NULL,
	"returned" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_block_days_block_id_day_pk" PRIMARY KEY("block_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_offer_members" (
	"offer_key" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "report_offer_members_offer_key_member_id_pk" PRIMARY KEY("offer_key","member_id")
);
--> statement-breakpoint
CREATE TABLE "report_offer_reach_days" (
	"offer_key" uuid NOT NULL,
	"day" date NOT NULL,
	"members" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_offer_reach_days_offer_key_day_pk" PRIMARY KEY("offer_key","day")
);
--> statement-breakpoint
CREATE TABLE "report_taken_back" (
	"fulfilment_id" uuid PRIMARY KEY NOT NULL,
	"taken_back" bigint NOT NULL,
	"counted" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_spend_months" (
	"member_id" uuid NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_spend_months_member_id_month_currency_pk" PRIMARY KEY("member_id","month","currency")
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"segment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "segment_members_segment_id_member_id_pk" PRIMARY KEY("segment_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"counted_at" timestamp with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_days" (
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"category" text NOT NULL,
	"mcc" text NOT NULL,
	"purchases" bigint DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "spend_days_day_currency_category_mcc_pk" PRIMARY KEY("day","currency","category","mcc")
);
--> statement-breakpoint
CREATE TABLE "report_active_members" (
	"scope" uuid NOT NULL,
	"grain" smallint NOT NULL,
	"period" date NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "report_active_members_scope_grain_period_member_id_pk" PRIMARY KEY("scope","grain","period","member_id")
);
--> statement-breakpoint
CREATE TABLE "report_member_counts" (
	"scope" uuid NOT NULL,
	"grain" smallint NOT NULL,
	"period" date NOT NULL,
	"new_members" integer DEFAULT 0 NOT NULL,
	"active_members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_member_counts_scope_grain_period_pk" PRIMARY KEY("scope","grain","period")
);
--> statement-breakpoint
CREATE TABLE "report_points_daily" (
	"program_id" uuid NOT NULL,
	"day" date NOT NULL,
	"awarded" bigint DEFAULT 0 NOT NULL,
	"adjusted_in" bigint DEFAULT 0 NOT NULL,
	"adjusted_out" bigint DEFAULT 0 NOT NULL,
	"taken_back" bigint DEFAULT 0 NOT NULL,
	"redeemed" bigint DEFAULT 0 NOT NULL,
	"redemption_reversed" bigint DEFAULT 0 NOT NULL,
	"expired" bigint DEFAULT 0 NOT NULL,
	"transferred_in" bigint DEFAULT 0 NOT NULL,
	"transferred_out" bigint DEFAULT 0 NOT NULL,
	"other_in" bigint DEFAULT 0 NOT NULL,
	"other_out" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_points_daily_program_id_day_pk" PRIMARY KEY("program_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_tier_members" (
	"program_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"members" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_tier_members_program_id_tier_id_pk" PRIMARY KEY("program_id","tier_id")
);
--> statement-breakpoint
-- Rows written before this migration stay null (a first refresh reads every row); no table rewrite.
ALTER TABLE "member_tier_changes" ADD COLUMN "written_in" "xid8";--> statement-breakpoint
ALTER TABLE "member_tier_changes" ALTER COLUMN "written_in" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_award_days_outcome_idx" ON "report_award_days" USING btree ("outcome_type","unit","day");--> statement-breakpoint
CREATE INDEX "report_block_days_partner_idx" ON "report_block_days" USING btree ("partner_id","day");--> statement-breakpoint
CREATE INDEX "member_spend_months_month_idx" ON "member_spend_months" USING btree ("currency","month","member_id","amount");--> statement-breakpoint
CREATE INDEX "segment_members_member_idx" ON "segment_members" USING btree ("member_id","segment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_name_idx" ON "segments" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "member_tier_changes_written_in_idx" ON "member_tier_changes" USING btree ("written_in");--> statement-breakpoint
-- Statistics for the rollups' new-rows filter (written_in >= a literal xmin): without them the planner reads whole tables.
ANALYZE "journal_entries" ("written_in");--> statement-breakpoint
ANALYZE "transactions" ("written_in");--> statement-breakpoint
ANALYZE "fulfilment_events" ("written_in");--> statement-breakpoint
ANALYZE "member_programs" ("written_in");--> statement-breakpoint
ANALYZE "point_block_debits" ("written_in");--> statement-breakpoint
ANALYZE "member_tier_changes" ("written_in");
