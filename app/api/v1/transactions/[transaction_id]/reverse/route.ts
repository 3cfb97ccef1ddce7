import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { awardJson } from "@/lib/api/views";
import { reverseTransaction } from "@/lib/transactions/reverse";

export const POST = apiRoute(contract.reverseTransaction, async ({ tx, actor, params, body }) => {
  const result = await reverseTransaction(tx, actor!, { transactionId: params.transaction_id, amount: body.amount, reason: body.reason });
  return {
    status: 200,
    body: {
      transaction_id: result.transactionId,
      refunded_amount: result.refundedAmount,
      reversals: result.reversals.map((r) => ({ ...awardJson(r), reversed_now: r.reversedNow, points_debt: r.debt })),
    },
  };
});
