CREATE TABLE "member_notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"points" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"expires_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_notifications" ADD CONSTRAINT "member_notifications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_notifications" ADD CONSTRAINT "member_notifications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_notifications_once" ON "member_notifications" USING btree ("member_id","program_id","kind","period_key");--> statement-breakpoint
CREATE INDEX "member_notifications_created_idx" ON "member_notifications" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "lots_expiring_idx" ON "lots" USING btree ("expires_at","id") WHERE "lots"."points_left" > 0;