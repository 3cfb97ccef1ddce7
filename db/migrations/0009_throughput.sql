ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "lots" DROP CONSTRAINT "lots_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "lots" DROP CONSTRAINT "lots_program_id_programs_id_fk";
--> statement-breakpoint
ALTER TABLE "lots" DROP CONSTRAINT "lots_entry_id_journal_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "postings" DROP CONSTRAINT "postings_entry_id_journal_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "postings" DROP CONSTRAINT "postings_account_id_ledger_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "fulfilment_events" DROP CONSTRAINT "fulfilment_events_fulfilment_id_fulfilments_id_fk";
--> statement-breakpoint
ALTER TABLE "fulfilments" DROP CONSTRAINT "fulfilments_transaction_id_transactions_id_fk";
