/** Partner points through the outbox to a (demo) partner ledger: delivery, refusals, leases, retry and reverse. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";
import { dispatchOutbox, leaseMs } from "@/lib/outbox/dispatch";
import { retryCredit, reverseCredit } from "@/lib/partners/credits";
import { testPartnerConnection } from "@/lib/partners/partner-api";
import { systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { makeApiPartner, PARTNER_SECRET, pendingPartnerCredits, states } from "../support/partners";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

let ledger: DemoPartnerLedger;
beforeAll(async () => {
  await useApiKey();
  ledger = await startDemoPartnerLedger({ secret: PARTNER_SECRET });
});
afterAll(() => ledger.close());
beforeEach(() => {
  Object.assign(ledger.behaviour, { failShare: 0, rejectShare: 0, timeoutShare: 0, delayMs: 0 });
});

const db = () => getDb();
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const fulfilment = async (id: string) =>
  (await db().execute<{ state: string; external_reference: string | null; reversed_value: string }>(sql`select state, external_reference, reversed_value::text from fulfilments where id = ${id}`))[0]!;
const history = async (id: string) => (await db().execute<{ reason: string }>(sql`select reason from fulfilment_events where fulfilment_id = ${id} order by id`)).map((e) => e.reason);
const budgetUsed = async (offerId: string) => Number((await db().execute<{ used: string }>(sql`select budget_used::text as used from offers where id = ${offerId}`))[0]!.used);
const audits = async (entityId: string) => (await db().execute<{ action: string }>(sql`select action from audit_log where entity_id = ${entityId} order by id`)).map((a) => a.action);

async function setUp(options: { budget?: number; timeoutMs?: number; capPerMonth?: number } = {}) {
  const program = await makeProgram();
  const partner = await makeApiPartner(program.id, { url: `${ledger.url}/SKY`, timeoutMs: options.timeoutMs });
  const offer = await liveOffer(program.id, {
    outcome: { type: "partner_points", partnerId: partner.id },
    rule: { kind: "flat", value: 500 },
    narration: "{points} miles at {merchant}",
    caps: { ...(options.budget ? { budget: options.budget } : {}), ...(options.capPerMonth ? { perMember: { limit: options.capPerMonth, period: "month" as const } } : {}) },
  });
  const member = await makeMember([program.id]);
  const earn = async () => (await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 100_000) })).body.awards[0] as { fulfilment_id: string; state: string };
  return { program, partner, offer, member, earn };
}

describe("partner points delivery", () => {
  it("credits the member's account once, signed, and posts with the partner's reference", async () => {
    const { partner, member, earn } = await setUp();
    const award = await earn();
    expect(award.state).toBe("pending");
    expect(await dispatchOutbox(db())).toMatchObject({ delivered: 1 });
    const after = await fulfilment(award.fulfilment_id);
    expect(after.state).toBe("posted");
    const credit = [...ledger.credits.values()].find((c) => c.fulfilmentId === award.fulfilment_id)!;
    expect(credit).toMatchObject({ reference: after.external_reference, programme: "SKY", account: member.externalId, points: 500 });
    expect(await history(award.fulfilment_id)).toEqual(["Queued for delivery", `Credited by ${partner.name} (${credit.reference})`]);
    expect(await dispatchOutbox(db())).toMatchObject({ claimed: 0 });
    expect(ledger.balance(member.externalId, "SKY")).toBe(500);
  });

  it("credits the account named by the member's partner_accounts.<CODE> attribute", async () => {
    const { partner, member, earn } = await setUp();
    await db().execute(sql`update members set attributes = ${JSON.stringify({ [`partner_accounts.${partner.code}`]: "FF-778899" })}::jsonb where id = ${member.id}`);
    const award = await earn();
    await dispatchOutbox(db());
    expect([...ledger.credits.values()].find((c) => c.fulfilmentId === award.fulfilment_id)!.account).toBe("FF-778899");
  });

  it("a refusal (4xx) fails the credit with the partner's reason and gives the budget back", async () => {
    const { offer, earn } = await setUp({ budget: 10_000 });
    ledger.behaviour.rejectShare = 1;
    const award = await earn();
    expect(await budgetUsed(offer.id)).toBe(500);
    expect(await dispatchOutbox(db())).toMatchObject({ failed: 1 });
    expect((await fulfilment(award.fulfilment_id)).state).toBe("failed");
    expect((await history(award.fulfilment_id)).at(-1)).toMatch(/refused it \(422\): unknown member account/);
    expect(await budgetUsed(offer.id)).toBe(0);
  });

  it("a wrong secret is a refusal (401), not a retry", async () => {
    const program = await makeProgram();
    const partner = await makeApiPartner(program.id, { url: ledger.url, secret: "not-the-partners-secret" });
    const member = await makeMember([program.id]);
    await pendingPartnerCredits(member.id, partner.id, 1);
    expect(await dispatchOutbox(db())).toMatchObject({ failed: 1 });
    expect(await states(partner.id)).toEqual({ failed: 1 });
  });

  it("retries 5xx and timeouts with backoff, then posts; the same idempotency key every time", async () => {
    const { earn } = await setUp({ timeoutMs: 300 });
    ledger.behaviour.failShare = 1;
    const award = await earn();
    expect(await dispatchOutbox(db())).toMatchObject({ retried: 1 });
    Object.assign(ledger.behaviour, { failShare: 0, timeoutShare: 1, hangMs: 1000 });
    expect(await dispatchOutbox(db(), { now: later(5) })).toMatchObject({ retried: 1 });
    ledger.behaviour.timeoutShare = 0;
    expect(await dispatchOutbox(db(), { now: later(10) })).toMatchObject({ delivered: 1 });
    expect(await history(award.fulfilment_id)).toEqual([
      "Queued for delivery",
      expect.stringMatching(/^Attempt 1 failed: The partner .* answered 503; retrying$/),
      expect.stringMatching(/^Attempt 2 failed: No answer within 300 ms; retrying$/),
      expect.stringMatching(/^Credited by/),
    ]);
    const keys = new Set(ledger.calls.filter((c) => c.path === "/SKY/credits" && c.idempotencyKey?.includes(award.fulfilment_id)).map((c) => c.idempotencyKey));
    expect(keys).toEqual(new Set([`partner-credit-${award.fulfilment_id}`]));
  });

  it("leases each row for the partner's timeout plus a margin, even the longest (60 s)", async () => {
    expect(leaseMs(60_000)).toBeGreaterThan(60_000);
    expect(leaseMs(60_000, 0)).toBeGreaterThan(60_000);
    const { partner, member } = await setUp({ timeoutMs: 1500 });
    await db().execute(sql`update partners set api_timeout_ms = 60000 where id = ${partner.id}`);
    ledger.behaviour.failShare = 1;
    await pendingPartnerCredits(member.id, partner.id, 1);
    const now = new Date();
    await dispatchOutbox(db(), { now });
    const [row] = await db().execute<{ lease: string; last_error: string }>(sql`
      select extract(epoch from (available_at - ${now.toISOString()}::timestamptz)) * 1000 as lease, last_error
      from outbox o join fulfilments f on f.id = o.fulfilment_id where f.partner_id = ${partner.id}`);
    // Retried (503): the backoff has replaced the lease. Claimed again, mid-call, the lease covers 60 s.
    expect(row!.last_error).toMatch(/503/);
    ledger.behaviour.failShare = 0;
    ledger.behaviour.delayMs = 800;
    const claimAt = later(30);
    const first = dispatchOutbox(db(), { now: claimAt });
    await new Promise((r) => setTimeout(r, 300));
    const [mid] = await db().execute<{ lease: string }>(sql`
      select extract(epoch from (available_at - ${claimAt.toISOString()}::timestamptz)) * 1000 as lease
      from outbox o join fulfilments f on f.id = o.fulfilment_id where f.partner_id = ${partner.id}`);
    expect(Number(mid!.lease)).toBeGreaterThan(60_000);
    expect(await dispatchOutbox(db(), { now: new Date(claimAt.getTime() + 59_000) })).toMatchObject({ claimed: 0 }); // a second worker, within the lease
    expect(await first).toMatchObject({ delivered: 1 });
  });

  it("a slow partner never gets the same credit from two workers", async () => {
    const { partner, member } = await setUp({ timeoutMs: 3000 });
    await pendingPartnerCredits(member.id, partner.id, 20);
    ledger.behaviour.delayMs = 700;
    const before = ledger.calls.length;
    const rounds = await Promise.all([dispatchOutbox(db(), { limit: 20 }), new Promise((r) => setTimeout(r, 100)).then(() => dispatchOutbox(db(), { limit: 20 })), dispatchOutbox(db(), { limit: 7 })]);
    expect(rounds.reduce((s, r) => s + r.delivered, 0)).toBe(20);
    const calls = ledger.calls.slice(before).filter((c) => c.path.endsWith("/credits"));
    expect(calls).toHaveLength(20);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(20);
    expect(await states(partner.id)).toEqual({ posted: 20 });
  });

  it("tests the connection: latency when it answers, the reason when it does not", async () => {
    const program = await makeProgram();
    const up = await makeApiPartner(program.id, { url: `${ledger.url}/SKY` });
    expect(await testPartnerConnection(db(), up.id)).toMatchObject({ ok: true, latencyMs: expect.any(Number), detail: expect.stringMatching(/answered 200/) });
    const down = await makeApiPartner(program.id, { url: "http://127.0.0.1:9/nowhere" });
    expect(await testPartnerConnection(db(), down.id)).toMatchObject({ ok: false, reason: expect.stringMatching(/Could not reach/) });
    expect(await testPartnerConnection(db(), "00000000-0000-4000-8000-000000000000")).toMatchObject({ ok: false, reason: "No such partner." });
  });
});

describe("retry and reverse", () => {
  it("retries a refused credit with a new key, taking the budget again, and reverses it once posted", async () => {
    const { offer, member, earn } = await setUp({ budget: 10_000 });
    ledger.behaviour.rejectShare = 1;
    const award = await earn();
    await dispatchOutbox(db());
    expect(await budgetUsed(offer.id)).toBe(0);
    await expect(reverseCredit(db(), systemTestActor, { fulfilmentId: award.fulfilment_id })).rejects.toMatchObject({ code: "not_reversible" });

    ledger.behaviour.rejectShare = 0;
    await retryCredit(db(), systemTestActor, { fulfilmentId: award.fulfilment_id, memberId: member.id });
    expect(await budgetUsed(offer.id)).toBe(500);
    expect((await fulfilment(award.fulfilment_id)).state).toBe("pending");
    await expect(retryCredit(db(), systemTestActor, { fulfilmentId: award.fulfilment_id })).rejects.toMatchObject({ code: "not_retryable" });
    expect(await dispatchOutbox(db())).toMatchObject({ delivered: 1 });
    expect((await fulfilment(award.fulfilment_id)).state).toBe("posted");
    await expect(retryCredit(db(), systemTestActor, { fulfilmentId: award.fulfilment_id })).rejects.toMatchObject({ code: "not_retryable", message: expect.stringMatching(/this one is posted/) });

    await reverseCredit(db(), systemTestActor, { fulfilmentId: award.fulfilment_id, memberId: member.id });
    await expect(reverseCredit(db(), systemTestActor, { fulfilmentId: award.fulfilment_id })).rejects.toMatchObject({ code: "not_reversible", message: expect.stringMatching(/already under way/) });
    expect((await fulfilment(award.fulfilment_id)).state).toBe("posted"); // until the partner confirms
    expect(await dispatchOutbox(db())).toMatchObject({ delivered: 1 });
    expect(await fulfilment(award.fulfilment_id)).toMatchObject({ state: "reversed", reversed_value: "500" });
    expect(ledger.balance(member.externalId, "SKY")).toBe(0);
    expect(await budgetUsed(offer.id)).toBe(0);
    expect(await audits(award.fulfilment_id)).toEqual(["fulfilment.retry", "fulfilment.reverse"]);
    expect((await history(award.fulfilment_id)).slice(-4)).toEqual([
      expect.stringMatching(/^Sent again at the request of/),
      expect.stringMatching(/^Credited by/),
      expect.stringMatching(/^Reversal of 500 requested by/),
      expect.stringMatching(/^Reversed at/),
    ]);
    await expect(reverseCredit(db(), systemTestActor, { fulfilmentId: award.fulfilment_id })).rejects.toMatchObject({ code: "not_reversible" });
  });

  it("refuses a retry when the offer's budget has no room left, changing nothing", async () => {
    const { offer, earn } = await setUp({ budget: 500 });
    ledger.behaviour.rejectShare = 1;
    const first = await earn();
    await dispatchOutbox(db());
    ledger.behaviour.rejectShare = 0;
    const second = await earn(); // the budget given back by the refusal went to this one
    expect(second.state).toBe("pending");
    await expect(retryCredit(db(), systemTestActor, { fulfilmentId: first.fulfilment_id })).rejects.toMatchObject({ code: "not_retryable", message: expect.stringMatching(/budget has 0 left/) });
    expect((await fulfilment(first.fulfilment_id)).state).toBe("failed");
    expect(await budgetUsed(offer.id)).toBe(500);
    expect(await audits(first.fulfilment_id)).toEqual([]);
  });

  it("refuses a retry when the member's cap has no room left, and one for another member's page", async () => {
    const { member, earn } = await setUp({ capPerMonth: 500 });
    ledger.behaviour.rejectShare = 1;
    const first = await earn();
    await dispatchOutbox(db());
    ledger.behaviour.rejectShare = 0;
    await earn();
    await expect(retryCredit(db(), systemTestActor, { fulfilmentId: first.fulfilment_id, memberId: member.id })).rejects.toMatchObject({ code: "not_retryable", message: expect.stringMatching(/cap/) });
    const other = await makeMember([]);
    await expect(retryCredit(db(), systemTestActor, { fulfilmentId: first.fulfilment_id, memberId: other.id })).rejects.toMatchObject({ code: "fulfilment_not_found" });
  });
});
