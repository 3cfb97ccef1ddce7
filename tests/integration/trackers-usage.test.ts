/** The trackers page: every tracker read by a live or paused offer, in words, with its members now. */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { memberTrackers } from "@/db/schema";
import { trackerKey, type TrackerDefinition } from "@/lib/engine/offers";
import { changeOfferStatus } from "@/lib/offers";
import { trackersInUse, tiersUsingTracker } from "@/lib/offers/trackers-usage";
import { addTier } from "@/lib/programs";
import { setTierRules } from "@/lib/tiers";
import { actorFor, makeUser, systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { liveOffer } from "../support/transactions";

const NOW = new Date("2026-11-15T12:00:00Z");
const annualSpend: TrackerDefinition = { metric: "transaction_amount", window: { kind: "calendar_year" }, filters: { categories: ["dining"], minAmount: 50_000 } };
const visits: TrackerDefinition = { metric: "visits", window: { kind: "rolling_days", days: 30 } };

describe("trackers in use", () => {
  beforeAll(async () => {
    const program = await makeProgram({ timeZone: "Asia/Kolkata" });
    const milestone = (tracker: TrackerDefinition, threshold: number) => ({ target: { kind: "milestone" as const, tracker, threshold } });
    await liveOffer(program.id, { name: "Annual diner", ...milestone(annualSpend, 500_000) });
    const second = await liveOffer(program.id, { name: "Diner again", ...milestone({ ...annualSpend, filters: { minAmount: 50_000, categories: ["DINING", "dining"] } }, 900_000) });
    await changeOfferStatus(getDb(), actorFor(await makeUser(["program_manager"])), second.id, "pause");
    await liveOffer(program.id, { name: "Frequent visitor", ...milestone(visits, 10) });
    await liveOffer(program.id, { name: "Plain earn" });
    const [a, b, c] = await Promise.all([makeMember([program.id]), makeMember([program.id]), makeMember([program.id])]);
    const spendKey = trackerKey(annualSpend);
    const visitsKey = trackerKey(visits);
    await getDb().insert(memberTrackers).values([
      { memberId: a.id, trackerKey: spendKey, periodKey: "2026", value: 120_000 },
      { memberId: b.id, trackerKey: spendKey, periodKey: "2026", value: 80_000 },
      { memberId: c.id, trackerKey: spendKey, periodKey: "2025", value: 999_000 }, // last year: not counted
      { memberId: a.id, trackerKey: visitsKey, periodKey: "2026-11-01", value: 2 }, // within the last 30 days
      { memberId: b.id, trackerKey: visitsKey, periodKey: "2026-09-01", value: 5 }, // outside the window
    ]);
  });

  it("lists each tracker once with the offers that read it, its words and the members with a value now", async () => {
    const trackers = await trackersInUse(getDb(), NOW);
    expect(trackers).toHaveLength(2);
    const [spend, visit] = trackers;
    expect(spend!.offers.map((o) => [o.name, o.status, o.threshold])).toEqual([
      ["Annual diner", "active", 500_000],
      ["Diner again", "paused", 900_000],
    ]);
    expect(spend!.words.metric).toBe("Spend");
    expect(spend!.words.window).toBe("Each calendar year");
    expect(spend!.words.filters.join(" ")).toContain("spend categories dining");
    expect(spend).toMatchObject({ period: "2026", membersWithValue: 2, tiers: [] });
    expect(visit!.offers.map((o) => o.name)).toEqual(["Frequent visitor"]);
    expect(visit).toMatchObject({ period: "last 30 days", membersWithValue: 1, words: { metric: "Visits", window: "The last 30 days (rolling)" } });
  });

  it("lists the tiers whose rules read a tracker, and a tracker only a tier reads", async () => {
    const db = getDb();
    const program = await makeProgram({ name: "Tiered" });
    const gold = await addTier(db, systemTestActor, program.id, { name: "Gold" });
    await setTierRules(db, systemTestActor, gold.id, {
      upgrade: { kind: "tracker", tracker: { metric: "transaction_amount", window: { kind: "rolling_days", days: 365 } }, threshold: 1_000 },
      downgrade: { kind: "visits", minVisits: 2, days: 30 },
      earnMultiplier: null,
      upgradeBonusPoints: null,
    });
    const uses = await tiersUsingTracker(db);
    expect(uses.get(trackerKey({ metric: "transaction_amount", window: { kind: "rolling_days", days: 365 } }))).toEqual([{ tierId: gold.id, tierName: "Gold", programName: "Tiered", rule: "upgrade rule" }]);
    expect(uses.get(trackerKey(visits))).toEqual([{ tierId: gold.id, tierName: "Gold", programName: "Tiered", rule: "downgrade rule" }]);
    const trackers = await trackersInUse(db, NOW);
    expect(trackers.find((t) => t.words.window === "The last 365 days (rolling)")).toMatchObject({ offers: [], tiers: [expect.objectContaining({ tierName: "Gold" })] });
    expect(trackers.find((t) => t.key === trackerKey(visits))).toMatchObject({ offers: [expect.objectContaining({ name: "Frequent visitor" })], tiers: [expect.objectContaining({ rule: "downgrade rule" })] });
  });
});
