import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { partnerTransactionJson } from "@/lib/api/views";
import { resolveMember } from "@/lib/members";
import { assertPartnerKey } from "@/lib/partners/keys";
import { earnForPartner } from "@/lib/partners/earn";

export const POST = apiRoute(contract.postPartnerTransaction, async ({ tx, actor, key, params, body }) => {
  await assertPartnerKey(tx, key.id, params.partner_id);
  const member = await resolveMember(tx, body.member_id);
  const result = await earnForPartner(tx, actor!, params.partner_id, {
    externalId: body.external_id,
    memberId: member.id,
    points: body.points,
    reason: body.reason ?? null,
    occurredAt: body.occurred_at ? new Date(body.occurred_at) : null,
  });
  return { status: result.repeated ? 200 : 201, body: partnerTransactionJson(result) };
});
