/**
 * Saved segments on a real PostgreSQL: the live count and the materialized members are exactly the fixture
 * members who meet each definition; saves and deletes are audited; bad input writes nothing; two edits of one
 * segment at once never lose one silently; a live offer targeting a segment earns only for its members.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, memberPrograms, offers, offerVersions, segmentMembers, segments } from "@/db/schema";
import { createOfferDraft, saveOfferDraft, submitOffer } from "@/lib/offers";
import { enrolMember } from "@/lib/members";
import { addTier } from "@/lib/programs";
import { invalidateOfferCache } from "@/lib/offers/cache";
import { refreshRollups } from "@/lib/reports/refresh";
import { createSegment, deleteSegment, refreshSegments, updateSegment } from "@/lib/segments";
import type { SegmentDefinition } from "@/lib/segments/definition";
import { countSegment, spendTimeZone } from "@/lib/segments/query";
import { localDate, startOfLocalDay } from "@/lib/engine/calendar";
import { ingestTransaction } from "@/lib/transactions/ingest";
import { actorFor, makeUser, systemTestActor } from "../support/fixtures";
import { makeProgram } from "../support/ledger";
import { liveOffer } from "../support/transactions";

const db = getDb();
const NOW = new Date();
/** Today in the spend rollup's time zone (set in beforeAll): spend then falls in this local month. */
let thisMonthNoon = NOW;

type Fixture = { id: string; gold: boolean; spend: number; attributes: Record<string, string> };
let program: { id: string };
let goldId: string;
let fixtures: Fixture[] = [];
let actor: ReturnType<typeof actorFor>;

async function buy(memberId: string, amount: number, type: "purchase" | "refund" = "purchase", occurredAt = thisMonthNoon) {
  return db.transaction((tx) => ingestTransaction(tx, systemTestActor, { memberId, externalId: `SEG-${randomUUID()}`, type, amount, currency: "INR", occurredAt }, NOW));
}

beforeAll(async () => {
  actor = actorFor(await makeUser(["program_manager"]));
  program = await makeProgram();
  const startOfToday = startOfLocalDay(localDate(NOW, await spendTimeZone(db)), await spendTimeZone(db));
  thisMonthNoon = new Date((startOfToday.getTime() + NOW.getTime()) / 2);
  goldId = (await addTier(db, systemTestActor, program.id, { name: "Gold" })).id;
  const shapes: Omit<Fixture, "id">[] = [
    { gold: true, spend: 60_000, attributes: { segment: "salaried", city: "Pune" } },
    { gold: true, spend: 0, attributes: { segment: "student" } },
    { gold: false, spend: 20_000, attributes: { segment: "salaried" } },
    { gold: false, spend: 90_000, attributes: {} },
    { gold: false, spend: 45_000, attributes: { segment: "senior", city: "Goa" } },
  ];
  fixtures = [];
  for (const shape of shapes) {
    const m = await enrolMember(db, systemTestActor, { externalId: `SEG-${randomUUID()}`, programIds: [program.id], attributes: shape.attributes });
    if (shape.gold) await db.update(memberPrograms).set({ tierId: goldId }).where(and(eq(memberPrograms.memberId, m.id), eq(memberPrograms.programId, program.id)));
    if (shape.spend > 0) {
      await buy(m.id, shape.spend + 5_000);
      await buy(m.id, 5_000, "refund");
    }
    fixtures.push({ id: m.id, ...shape });
  }
  // A member outside the programme, with spend.
  const outsider = await enrolMember(db, systemTestActor, { externalId: `SEG-${randomUUID()}`, programIds: [(await makeProgram()).id], attributes: { segment: "salaried" } });
  await buy(outsider.id, 100_000);
  await refreshRollups(db);
});

const DEFINITIONS: [string, () => SegmentDefinition, (f: Fixture) => boolean][] = [
  ["programme", () => ({ programId: program.id }), () => true],
  ["programme + Gold tier", () => ({ programId: program.id, tierIds: [goldId] }), (f) => f.gold],
  ["spend ≥ 45,000.00 this month", () => ({ programId: program.id, spend: { op: "gte", amount: 45_000, currency: "INR", window: { kind: "last_months", months: 1 } } }), (f) => f.spend >= 45_000],
  ["spend ≤ 20,000.00 (no spend counts as 0)", () => ({ programId: program.id, spend: { op: "lte", amount: 20_000, currency: "INR", window: { kind: "last_months", months: 3 } } }), (f) => f.spend <= 20_000],
  ["segment = salaried", () => ({ programId: program.id, attributes: [{ key: "segment", op: "eq", value: "salaried" }] }), (f) => f.attributes.segment === "salaried"],
  ["segment ≠ salaried (missing counts as not equal)", () => ({ programId: program.id, attributes: [{ key: "segment", op: "neq", value: "salaried" }] }), (f) => f.attributes.segment !== "salaried"],
  ["city exists", () => ({ programId: program.id, attributes: [{ key: "city", op: "exists" }] }), (f) => f.attributes.city !== undefined],
];

describe("segment counts", () => {
  it.each(DEFINITIONS.map(([name]) => [name]))("%s: the count and the saved members match the members who meet it", async (name) => {
    const [, def, expected] = DEFINITIONS.find(([n]) => n === name)!;
    const d = def();
    const want = new Set(fixtures.filter(expected).map((f) => f.id));
    expect(await countSegment(db, d, NOW)).toBe(want.size);
    const saved = await createSegment(db, actor, { name: `${name} ${randomUUID().slice(0, 6)}`, description: "", definition: d }, NOW);
    expect(saved.memberCount).toBe(want.size);
    const members = await db.select({ id: segmentMembers.memberId }).from(segmentMembers).where(eq(segmentMembers.segmentId, saved.id));
    expect(new Set(members.map((m) => m.id))).toEqual(want);
  });

  it("the worker's refresh brings a saved segment up to date with new spend", async () => {
    const d: SegmentDefinition = { programId: program.id, spend: { op: "gte", amount: 100_000, currency: "INR", window: { kind: "last_months", months: 1 } } };
    const saved = await createSegment(db, actor, { name: `Big spenders ${randomUUID().slice(0, 6)}`, description: "", definition: d }, NOW);
    expect(saved.memberCount).toBe(0);
    await buy(fixtures[0]!.id, 50_000);
    await refreshRollups(db);
    await refreshSegments(db, NOW);
    const [after] = await db.select().from(segments).where(eq(segments.id, saved.id));
    expect(after!.memberCount).toBe(1);
    expect((await db.select().from(segmentMembers).where(eq(segmentMembers.segmentId, saved.id))).map((m) => m.memberId)).toEqual([fixtures[0]!.id]);
  });
});

describe("saving and deleting segments", () => {
  const audits = async (entityId: string) => (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityType, "segment"), eq(auditLog.entityId, entityId))))[0]!.n;

  it("audits the save, the edit and the delete in their own transactions", async () => {
    const s = await createSegment(db, actor, { name: `Audited ${randomUUID().slice(0, 6)}`, description: "first", definition: { programId: program.id } }, NOW);
    expect(await audits(s.id)).toBe(1);
    const edited = await updateSegment(db, actor, s.id, s.version, { name: s.name, description: "second", definition: { programId: program.id, tierIds: [goldId] } }, NOW);
    expect(edited).toMatchObject({ version: 2, description: "second", memberCount: 2 });
    expect(await audits(s.id)).toBe(2);
    await deleteSegment(db, actor, s.id);
    expect(await audits(s.id)).toBe(3);
    expect(await db.select().from(segmentMembers).where(eq(segmentMembers.segmentId, s.id))).toEqual([]);
  });

  it("refuses a name already taken (any case), tiers of another programme, and an unknown segment, writing nothing", async () => {
    const name = `Taken ${randomUUID().slice(0, 6)}`;
    await createSegment(db, actor, { name, description: "", definition: {} }, NOW);
    const before = (await db.select({ n: count() }).from(segments))[0]!.n;
    await expect(createSegment(db, actor, { name: name.toUpperCase(), description: "", definition: {} }, NOW)).rejects.toMatchObject({ code: "segment_name_taken" });
    const other = await makeProgram();
    await expect(createSegment(db, actor, { name: `Tiers ${randomUUID()}`, description: "", definition: { programId: other.id, tierIds: [goldId] } }, NOW)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(updateSegment(db, actor, randomUUID(), 1, { name: "x", description: "", definition: {} }, NOW)).rejects.toMatchObject({ code: "segment_not_found" });
    await expect(deleteSegment(db, actor, randomUUID())).rejects.toMatchObject({ code: "segment_not_found" });
    expect((await db.select({ n: count() }).from(segments))[0]!.n).toBe(before);
  });

  it("two edits of the same version at once: one is saved, the other is refused with segment_changed", async () => {
    const s = await createSegment(db, actor, { name: `Contended ${randomUUID().slice(0, 6)}`, description: "", definition: { programId: program.id } }, NOW);
    const results = await Promise.allSettled([
      updateSegment(db, actor, s.id, s.version, { name: s.name, description: "from A", definition: { programId: program.id, tierIds: [goldId] } }, NOW),
      updateSegment(db, actor, s.id, s.version, { name: s.name, description: "from B", definition: { programId: program.id, attributes: [{ key: "segment", op: "eq", value: "salaried" }] } }, NOW),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "segment_changed" });
    const [stored] = await db.select().from(segments).where(eq(segments.id, s.id));
    const winner = (won[0] as PromiseFulfilledResult<{ description: string; memberCount: number }>).value;
    // What is stored is the winner's edit, whole: its description, definition and members together.
    expect(stored).toMatchObject({ version: 2, description: winner.description, memberCount: winner.memberCount });
    expect((await db.select({ n: count() }).from(segmentMembers).where(eq(segmentMembers.segmentId, s.id)))[0]!.n).toBe(winner.memberCount);
  });
});

describe("offers targeting a segment", () => {
  it("earn for members in the segment only, and the segment cannot be deleted while the offer runs", async () => {
    const salaried = await createSegment(db, actor, { name: `Salaried ${randomUUID().slice(0, 6)}`, description: "", definition: { programId: program.id, attributes: [{ key: "segment", op: "eq", value: "salaried" }] } }, NOW);
    const offer = await liveOffer(program.id, { memberFilters: { segmentIds: [salaried.id] }, rule: { kind: "flat", value: 250 } });
    invalidateOfferCache();
    const inside = fixtures.find((f) => f.attributes.segment === "salaried")!;
    const outside = fixtures.find((f) => f.attributes.segment === "student")!;
    const earnedInside = await buy(inside.id, 1_000);
    const earnedOutside = await buy(outside.id, 1_000);
    expect(earnedInside.awards.filter((a) => a.offerId === offer.id).map((a) => a.value)).toEqual([250]);
    expect(earnedOutside.awards.filter((a) => a.offerId === offer.id)).toEqual([]);

    await expect(deleteSegment(db, actor, salaried.id)).rejects.toMatchObject({ code: "segment_in_use" });
    expect(await db.select({ id: segments.id }).from(segments).where(eq(segments.id, salaried.id))).toHaveLength(1);
  });

  it("refuses to submit an offer that targets a deleted segment, and a delete racing a submit leaves no offer targeting nothing", async () => {
    const definition: SegmentDefinition = { programId: program.id, attributes: [{ key: "segment", op: "eq", value: "student" }] };
    const gone = await createSegment(db, actor, { name: `Gone ${randomUUID().slice(0, 6)}`, description: "", definition }, NOW);
    await deleteSegment(db, actor, gone.id);
    await expect(liveOffer(program.id, { memberFilters: { segmentIds: [gone.id] } })).rejects.toMatchObject({ code: "segment_not_found", details: { field: "memberFilters.segmentIds" } });

    for (let round = 0; round < 5; round++) {
      const s = await createSegment(db, actor, { name: `Race ${randomUUID().slice(0, 6)}`, description: "", definition }, NOW);
      const maker = actorFor(await makeUser(["program_manager"]));
      const draft = { programId: program.id, name: "Race", validFrom: "2026-01-01T00:00:00+05:30", funding: { kind: "bank" }, trigger: { kind: "transaction" }, target: { kind: "each" }, outcome: { type: "reward_points" }, rule: { kind: "flat", value: 1 }, posting: { method: "automatic" }, narration: "x", memberFilters: { segmentIds: [s.id] } };
      const offer = await createOfferDraft(db, maker, { programId: program.id, name: "Race", draft });
      // Not naming the segment yet: the delete may run before or after the draft that names it is saved.
      await db.update(offers).set({ draft: { ...draft, memberFilters: {} } }).where(eq(offers.id, offer.id));
      const [submitted, deleted] = await Promise.allSettled([
        (async () => {
          await saveOfferDraft(db, maker, offer.id, draft, 5);
          return submitOffer(db, maker, offer.id);
        })(),
        deleteSegment(db, actor, s.id),
      ]);
      const versions = await db.select({ id: offerVersions.offerId }).from(offerVersions).where(eq(offerVersions.offerId, offer.id));
      const segmentLeft = await db.select({ id: segments.id }).from(segments).where(eq(segments.id, s.id));
      if (deleted.status === "fulfilled") {
        expect(segmentLeft).toHaveLength(0);
        expect(versions).toHaveLength(0);
        expect(submitted.status === "rejected" && (submitted.reason as { code: string }).code).toBe("segment_not_found");
      } else {
        expect((deleted.reason as { code: string }).code).toBe("segment_in_use");
        expect(segmentLeft).toHaveLength(1);
      }
    }
  });
});
