import { describe, expect, it } from "vitest";
import { compileOffer, describeOffer, evaluateTransaction, offerDefinitionSchema, SKIP_MESSAGES, type MemberContext, type OfferDefinition } from "@/lib/engine";
import { sampleMember } from "@/lib/engine/offers/preview";

const PROGRAM = "11111111-1111-4111-8111-111111111111";
const SALARIED = "77777777-7777-4777-8777-777777777777";
const STUDENTS = "88888888-8888-4888-8888-888888888888";
const AT = new Date("2026-12-10T06:00:00Z");

const base: OfferDefinition = {
  programId: PROGRAM,
  name: "Segment offer",
  validFrom: "2026-12-01T00:00:00+05:30",
  funding: { kind: "bank" },
  trigger: { kind: "transaction" },
  target: { kind: "each" },
  outcome: { type: "reward_points" },
  rule: { kind: "flat", value: 500 },
  posting: { method: "automatic" },
  narration: "{points} points",
};

const member = (segmentIds?: string[]): MemberContext => ({ programIds: [PROGRAM], tierIdByProgram: {}, attributes: {}, ...(segmentIds ? { segmentIds } : {}) });

function earn(definition: OfferDefinition, m: MemberContext) {
  const offer = compileOffer({ offerId: "o1", version: 1, definition }, { homeCountry: "IN" });
  const r = evaluateTransaction({ offers: [offer], member: m, transaction: { externalId: "t1", type: "purchase", amount: 10_000, currency: "INR", occurredAt: AT }, trackers: {}, usage: {}, timeZone: "Asia/Kolkata", now: AT });
  return r.outcomes[0]?.value ?? r.skipped[0]?.reason;
}

describe("engine offers: segment member filter", () => {
  describe("matching", () => {
    const targeted = { ...base, memberFilters: { segmentIds: [SALARIED, STUDENTS] } };

    it("earns for a member in any of the segments", () => {
      expect(earn(targeted, member([STUDENTS]))).toBe(500);
      expect(earn(targeted, member(["99999999-9999-4999-8999-999999999999", SALARIED]))).toBe(500);
    });

    it("skips a member in none of them, or whose segments were not loaded, with member_segment", () => {
      expect(earn(targeted, member(["99999999-9999-4999-8999-999999999999"]))).toBe("member_segment");
      expect(earn(targeted, member([]))).toBe("member_segment");
      expect(earn(targeted, member())).toBe("member_segment");
      expect(SKIP_MESSAGES.member_segment).toMatch(/segments the offer is for/);
    });

    it("an empty segment list is no condition", () => {
      expect(earn({ ...base, memberFilters: { segmentIds: [] } }, member())).toBe(500);
    });

    it("the preview's sample member is in the first targeted segment", () => {
      const offer = compileOffer({ offerId: "o1", version: 1, definition: targeted }, { homeCountry: "IN" });
      expect(earn(targeted, sampleMember(offer))).toBe(500);
    });
  });

  describe("definition", () => {
    it("accepts segment ids and refuses anything else with a sentence", () => {
      expect(offerDefinitionSchema.safeParse({ ...base, memberFilters: { segmentIds: [SALARIED] } }).success).toBe(true);
      const bad = offerDefinitionSchema.safeParse({ ...base, memberFilters: { segmentIds: ["salaried"] } });
      expect(bad.success).toBe(false);
      expect(bad.error?.issues[0]?.message).toBe("Choose a valid segment.");
    });
  });

  describe("in words", () => {
    it("names the segment, or the segments", () => {
      const labels = { segments: { [SALARIED]: "Salaried", [STUDENTS]: "Students" } };
      expect(describeOffer({ ...base, memberFilters: { segmentIds: [SALARIED] } }, labels)).toContain("Only for members in the segment Salaried.");
      expect(describeOffer({ ...base, memberFilters: { segmentIds: [SALARIED, STUDENTS] } }, labels)).toContain("Only for members in one of the segments Salaried, Students.");
    });
  });
});
