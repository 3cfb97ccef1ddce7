import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { redemptionJson } from "@/lib/api/views";
import { redeemPoints } from "@/lib/ledger/redeem";
import { resolveMember } from "@/lib/members";

export const POST = apiRoute(contract.redeem, async ({ tx, actor, query, body }) => {
  const member = await resolveMember(tx, body.member_id);
  const redemption = await redeemPoints(tx, actor, {
    memberId: member.id,
    programId: query.program_id,
    points: body.points,
    group: body.group_redemption,
    externalReference: body.external_reference,
  });
  return { status: 201, body: redemptionJson(redemption) };
});
