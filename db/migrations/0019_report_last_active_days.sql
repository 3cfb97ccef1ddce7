CREATE TABLE "report_last_active_days" (
	"scope" uuid NOT NULL,
	"day" date NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_last_active_days_scope_day_pk" PRIMARY KEY("scope","day")
);
--> statement-breakpoint
-- From the last active days already kept, so an existing database needs no rebuild.
INSERT INTO "report_last_active_days" ("scope", "day", "members")
SELECT "scope", "last_day", count(*) FROM "report_member_last_active" GROUP BY "scope", "last_day";
