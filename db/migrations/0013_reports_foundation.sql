CREATE TABLE "rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"snapshot" text,
	"as_of" timestamp with time zone,
	"duration_ms" integer,
	"rows_folded" integer,
	"refreshes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Rows written before this migration stay null (a first refresh reads every row); no table rewrite.
ALTER TABLE "member_programs" ADD COLUMN "written_in" "xid8";--> statement-breakpoint
ALTER TABLE "member_programs" ALTER COLUMN "written_in" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
-- Rows written before this migration stay null (a first refresh reads every row); no table rewrite.
ALTER TABLE "journal_entries" ADD COLUMN "written_in" "xid8";--> statement-breakpoint
ALTER TABLE "journal_entries" ALTER COLUMN "written_in" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
-- Rows written before this migration stay null (a first refresh reads every row); no table rewrite.
ALTER TABLE "fulfilment_events" ADD COLUMN "written_in" "xid8";--> statement-breakpoint
ALTER TABLE "fulfilment_events" ALTER COLUMN "written_in" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
-- Rows written before this migration stay null (a first refresh reads every row); no table rewrite.
ALTER TABLE "transactions" ADD COLUMN "written_in" "xid8";--> statement-breakpoint
ALTER TABLE "transactions" ALTER COLUMN "written_in" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
-- Rows written before this migration stay null (a first refresh reads every row); no table rewrite.
ALTER TABLE "point_block_debits" ADD COLUMN "written_in" "xid8";--> statement-breakpoint
ALTER TABLE "point_block_debits" ALTER COLUMN "written_in" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
CREATE INDEX "member_programs_written_in_idx" ON "member_programs" USING btree ("written_in");--> statement-breakpoint
CREATE INDEX "journal_entries_written_in_idx" ON "journal_entries" USING btree ("written_in");--> statement-breakpoint
CREATE INDEX "fulfilment_events_written_in_idx" ON "fulfilment_events" USING btree ("written_in");--> statement-breakpoint
CREATE INDEX "transactions_written_in_idx" ON "transactions" USING btree ("written_in");--> statement-breakpoint
CREATE INDEX "point_block_debits_written_in_idx" ON "point_block_debits" USING btree ("written_in");--> statement-breakpoint
INSERT INTO "rollup_state" ("name") VALUES ('reports') ON CONFLICT DO NOTHING;
