ALTER TABLE "tiers" ADD COLUMN "upgrade_rule" jsonb;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "downgrade_rule" jsonb;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "earn_multiplier" numeric(8, 4);--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "upgrade_bonus_points" integer;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_multiplier_positive" CHECK ("tiers"."earn_multiplier" is null or "tiers"."earn_multiplier" > 0);--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_bonus_positive" CHECK ("tiers"."upgrade_bonus_points" is null or "tiers"."upgrade_bonus_points" > 0);