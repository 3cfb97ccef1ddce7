CREATE TABLE "member_trackers" (
	"member_id" uuid NOT NULL,
	"tracker_key" text NOT NULL,
	"period_key" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "member_trackers_member_id_tracker_key_period_key_pk" PRIMARY KEY("member_id","tracker_key","period_key")
);
--> statement-breakpoint
CREATE TABLE "offer_member_usage" (
	"offer_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"used" bigint NOT NULL,
	CONSTRAINT "offer_member_usage_member_id_offer_id_period_key_pk" PRIMARY KEY("member_id","offer_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "offer_milestones" (
	"offer_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_milestones_member_id_offer_id_period_key_pk" PRIMARY KEY("member_id","offer_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "offer_versions" (
	"offer_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "offer_versions_offer_id_version_pk" PRIMARY KEY("offer_id","version")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"outcome_type" text,
	"partner_id" uuid,
	"live_version" integer,
	"pending_version" integer,
	"draft" jsonb,
	"draft_step" integer DEFAULT 1 NOT NULL,
	"budget" bigint,
	"budget_used" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_budget_used_range" CHECK ("offers"."budget_used" >= 0 and ("offers"."budget" is null or "offers"."budget_used" <= "offers"."budget"))
);
--> statement-breakpoint
CREATE TABLE "tracker_definitions" (
	"key" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fulfilment_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"transaction_id" uuid,
	"event_id" uuid,
	"offer_id" uuid,
	"offer_version" integer,
	"program_id" uuid,
	"outcome_type" text NOT NULL,
	"value" bigint NOT NULL,
	"currency" text,
	"partner_id" uuid,
	"pool_id" uuid,
	"voucher_code" text,
	"state" text NOT NULL,
	"posting_method" text NOT NULL,
	"claim_expires_at" timestamp with time zone,
	"narration" text NOT NULL,
	"explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"entry_id" bigint,
	"external_reference" text,
	"reversed_value" bigint DEFAULT 0 NOT NULL,
	"cap_period_key" text,
	"milestone_period_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fulfilments_value_positive" CHECK ("fulfilments"."value" > 0 and "fulfilments"."reversed_value" >= 0 and "fulfilments"."reversed_value" <= "fulfilments"."value")
);
--> statement-breakpoint
CREATE TABLE "member_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"type" text NOT NULL,
	"custom_type" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"fulfilment_id" uuid,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"type" text NOT NULL,
	"amount" bigint NOT NULL,
	"gross_amount" bigint,
	"currency" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"channel" text,
	"merchant_id" text,
	"merchant_name" text,
	"mcc" text,
	"category" text,
	"country" text,
	"line_items" jsonb,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transactions_externalId_unique" UNIQUE("external_id"),
	CONSTRAINT "transactions_amount_range" CHECK ("transactions"."amount" >= 0 and "transactions"."refunded_amount" <= "transactions"."amount")
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "home_country" text DEFAULT 'IN' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "base_earn_rule" jsonb;--> statement-breakpoint
ALTER TABLE "member_programs" ADD COLUMN "debt" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_trackers" ADD CONSTRAINT "member_trackers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_member_usage" ADD CONSTRAINT "offer_member_usage_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_member_usage" ADD CONSTRAINT "offer_member_usage_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_milestones" ADD CONSTRAINT "offer_milestones_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_milestones" ADD CONSTRAINT "offer_milestones_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_events" ADD CONSTRAINT "fulfilment_events_fulfilment_id_fulfilments_id_fk" FOREIGN KEY ("fulfilment_id") REFERENCES "public"."fulfilments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilments" ADD CONSTRAINT "fulfilments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilments" ADD CONSTRAINT "fulfilments_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilments" ADD CONSTRAINT "fulfilments_event_id_member_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."member_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_fulfilment_id_fulfilments_id_fk" FOREIGN KEY ("fulfilment_id") REFERENCES "public"."fulfilments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_status_idx" ON "offers" USING btree ("status","program_id");--> statement-breakpoint
CREATE INDEX "fulfilment_events_fulfilment_idx" ON "fulfilment_events" USING btree ("fulfilment_id","id");--> statement-breakpoint
CREATE INDEX "fulfilments_member_idx" ON "fulfilments" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "fulfilments_transaction_idx" ON "fulfilments" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "fulfilments_offer_idx" ON "fulfilments" USING btree ("offer_id","state");--> statement-breakpoint
CREATE INDEX "member_events_member_idx" ON "member_events" USING btree ("member_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("available_at") WHERE "outbox"."done_at" is null;--> statement-breakpoint
CREATE INDEX "transactions_member_idx" ON "transactions" USING btree ("member_id","occurred_at");