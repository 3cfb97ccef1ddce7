import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { memberJson } from "@/lib/api/views";
import { enrolMember, getMemberPrograms } from "@/lib/members";

export const POST = apiRoute(contract.enrolMember, async ({ tx, actor, body }) => {
  const member = await enrolMember(tx, actor, {
    externalId: body.external_id,
    firstName: body.first_name,
    lastName: body.last_name,
    email: body.email,
    phone: body.phone,
    attributes: body.attributes ?? {},
    programIds: body.program_ids,
  });
  return { status: 201, body: memberJson(member, await getMemberPrograms(tx, member.id)) };
});
