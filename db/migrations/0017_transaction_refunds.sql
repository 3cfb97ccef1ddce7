CREATE TABLE "transaction_refunds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"written_in" "xid8" DEFAULT pg_current_xact_id(),
	CONSTRAINT "transaction_refunds_amount_positive" CHECK ("transaction_refunds"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "transaction_refunds" ADD CONSTRAINT "transaction_refunds_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transaction_refunds_written_in_idx" ON "transaction_refunds" USING btree ("written_in");--> statement-breakpoint
CREATE INDEX "transaction_refunds_transaction_idx" ON "transaction_refunds" USING btree ("transaction_id");--> statement-breakpoint
-- Refunds made before this table: from their audit records, then whatever of refunded_amount the
-- audit does not account for, dated when the purchase was received.
INSERT INTO "transaction_refunds" ("transaction_id", "amount", "reason", "at")
SELECT t."id", (a."after"->>'amount')::bigint, substr(a."action", 13), a."at"
FROM "audit_log" a JOIN "transactions" t ON t."id"::text = a."entity_id"
WHERE a."entity_type" = 'transaction' AND a."action" IN ('transaction.refund', 'transaction.chargeback') AND (a."after"->>'amount')::bigint > 0;--> statement-breakpoint
INSERT INTO "transaction_refunds" ("transaction_id", "amount", "reason", "at")
SELECT t."id", t."refunded_amount" - coalesce(r."amount", 0), 'refund', t."received_at"
FROM "transactions" t LEFT JOIN (SELECT "transaction_id", sum("amount") AS "amount" FROM "transaction_refunds" GROUP BY 1) r ON r."transaction_id" = t."id"
WHERE t."refunded_amount" > coalesce(r."amount", 0);
