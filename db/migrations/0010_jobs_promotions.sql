CREATE TABLE "job_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_name" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"queue_job_id" text,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"rows_touched" integer,
	"error" text,
	CONSTRAINT "job_runs_status_valid" CHECK ("job_runs"."status" in ('running', 'succeeded', 'failed')),
	CONSTRAINT "job_runs_trigger_valid" CHECK ("job_runs"."trigger" in ('schedule', 'manual', 'upload')),
	CONSTRAINT "job_runs_finished_valid" CHECK (("job_runs"."status" = 'running') = ("job_runs"."finished_at" is null))
);
--> statement-breakpoint
CREATE TABLE "promotional_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"entry_id" bigint NOT NULL,
	"lot_id" bigint NOT NULL,
	"points" bigint NOT NULL,
	"reason" text NOT NULL,
	"external_reference" text,
	"import_id" uuid,
	"file_sha256" text,
	"line" integer,
	"actor_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotional_awards" ADD CONSTRAINT "promotional_awards_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotional_awards" ADD CONSTRAINT "promotional_awards_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotional_awards" ADD CONSTRAINT "promotional_awards_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotional_awards" ADD CONSTRAINT "promotional_awards_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotional_awards" ADD CONSTRAINT "promotional_awards_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_recent_idx" ON "job_runs" USING btree ("started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job_name","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_one_running_key" ON "job_runs" USING btree ("job_name","subject") WHERE "job_runs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "promotional_awards_reference_key" ON "promotional_awards" USING btree ("program_id","external_reference") WHERE "promotional_awards"."external_reference" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "promotional_awards_file_line_key" ON "promotional_awards" USING btree ("file_sha256","line") WHERE "promotional_awards"."file_sha256" is not null;--> statement-breakpoint
CREATE INDEX "promotional_awards_recent_idx" ON "promotional_awards" USING btree ("created_at" DESC NULLS LAST,"id");