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
ALTER TABLE "member_tier_changes" ADD COLUMN "written_in" "xid8";--> statement-breakpoint
ALTER TABLE "member_tier_changes" ALTER COLUMN "written_in" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
CREATE INDEX "member_tier_changes_written_in_idx" ON "member_tier_changes" USING btree ("written_in");