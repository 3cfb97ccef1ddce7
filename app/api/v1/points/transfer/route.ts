import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { transferJson } from "@/lib/api/views";
import { transferPoints } from "@/lib/ledger/transfer";
import { resolveMember } from "@/lib/members";

export const POST = apiRoute(contract.transfer, async ({ tx, actor, query, body }) => {
  const [from, to] = [await resolveMember(tx, body.from_member_id), await resolveMember(tx, body.to_member_id)];
  const transfer = await transferPoints(tx, actor, { fromMemberId: from.id, toMemberId: to.id, programId: query.program_id, points: body.points, group: body.group_transfer });
  return { status: 201, body: transferJson(transfer) };
});
