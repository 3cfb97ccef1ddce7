/** Helpers for partner-points tests: a partner pointed at a demo partner ledger, and pending partner credits. */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { createPartner } from "@/lib/partners";
import { systemTestActor } from "./fixtures";

export const PARTNER_SECRET = "partner-test-secret";

export async function makePartner(hostProgramId: string, api: { url: string; timeoutMs?: number; secret?: string }) {
  const code = `A${randomUUID().slice(0, 6).toUpperCase()}`;
  return createPartner(getDb(), systemTestActor, {
    code,
    name: `Airline ${code}`,
    type: "airline",
    status: "active",
    currencyCode: code,
    currencyName: "Test Miles",
    conversionRate: "1",
    apiBaseUrl: api.url,
    apiSecret: api.secret ?? PARTNER_SECRET,
    apiTimeoutMs: api.timeoutMs ?? 2000,
    hostProgramId,
    fundingMode: "prepaid",
    debitRate: "1",
    billingCycle: null,
    pricePerPoint: null,
    billingCurrency: null,
    autoBlockThreshold: null,
    autoBlockPoints: null,
    autoBlockPrice: null,
    autoApprove: false,
  });
}

/** `count` pending partner-points fulfilments of `points` each for a member, with their outbox rows, written directly. */
export async function pendingPartnerCredits(memberId: string, partnerId: string, count: number, points = 500): Promise<void> {
  await getDb().execute(sql`
    with f as (
      insert into fulfilments (member_id, outcome_type, value, partner_id, state, posting_method, narration)
      select ${memberId}::uuid, 'partner_points', ${points}::bigint, ${partnerId}::uuid, 'pending', 'automatic', 'Miles for a test'
      from generate_series(1, ${count}) returning id)
    insert into outbox (kind, fulfilment_id, payload) select 'partner_points.credit', id, json_build_object('fulfilmentId', id) from f`);
}

export const states = async (partnerId: string) =>
  Object.fromEntries(
    (await getDb().execute<{ state: string; n: string }>(sql`select state, count(*)::text as n from fulfilments where partner_id = ${partnerId} group by state`)).map((r) => [r.state, Number(r.n)]),
  ) as Record<string, number>;
