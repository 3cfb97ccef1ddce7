/** Member activity events earn by event-triggered offers, and only by those. */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as eventsPOST } from "@/app/api/v1/events/route";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { getMemberPoints } from "@/lib/ledger/balances";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

beforeAll(async () => {
  await useApiKey();
});

const event = (memberId: string, type: string, extra: Record<string, unknown> = {}) => ({ member_id: memberId, type, occurred_at: new Date(Date.now() - 60_000).toISOString(), ...extra });

describe("member activity events", () => {
  it("a referral earns the referral offer; a purchase does not, and a survey does not earn the referral offer", async () => {
    const program = await makeProgram();
    const referral = await liveOffer(program.id, { trigger: { kind: "event", eventType: "referral" }, rule: { kind: "flat", value: 500 }, narration: "{points} points for referring a friend" });
    const member = await makeMember([program.id]);

    const res = await call(eventsPOST, "/api/v1/events", { body: event(member.id, "referral", { attributes: { friend: "CUST-9" } }) });
    expect(res.status).toBe(201);
    expect(res.body.awards).toMatchObject([{ offer_id: referral.id, points: 500, state: "posted", narration: "500 points for referring a friend" }]);
    expect((await call(eventsPOST, "/api/v1/events", { body: event(member.id, "survey_completed") })).body.awards).toEqual([]);
    expect((await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) })).body.awards).toEqual([]);
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(500);
    await expectLedgerHealthy();
  });

  it("bad events get a code and earn nothing", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, { trigger: { kind: "event", eventType: "custom", customType: "app_review" }, rule: { kind: "flat", value: 50 } });
    const member = await makeMember([program.id]);
    for (const [body, code] of [
      [event(member.id, "custom"), "validation_failed"],
      [event(member.id, "lottery"), "validation_failed"],
      [event(member.id, "referral", { occurred_at: new Date(Date.now() + 86_400_000).toISOString() }), "validation_failed"],
      [event("ext:NOBODY", "referral"), "member_not_found"],
    ] as const) {
      const res = await call(eventsPOST, "/api/v1/events", { body });
      expect(res.body.error?.code).toBe(code);
    }
    const ok = await call(eventsPOST, "/api/v1/events", { body: event(member.id, "custom", { custom_type: "app_review" }) });
    expect(ok.body.awards).toMatchObject([{ points: 50 }]);
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(50);
  });
});
