CREATE TABLE "report_member_last_active" (
	"scope" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"last_day" date NOT NULL,
	CONSTRAINT "report_member_last_active_scope_member_id_pk" PRIMARY KEY("scope","member_id")
);
--> statement-breakpoint
-- Updated in place on every refresh: room on each page keeps the updates HOT (no index write).
ALTER TABLE "report_member_last_active" SET (fillfactor = 80);--> statement-breakpoint
-- Carry over what report_active_members recorded (its day rows are exactly the days counted), so the
-- counts already folded stay exact without a rebuild.
INSERT INTO "report_member_last_active" ("scope", "member_id", "last_day")
SELECT "scope", "member_id", max("period") FROM "report_active_members" WHERE "grain" = 0 GROUP BY "scope", "member_id";
