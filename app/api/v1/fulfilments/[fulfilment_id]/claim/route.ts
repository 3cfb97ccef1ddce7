import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { awardJson } from "@/lib/api/views";
import { claimFulfilment } from "@/lib/transactions/claim";

export const POST = apiRoute(contract.claimFulfilment, async ({ tx, actor, params }) => {
  const award = await claimFulfilment(tx, actor!, params.fulfilment_id);
  return { status: 200, body: awardJson(award) };
});
