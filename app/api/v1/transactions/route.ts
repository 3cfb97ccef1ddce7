import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { awardJson } from "@/lib/api/views";
import { resolveMember } from "@/lib/members";
import { ingestTransaction } from "@/lib/transactions/ingest";
import { transactionFromJson } from "@/lib/transactions/json";

export const POST = apiRoute(contract.postTransaction, async ({ tx, actor, body }) => {
  const member = await resolveMember(tx, body.member_id);
  const result = await ingestTransaction(tx, actor!, transactionFromJson(body, member.id));
  return { status: result.repeated ? 200 : 201, body: { transaction_id: result.transactionId, awards: result.awards.map(awardJson) } };
});
