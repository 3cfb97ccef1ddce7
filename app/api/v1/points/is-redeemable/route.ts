import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { checkRedeemable } from "@/lib/ledger/redeem";
import { resolveMember } from "@/lib/members";

export const GET = apiRoute(contract.isRedeemable, async ({ db, query }) => {
  const member = await resolveMember(db, query.member_id);
  const check = await checkRedeemable(db, { memberId: member.id, programId: query.program_id, points: query.points, group: query.group_redemption });
  return {
    status: 200,
    body: { redeemable: check.redeemable, code: check.code, reason: check.reason, currency_value: check.currencyValueMinor, currency: check.currency, available_points: check.available },
  };
});
