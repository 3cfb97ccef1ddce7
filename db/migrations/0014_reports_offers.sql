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
CREATE INDEX "report_award_days_outcome_idx" ON "report_award_days" USING btree ("outcome_type","unit","day");--> statement-breakpoint
CREATE INDEX "report_block_days_partner_idx" ON "report_block_days" USING btree ("partner_id","day");