import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { redemptionJson } from "@/lib/api/views";
import { reverseRedemption } from "@/lib/ledger/redeem";

export const POST = apiRoute(contract.reverseRedemption, async ({ tx, actor, params }) => ({
  status: 200,
  body: redemptionJson(await reverseRedemption(tx, actor, params.redemption_id)),
}));
