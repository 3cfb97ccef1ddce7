ALTER TABLE "lots" DROP CONSTRAINT "lots_entry_id_journal_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "postings" DROP CONSTRAINT "postings_entry_id_journal_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "postings" DROP CONSTRAINT "postings_account_id_ledger_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "fulfilment_events" DROP CONSTRAINT "fulfilment_events_fulfilment_id_fulfilments_id_fk";
