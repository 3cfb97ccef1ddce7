import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { createApiKey } from "@/lib/api-keys";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { enrolMember } from "@/lib/members";
import { approveOffer, createOfferDraft, saveOfferDraft, submitOffer } from "@/lib/offers";
import { createProgram } from "@/lib/programs";
import { setBaseEarnRule } from "@/lib/programs/earn-rule";
import { createUser } from "@/lib/users";

/** The transactions benchmarks' book: one programme with a base earn rule, 20 active offers, members M-0… */
export const MEMBERS = 2_000;
const actor = systemActor("bench");
const MCCS = ["5411", "5812", "5814", "5999", "4511", "7011", "5732", "5651"];

function offerDefinition(programId: string, i: number): Record<string, unknown> {
  const rules = [
    { kind: "percentage", rate: String(1 + (i % 4)), capPerTransaction: 2_000 },
    { kind: "flat", value: 50 + i },
    { kind: "slab", mode: i % 2 ? "whole" : "banded", bands: [{ from: 0, to: 100_000, rate: "1" }, { from: 100_000, to: 500_000, rate: "2" }, { from: 500_000, rate: "3" }] },
  ];
  return {
    programId,
    name: `Bench offer ${i + 1}`,
    validFrom: "2026-01-01T00:00:00+05:30",
    funding: { kind: "bank" },
    trigger: { kind: "transaction" },
    target: i === 19 ? { kind: "milestone", tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } }, threshold: 10_000_000 } : { kind: "each" },
    // As in a real book: most offers target a merchant category, a few international spend or big bills,
    // so a purchase typically earns the base rule and two to four offers.
    filters: i < 16 ? { mccs: [MCCS[i % MCCS.length]!] } : i < 18 ? { international: true } : i === 18 ? { minAmount: 500_000 } : {},
    outcome: { type: "reward_points" },
    rule: rules[i % 3],
    caps: i % 5 === 0 ? { perMember: { limit: 5_000, period: "month" } } : undefined,
    posting: { method: "automatic" },
    narration: "{points} points at {merchant}",
  };
}

let seq = 0;
/** A purchase of member M-<n> as the API takes it, with a fresh external id. */
export const benchTransaction = (memberExternalId: string) => ({
  external_id: `BENCH-${Date.now().toString(36)}-${++seq}`,
  member_id: `ext:${memberExternalId}`,
  type: "purchase" as const,
  amount: 10_000 + ((seq * 7919) % 900_000),
  currency: "INR",
  occurred_at: new Date(Date.now() - 60_000).toISOString(),
  merchant_name: "Bench Mart",
  mcc: MCCS[seq % MCCS.length],
  country: seq % 10 === 0 ? "AE" : "IN",
});

/** Fills a fresh database with the book; answers an API key's token with every scope. */
export async function setUpTransactionsBook(db: Db): Promise<{ token: string; programId: string }> {
  const program = await createProgram(db, actor, { code: "BENCH", name: "Bench", pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
  await setBaseEarnRule(db, actor, program.id, { rule: { kind: "percentage", rate: "1" }, narration: "{points} base points" });
  const maker = await createUser(db, actor, { email: "maker@bench.local", name: "Maker", password: "bench-password-1", roles: ["program_manager"] });
  const checker = await createUser(db, actor, { email: "checker@bench.local", name: "Checker", password: "bench-password-1", roles: ["admin"] });
  const asUser = (u: typeof maker) => ({ type: "user" as const, id: u.id, label: u.email, roles: u.roles });
  for (let i = 0; i < 20; i++) {
    const definition = offerDefinition(program.id, i);
    const offer = await createOfferDraft(db, asUser(maker), { programId: program.id, name: String(definition.name), draft: definition });
    await saveOfferDraft(db, asUser(maker), offer.id, definition, 5);
    await submitOffer(db, asUser(maker), offer.id);
    await approveOffer(db, asUser(checker), offer.id);
  }
  for (let i = 0; i < MEMBERS; i++) await enrolMember(db, actor, { externalId: `M-${i}`, programIds: [program.id], attributes: {} });
  const { token } = await createApiKey(db, actor, { name: "bench", scopes: [...API_SCOPES] });
  // Statistics for what the setup filled; the ledger tables start empty and autovacuum analyzes them as they grow
  // (an ANALYZE of an empty table would make the foreign-key checks scan it for a while).
  await db.execute(sql`analyze members, member_programs, programs, offers, offer_versions, api_keys, users`);
  return { token, programId: program.id };
}
