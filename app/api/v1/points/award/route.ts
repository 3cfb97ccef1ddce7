import { contract } from "@/lib/api/contract";
import { isoTime } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";
import { resolveMember } from "@/lib/members";
import { awardPromotionIn } from "@/lib/promotions/award";

export const POST = apiRoute(contract.awardPoints, async ({ tx, actor, body }) => {
  const member = await resolveMember(tx, body.member_id);
  // Recorded as a promotional award: a repeat of its external reference in the programme awards nothing (already_awarded).
  const award = await awardPromotionIn(tx, actor!, {
    memberId: member.id,
    programId: body.program_id,
    points: body.points,
    reason: body.reason,
    awardedAt: body.awarded_at ? new Date(body.awarded_at) : undefined,
    expiryStrategyId: body.expiry_strategy,
    externalReference: body.external_reference,
  });
  return {
    status: 201,
    body: {
      member_id: member.id,
      program_id: body.program_id,
      points: award.points,
      awarded_at: isoTime(award.awardedAt),
      expires_at: award.expiresAt ? isoTime(award.expiresAt) : null,
      lot_id: award.lotId,
    },
  };
});
