import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { awardJson } from "@/lib/api/views";
import { DomainError } from "@/lib/errors";
import { resolveMember } from "@/lib/members";
import { recordEvent } from "@/lib/transactions/events";

export const POST = apiRoute(contract.postEvent, async ({ tx, actor, body }) => {
  if (body.type === "custom" && !body.custom_type) throw new DomainError("validation_failed", "A custom event names its custom_type.", { field: "custom_type" });
  const member = await resolveMember(tx, body.member_id);
  const result = await recordEvent(tx, actor!, { memberId: member.id, type: body.type, customType: body.custom_type, occurredAt: new Date(body.occurred_at), attributes: body.attributes });
  return { status: 201, body: { event_id: result.eventId, awards: result.awards.map(awardJson) } };
});
