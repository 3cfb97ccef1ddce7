import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { awardJson } from "@/lib/api/views";
import { resolveMember } from "@/lib/members";
import { ingestGrouped } from "@/lib/transactions/group-commit";
import { ingestTransaction, type IngestResult } from "@/lib/transactions/ingest";
import { transactionFieldsFromJson, transactionFromJson } from "@/lib/transactions/json";

const answer = (result: IngestResult) =>
  ({ status: result.repeated ? 200 : 201, body: { transaction_id: result.transactionId, awards: result.awards.map(awardJson) } }) as const;

export const POST = apiRoute(
  contract.postTransaction,
  // With an Idempotency-Key: in the route's transaction, which also stores the key's answer.
  async ({ tx, actor, body }) => {
    const member = await resolveMember(tx, body.member_id);
    return answer(await ingestTransaction(tx, actor!, transactionFromJson(body, member.id)));
  },
  // Without one: through the group commit, together with the transactions that arrive at the same moment.
  { withoutIdempotencyKey: async ({ db, actor, body }) => answer(await ingestGrouped(db, actor!, { memberRef: body.member_id, input: transactionFieldsFromJson(body) })) },
);
