import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { memberJson } from "@/lib/api/views";
import { getMemberPrograms, resolveMember } from "@/lib/members";

export const GET = apiRoute(contract.getMember, async ({ db, params }) => {
  const member = await resolveMember(db, params.member_id);
  return { status: 200, body: memberJson(member, await getMemberPrograms(db, member.id)) };
});
