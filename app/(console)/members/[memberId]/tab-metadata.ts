import type { Metadata } from "next";
import { memberName } from "@/components/members/member-name";
import { requirePagePermission } from "@/lib/auth/session";
import { loadMember } from "./load-member";

/** generateMetadata of a member tab: "<Tab> · <member>", for anyone who may read members. */
export function memberTabMetadata(tab: string) {
  return async function generateMetadata({ params }: { params: Promise<{ memberId: string }> }): Promise<Metadata> {
    await requirePagePermission("members:read");
    const member = await loadMember((await params).memberId);
    return { title: `${tab} · ${memberName(member) ?? member.externalId}` };
  };
}
