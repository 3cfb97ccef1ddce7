import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { memberPointsJson } from "@/lib/api/views";
import { getMemberPoints } from "@/lib/ledger/balances";
import { resolveMember } from "@/lib/members";

export const GET = apiRoute(contract.memberPoints, async ({ db, params }) => {
  const member = await resolveMember(db, params.member_id);
  return { status: 200, body: memberPointsJson(member.id, await getMemberPoints(db, member.id)) };
});
