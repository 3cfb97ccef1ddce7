CREATE TABLE "member_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"points" integer NOT NULL,
	"reason_code" text NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"requested_by_id" uuid,
	"requested_by_label" text NOT NULL,
	"decided_by_id" uuid,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_adjustments_points_positive" CHECK ("member_adjustments"."points" > 0),
	CONSTRAINT "member_adjustments_direction" CHECK ("member_adjustments"."direction" in ('credit', 'debit')),
	CONSTRAINT "member_adjustments_status" CHECK ("member_adjustments"."status" in ('pending_approval', 'posted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "member_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_tier_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"from_tier_id" uuid,
	"to_tier_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "members_phone_idx";--> statement-breakpoint
DROP INDEX "members_email_idx";--> statement-breakpoint
DROP INDEX "journal_entries_member_idx";--> statement-breakpoint
DROP INDEX "fulfilments_member_idx";--> statement-breakpoint
ALTER TABLE "fulfilment_events" ADD COLUMN "member_id" uuid;--> statement-breakpoint
UPDATE "fulfilment_events" e SET "member_id" = f."member_id" FROM "fulfilments" f WHERE f."id" = e."fulfilment_id";--> statement-breakpoint
ALTER TABLE "fulfilment_events" ALTER COLUMN "member_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "member_adjustments" ADD CONSTRAINT "member_adjustments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_adjustments" ADD CONSTRAINT "member_adjustments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_adjustments" ADD CONSTRAINT "member_adjustments_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_adjustments" ADD CONSTRAINT "member_adjustments_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_adjustments" ADD CONSTRAINT "member_adjustments_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tier_changes" ADD CONSTRAINT "member_tier_changes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tier_changes" ADD CONSTRAINT "member_tier_changes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tier_changes" ADD CONSTRAINT "member_tier_changes_from_tier_id_tiers_id_fk" FOREIGN KEY ("from_tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tier_changes" ADD CONSTRAINT "member_tier_changes_to_tier_id_tiers_id_fk" FOREIGN KEY ("to_tier_id") REFERENCES "public"."tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_adjustments_member_idx" ON "member_adjustments" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "member_adjustments_pending_idx" ON "member_adjustments" USING btree ("created_at") WHERE "member_adjustments"."status" = 'pending_approval';--> statement-breakpoint
CREATE INDEX "member_notes_member_idx" ON "member_notes" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "member_tier_changes_member_idx" ON "member_tier_changes" USING btree ("member_id","at","id");--> statement-breakpoint
CREATE INDEX "members_external_id_search_idx" ON "members" USING btree (lower("external_id") collate "C");--> statement-breakpoint
CREATE INDEX "members_phone_digits_idx" ON "members" USING btree (regexp_replace("phone", '[^0-9]', '', 'g') collate "C");--> statement-breakpoint
CREATE INDEX "members_phone_national_idx" ON "members" USING btree (regexp_replace(regexp_replace("phone", '^\+[0-9]{1,3}[ -]', ''), '[^0-9]', '', 'g') collate "C");--> statement-breakpoint
CREATE INDEX "members_first_name_search_idx" ON "members" USING btree (lower("first_name") collate "C");--> statement-breakpoint
CREATE INDEX "members_last_name_search_idx" ON "members" USING btree (lower("last_name") collate "C");--> statement-breakpoint
CREATE INDEX "members_full_name_search_idx" ON "members" USING btree (lower("first_name" || ' ' || "last_name") collate "C");--> statement-breakpoint
CREATE INDEX "fulfilment_events_member_idx" ON "fulfilment_events" USING btree ("member_id","at","id") WHERE "fulfilment_events"."from_state" is not null;--> statement-breakpoint
CREATE INDEX "fulfilments_entry_idx" ON "fulfilments" USING btree ("entry_id") WHERE "fulfilments"."entry_id" is not null;--> statement-breakpoint
CREATE INDEX "fulfilments_member_unposted_idx" ON "fulfilments" USING btree ("member_id","created_at","id") WHERE "fulfilments"."outcome_type" <> 'reward_points' or "fulfilments"."entry_id" is null;--> statement-breakpoint
CREATE INDEX "member_events_member_received_idx" ON "member_events" USING btree ("member_id","received_at","id");--> statement-breakpoint
CREATE INDEX "transactions_member_received_idx" ON "transactions" USING btree ("member_id","received_at","id");--> statement-breakpoint
CREATE INDEX "members_email_idx" ON "members" USING btree (lower("email") collate "C");--> statement-breakpoint
CREATE INDEX "journal_entries_member_idx" ON "journal_entries" USING btree ("member_id","kind","at","id");--> statement-breakpoint
CREATE INDEX "fulfilments_member_idx" ON "fulfilments" USING btree ("member_id","created_at","id");--> statement-breakpoint
INSERT INTO "member_tier_changes" ("member_id", "program_id", "from_tier_id", "to_tier_id", "reason", "actor_label", "at")
SELECT "member_id", "program_id", NULL, "tier_id", 'Enrolled', 'system', "enrolled_at" FROM "member_programs";