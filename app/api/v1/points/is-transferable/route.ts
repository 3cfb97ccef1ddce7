import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { checkTransferable } from "@/lib/ledger/transfer";
import { resolveMember } from "@/lib/members";

export const GET = apiRoute(contract.isTransferable, async ({ db, query }) => {
  const [from, to] = [await resolveMember(db, query.from_member_id), await resolveMember(db, query.to_member_id)];
  const check = await checkTransferable(db, { fromMemberId: from.id, toMemberId: to.id, programId: query.program_id, points: query.points, group: query.group_transfer });
  return { status: 200, body: { transferable: check.transferable, code: check.code, reason: check.reason, available_points: check.available } };
});
