/** The ledger through the public API: the contract's shapes, bad input codes, and idempotent retries. */
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as programsGET } from "@/app/api/v1/programs/route";
import { POST as membersPOST } from "@/app/api/v1/members/route";
import { GET as pointsGET } from "@/app/api/v1/members/[member_id]/points/route";
import { GET as redemptionsGET } from "@/app/api/v1/members/[member_id]/redemptions/route";
import { POST as awardPOST } from "@/app/api/v1/points/award/route";
import { GET as redeemableGET } from "@/app/api/v1/points/is-redeemable/route";
import { POST as redeemPOST } from "@/app/api/v1/points/redeem/route";
import { POST as transferPOST } from "@/app/api/v1/points/transfer/route";
import { getDb } from "@/db";
import { journalEntries } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { setDefaultProgram } from "@/lib/programs";
import { systemTestActor } from "../support/fixtures";
import { expectLedgerHealthy, makeProgram } from "../support/ledger";

let token = "";
let main = "";
let hotel = "";
type Handler = (r: Request, c?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const call = async (handler: Handler, path: string, init: { body?: unknown; key?: string; params?: Record<string, string> } = {}) => {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  if (init.key) headers["idempotency-key"] = init.key;
  const res = await handler(
    new Request(`http://localhost${path}`, { method: init.body === undefined ? "GET" : "POST", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  return { status: res.status, json: await res.json(), headers: res.headers };
};
const entries = async () => (await getDb().select({ n: count() }).from(journalEntries))[0]!.n;

beforeAll(async () => {
  token = (await createApiKey(getDb(), systemTestActor, { name: "pos", scopes: [...API_SCOPES] })).token;
  main = (await makeProgram({ code: "MAIN", pointsToCurrency: "0.25", minRedemptionPoints: 10, maxRedemptionPoints: 5000 })).id;
  await setDefaultProgram(getDb(), systemTestActor, main);
  hotel = (await makeProgram({ code: "HOTEL" })).id;
});

describe("ledger API", () => {
  it("enrols, awards, redeems across programmes and reports balances in the contract's shape", async () => {
    const programs = await call(programsGET, "/api/v1/programs");
    expect(programs.json.programs).toContainEqual(expect.objectContaining({ id: main, code: "MAIN", is_default: true, points_to_currency: "0.25" }));

    const enrol = await call(membersPOST, "/api/v1/members", { body: { external_id: "CUST-1", first_name: "Asha", program_ids: [main, hotel] } });
    expect(enrol.status).toBe(201);
    expect(enrol.json.programs).toHaveLength(2);
    await call(awardPOST, "/api/v1/points/award", { body: { member_id: "ext:CUST-1", program_id: hotel, points: 300, reason: "welcome", awarded_at: "2026-01-05T10:00:00Z", external_reference: "W-1" } });
    await call(awardPOST, "/api/v1/points/award", { body: { member_id: "ext:CUST-1", program_id: main, points: 200, reason: "welcome", external_reference: "W-2" } });

    const check = await call(redeemableGET, `/api/v1/points/is-redeemable?member_id=ext:CUST-1&program_id=${main}&points=400&group_redemption=true`);
    expect(check.json).toMatchObject({ redeemable: true, currency_value: 10000, currency: "INR", available_points: 500 });

    const redeem = await call(redeemPOST, `/api/v1/points/redeem?program_id=${main}`, { body: { member_id: "ext:CUST-1", points: 400, group_redemption: true, external_reference: "ORDER-9" }, key: "order-9" });
    expect(redeem.status).toBe(201);
    expect(redeem.json.redemption_breakup_by_program).toEqual([
      { program_id: hotel, points: 300 },
      { program_id: main, points: 100 },
    ]);
    // A retry with the same Idempotency-Key answers the same and writes nothing.
    const before = await entries();
    const retry = await call(redeemPOST, `/api/v1/points/redeem?program_id=${main}`, { body: { member_id: "ext:CUST-1", points: 400, group_redemption: true, external_reference: "ORDER-9" }, key: "order-9" });
    expect(retry.json).toEqual(redeem.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await entries()).toBe(before);

    const balances = await call(pointsGET, "/api/v1/members/ext:CUST-1/points", { params: { member_id: "ext:CUST-1" } });
    expect(balances.json.group).toMatchObject({ current: 100, redeemed: 400, lifetime: 500 });
    expect(balances.json.expiry_schedule).toEqual([expect.objectContaining({ program_id: main, points_left: 100, expires_at: null })]);
    const list = await call(redemptionsGET, "/api/v1/members/ext:CUST-1/redemptions", { params: { member_id: "ext:CUST-1" } });
    expect(list.json.redemptions.map((r: { id: string }) => r.id)).toEqual([redeem.json.id]);
    await expectLedgerHealthy();
  });

  it("awards an external reference once per programme, however many calls race with it", async () => {
    await call(membersPOST, "/api/v1/members", { body: { external_id: "CUST-RACE", program_ids: [main, hotel] } });
    const award = (program: string, key: string) =>
      call(awardPOST, "/api/v1/points/award", { body: { member_id: "ext:CUST-RACE", program_id: program, points: 250, reason: "launch", external_reference: "LAUNCH-1" }, key });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => award(main, `race-${i}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.error.code === "already_awarded")).toBe(true);
    // The same reference in another programme is another award.
    expect((await award(hotel, "race-hotel")).status).toBe(201);
    const points = await call(pointsGET, "/api/v1/members/ext:CUST-RACE/points", { params: { member_id: "ext:CUST-RACE" } });
    expect(points.json.programs.map((p: { program_id: string; current: number }) => [p.program_id, p.current]).sort()).toEqual([[main, 250], [hotel, 250]].sort());
    await expectLedgerHealthy();
  });

  it("answers bad input with its own 4xx code and writes nothing", async () => {
    await call(membersPOST, "/api/v1/members", { body: { external_id: "CUST-2", program_ids: [main] } });
    await call(membersPOST, "/api/v1/members", { body: { external_id: "CUST-3", program_ids: [hotel] } });
    await call(awardPOST, "/api/v1/points/award", { body: { member_id: "ext:CUST-2", program_id: main, points: 1000, reason: "r", external_reference: "W-3" } });
    const before = await entries();
    const redeem = (body: Record<string, unknown>, program = main) =>
      call(redeemPOST, `/api/v1/points/redeem?program_id=${program}`, { body: { member_id: "ext:CUST-2", group_redemption: false, external_reference: "X", ...body } });
    const cases: [Promise<{ status: number; json: { error: { code: string } } }>, number, string][] = [
      [redeem({ member_id: "ext:NOBODY", points: 100 }), 404, "member_not_found"],
      [redeem({ points: 100 }, "00000000-0000-4000-8000-000000000000"), 404, "program_not_found"],
      [redeem({ points: -5 }), 422, "invalid_points"],
      [redeem({ points: 0 }), 422, "invalid_points"],
      [redeem({ points: 12.5 }), 422, "invalid_points"],
      [redeem({ points: 6000 }), 422, "above_maximum_points"],
      [redeem({ points: 5 }), 422, "below_minimum_points"],
      [redeem({ points: 100, group_redemption: true }, hotel), 422, "group_requires_default_program"],
      [redeem({ points: 2000 }), 422, "insufficient_points"],
      [redeem({ points: 100, member_id: "ext:CUST-3" }), 422, "member_not_enrolled"],
      [call(transferPOST, `/api/v1/points/transfer?program_id=${main}`, { body: { from_member_id: "ext:CUST-2", to_member_id: "ext:CUST-2", points: 10 } }), 422, "transfer_to_self"],
      [call(awardPOST, "/api/v1/points/award", { body: { member_id: "ext:CUST-2", program_id: main, points: 10, reason: "r", awarded_at: "2999-01-01T00:00:00Z", external_reference: "F" } }), 422, "awarded_at_in_future"],
      [call(membersPOST, "/api/v1/members", { body: { external_id: "CUST-2", program_ids: [main] } }), 409, "member_exists"],
      [call(awardPOST, "/api/v1/points/award", { body: { member_id: "ext:CUST-2", program_id: main, points: 1000, reason: "again", external_reference: "W-3" }, key: "w-3-again" }), 409, "already_awarded"],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect({ status: res.status, code: res.json.error?.code }).toEqual({ status, code });
    }
    expect(await entries()).toBe(before);
  });
});
