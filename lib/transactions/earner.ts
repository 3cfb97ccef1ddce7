import "server-only";
import { eq } from "drizzle-orm";
import { memberPrograms, members } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { CompiledBaseRule, CompiledOffer, MemberContext } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { liveOffers } from "@/lib/offers/cache";
import { loadMemberSegments } from "@/lib/segments/membership";

/** Everything the engine needs about a member who is about to earn, with their balance rows locked. */
export type Earner = {
  context: MemberContext;
  candidates: CompiledOffer[];
  baseRules: CompiledBaseRule[];
  budgeted: Set<string>;
  debts: Map<string, number>;
  /** The member's home programme's time zone: the calendar of caps and trackers. */
  timeZone: string;
};

/**
 * Locks the member's balance rows (in programme order, as every spend does), so one member's
 * transactions and events are evaluated one after the other: a per-member cap, a tracker or a
 * milestone is never counted twice. Then the live offers of the member's programmes.
 */
export async function lockEarner(tx: DbOrTx, memberId: string): Promise<Earner> {
  // One round trip: the balance rows locked (not the member row), with the member's attributes.
  const enrolments = await tx
    .select({ programId: memberPrograms.programId, tierId: memberPrograms.tierId, debt: memberPrograms.debt, attributes: members.attributes })
    .from(memberPrograms)
    .innerJoin(members, eq(members.id, memberPrograms.memberId))
    .where(eq(memberPrograms.memberId, memberId))
    .orderBy(memberPrograms.programId)
    .for("update", { of: memberPrograms });
  if (enrolments.length === 0) throw new DomainError("member_not_enrolled", "The member is not enrolled in any programme.", { member_id: memberId });
  const member = enrolments[0]!;
  const context: MemberContext = {
    programIds: enrolments.map((e) => e.programId),
    tierIdByProgram: Object.fromEntries(enrolments.map((e) => [e.programId, e.tierId])),
    attributes: stringAttributes(member?.attributes ?? {}),
  };
  const live = await liveOffers(tx);
  const programIds = new Set(context.programIds);
  const candidates = live.offers.filter((o) => programIds.has(o.programId));
  await loadMemberSegments(tx, candidates, () => new Map([[memberId, context]]));
  return {
    context,
    candidates,
    baseRules: context.programIds.flatMap((id) => live.baseRules.get(id) ?? []),
    budgeted: new Set(candidates.filter((o) => o.definition.caps?.budget).map((o) => o.offerId)),
    debts: new Map(enrolments.filter((e) => e.debt > 0).map((e) => [e.programId, e.debt])),
    timeZone: live.programs.get(context.programIds[0]!)?.timeZone ?? "UTC",
  };
}

function stringAttributes(attributes: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== null && v !== undefined && typeof v !== "object") out[k] = String(v);
  return out;
}
