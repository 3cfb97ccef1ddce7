/** Offers that name partners: partner points at the partner's conversion rate, and only partners that exist. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { createOfferDraft, saveOfferDraft, submitOffer } from "@/lib/offers";
import { actorFor, makeUser } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { changePartner, makePartner } from "../support/partners";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

beforeAll(async () => {
  await useApiKey();
});

type Award = { offer_id: string | null; outcome_type: string; points?: number; partner_id?: string; state: string };

describe("partner-points offers", () => {
  it("earn the rule's result times the partner's conversion rate, pending delivery to the partner", async () => {
    const program = await makeProgram();
    const partner = await makePartner(program.id, { conversionRate: "0.5" });
    const slab = await liveOffer(program.id, {
      outcome: { type: "partner_points", partnerId: partner.id },
      rule: { kind: "slab", mode: "whole", bands: [{ from: 0, to: 500_000, value: 200 }, { from: 500_000, value: 1000 }] },
      narration: "{points} Skyward Miles",
    });
    const member = await makeMember([program.id]);

    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 600_000) });
    expect(res.status).toBe(201);
    const award = (res.body.awards as Award[]).find((a) => a.offer_id === slab.id)!;
    expect(award).toMatchObject({ outcome_type: "partner_points", points: 500, partner_id: partner.id, state: "pending" });

    // A partner manager's new rate reaches the live offer (this process at once).
    await changePartner(partner.id, { conversionRate: "2" });
    const after = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 100_000) });
    expect((after.body.awards as Award[]).find((a) => a.offer_id === slab.id)!.points).toBe(400);
  });

  it("an offer naming a partner that does not exist cannot be submitted", async () => {
    const program = await makeProgram();
    const maker = actorFor(await makeUser(["program_manager"]));
    const definition = {
      programId: program.id,
      name: "Miles",
      validFrom: "2026-01-01T00:00:00+05:30",
      funding: { kind: "bank" },
      trigger: { kind: "transaction" },
      target: { kind: "each" },
      outcome: { type: "partner_points", partnerId: randomUUID() },
      rule: { kind: "flat", value: 100 },
      posting: { method: "automatic" },
      narration: "{points} miles",
    };
    const offer = await createOfferDraft(getDb(), maker, { programId: program.id, name: "Miles", draft: definition });
    await saveOfferDraft(getDb(), maker, offer.id, definition, 5);
    await expect(submitOffer(getDb(), maker, offer.id)).rejects.toMatchObject({ code: "partner_not_found", details: { field: "outcome.partnerId" } });

    const funded = { ...definition, outcome: { type: "reward_points" }, funding: { kind: "partner", partnerId: randomUUID() } };
    await saveOfferDraft(getDb(), maker, offer.id, funded, 5);
    await expect(submitOffer(getDb(), maker, offer.id)).rejects.toMatchObject({ code: "partner_not_found", details: { field: "funding.partnerId" } });
  });
});
