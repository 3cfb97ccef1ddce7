import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { awardJson } from "@/lib/api/views";
import { ingestBatch } from "@/lib/transactions/batch";

export const POST = apiRoute(contract.postTransactionBatch, async ({ db, actor, body }) => {
  const results = await ingestBatch(db, actor!, body.transactions);
  return {
    status: 200,
    body: {
      results: results.map((r) =>
        "error" in r ? { index: r.index, error: r.error } : { index: r.index, transaction_id: r.transactionId, repeated: r.repeated, awards: r.awards.map(awardJson) },
      ),
    },
  };
});
