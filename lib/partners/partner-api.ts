import "server-only";
import type { DbOrTx } from "@/db";

// TEMPORARY STUB (console branch): the partner-credits engineer owns this file; their version replaces this one.
export async function testPartnerConnection(db: DbOrTx, partnerId: string): Promise<{ ok: true; latencyMs: number; detail: string } | { ok: false; reason: string }> {
  void db;
  void partnerId;
  return { ok: false, reason: "not available yet" };
}
