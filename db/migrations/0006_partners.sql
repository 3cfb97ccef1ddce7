CREATE TABLE "partner_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"period_from" timestamp with time zone,
	"period_to" timestamp with time zone NOT NULL,
	"transaction_count" integer NOT NULL,
	"points" bigint NOT NULL,
	"amount_due" bigint NOT NULL,
	"currency" text NOT NULL,
	"price_per_point" numeric(24, 12) NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"points" bigint NOT NULL,
	"debit_points" bigint NOT NULL,
	"funding" text NOT NULL,
	"reason" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"entry_id" bigint NOT NULL,
	"request_hash" text NOT NULL,
	"statement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_transactions_points" CHECK ("partner_transactions"."points" > 0 and "partner_transactions"."debit_points" > 0)
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"currency_code" text NOT NULL,
	"currency_name" text NOT NULL,
	"conversion_rate" numeric(24, 12) NOT NULL,
	"api_base_url" text,
	"api_secret_cipher" text,
	"api_timeout_ms" integer DEFAULT 5000 NOT NULL,
	"funding_mode" text DEFAULT 'prepaid' NOT NULL,
	"host_program_id" uuid NOT NULL,
	"debit_rate" numeric(24, 12) DEFAULT '1' NOT NULL,
	"billing_cycle" text,
	"price_per_point" numeric(24, 12),
	"billing_currency" text,
	"auto_block_threshold" bigint,
	"auto_block_points" bigint,
	"auto_block_price" bigint,
	"auto_approve" boolean DEFAULT false NOT NULL,
	"top_up_required_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_code_unique" UNIQUE("code"),
	CONSTRAINT "partners_rates_positive" CHECK ("partners"."conversion_rate" > 0 and "partners"."debit_rate" > 0),
	CONSTRAINT "partners_timeout_range" CHECK ("partners"."api_timeout_ms" between 100 and 60000),
	CONSTRAINT "partners_postpaid_terms" CHECK ("partners"."funding_mode" <> 'postpaid' or ("partners"."billing_cycle" is not null and "partners"."price_per_point" is not null and "partners"."billing_currency" is not null))
);
--> statement-breakpoint
CREATE TABLE "point_block_debits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"block_id" uuid NOT NULL,
	"partner_transaction_id" uuid,
	"fulfilment_id" uuid,
	"points" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_block_debits_not_zero" CHECK ("point_block_debits"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "point_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text DEFAULT 'prepaid' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"points" bigint NOT NULL,
	"used" bigint DEFAULT 0 NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"reference" text NOT NULL,
	"auto_created" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_blocks_points" CHECK ("point_blocks"."points" > 0 and "point_blocks"."used" >= 0 and "point_blocks"."used" <= "point_blocks"."points" and "point_blocks"."price" >= 0)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "partner_id" uuid;--> statement-breakpoint
ALTER TABLE "partner_statements" ADD CONSTRAINT "partner_statements_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_statements" ADD CONSTRAINT "partner_statements_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_transactions" ADD CONSTRAINT "partner_transactions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_transactions" ADD CONSTRAINT "partner_transactions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_transactions" ADD CONSTRAINT "partner_transactions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_host_program_id_programs_id_fk" FOREIGN KEY ("host_program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_block_debits" ADD CONSTRAINT "point_block_debits_block_id_point_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."point_blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_block_debits" ADD CONSTRAINT "point_block_debits_partner_transaction_id_partner_transactions_id_fk" FOREIGN KEY ("partner_transaction_id") REFERENCES "public"."partner_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_block_debits" ADD CONSTRAINT "point_block_debits_fulfilment_id_fulfilments_id_fk" FOREIGN KEY ("fulfilment_id") REFERENCES "public"."fulfilments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_blocks" ADD CONSTRAINT "point_blocks_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_blocks" ADD CONSTRAINT "point_blocks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_blocks" ADD CONSTRAINT "point_blocks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_statements_number" ON "partner_statements" USING btree ("partner_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_transactions_external" ON "partner_transactions" USING btree ("partner_id","external_id");--> statement-breakpoint
CREATE INDEX "partner_transactions_unbilled_idx" ON "partner_transactions" USING btree ("partner_id","created_at") WHERE "partner_transactions"."statement_id" is null and "partner_transactions"."funding" = 'postpaid';--> statement-breakpoint
CREATE INDEX "point_block_debits_block_idx" ON "point_block_debits" USING btree ("block_id","id");--> statement-breakpoint
CREATE INDEX "point_blocks_partner_idx" ON "point_blocks" USING btree ("partner_id","created_at");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;