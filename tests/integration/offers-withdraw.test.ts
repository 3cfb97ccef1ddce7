/** Its author withdraws a submission to keep editing; nobody else can, and it is not recorded as a rejection. */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { offers, offerVersions } from "@/db/schema";
import { getDb } from "@/db";
import { approveOffer, createOfferDraft, submitOffer, withdrawOffer } from "@/lib/offers";
import { actorFor, makeUser } from "../support/fixtures";
import { makeProgram } from "../support/ledger";

describe("withdrawing a submission", () => {
  it("only its author can, the version reads withdrawn, and the draft can be submitted again", async () => {
    const program = await makeProgram();
    const author = actorFor(await makeUser(["program_manager"]));
    const colleague = actorFor(await makeUser(["program_manager"]));
    const draft = {
      programId: program.id, name: "Weekend dining", validFrom: "2026-01-01T00:00:00+05:30", funding: { kind: "bank" }, trigger: { kind: "transaction" },
      target: { kind: "each" }, outcome: { type: "reward_points" }, rule: { kind: "flat", value: 50 }, posting: { method: "automatic" }, narration: "{points} points",
    };
    const offer = await createOfferDraft(getDb(), author, { programId: program.id, name: draft.name, draft });
    await submitOffer(getDb(), author, offer.id);

    await expect(withdrawOffer(getDb(), colleague, offer.id)).rejects.toMatchObject({ code: "forbidden" });
    const after = await withdrawOffer(getDb(), author, offer.id);
    expect(after).toMatchObject({ status: "draft", pendingVersion: null });
    const [v1] = await getDb().select().from(offerVersions).where(and(eq(offerVersions.offerId, offer.id), eq(offerVersions.version, 1)));
    expect(v1).toMatchObject({ status: "withdrawn", decisionNote: null });
    await expect(withdrawOffer(getDb(), author, offer.id)).rejects.toMatchObject({ code: "nothing_to_approve" });

    await submitOffer(getDb(), author, offer.id);
    await approveOffer(getDb(), colleague, offer.id);
    const [live] = await getDb().select().from(offers).where(eq(offers.id, offer.id));
    expect(live).toMatchObject({ status: "active", liveVersion: 2 });
  });
});
