import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { redemptionJson } from "@/lib/api/views";
import { listRedemptions } from "@/lib/ledger/redeem";
import { resolveMember } from "@/lib/members";

export const GET = apiRoute(contract.memberRedemptions, async ({ db, params, query }) => {
  const member = await resolveMember(db, params.member_id);
  return { status: 200, body: { redemptions: (await listRedemptions(db, member.id, { limit: query.limit })).map(redemptionJson) } };
});
