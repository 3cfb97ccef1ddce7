import { contract } from "@/lib/api/contract";
import { isoTime } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";
import { awardJson } from "@/lib/api/views";
import { resolveMember } from "@/lib/members";
import { listMemberFulfilments } from "@/lib/transactions/queries";

export const GET = apiRoute(contract.memberFulfilments, async ({ db, params, query }) => {
  const member = await resolveMember(db, params.member_id);
  const rows = await listMemberFulfilments(db, member.id, { limit: query.limit });
  return { status: 200, body: { fulfilments: rows.map((f) => ({ ...awardJson(f), transaction_id: f.transactionId, created_at: isoTime(f.createdAt) })) } };
});
