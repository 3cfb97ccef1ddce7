import type { ReactNode } from "react";
import { MemberHeader } from "@/components/members/member-header";
import { requirePagePermission } from "@/lib/auth/session";
import { loadMember, loadMemberPrograms } from "./load-member";

/** Every member tab: who the member is, their points in all programmes, and the tabs; the tab below. */
export default async function MemberLayout({ children, params }: { children: ReactNode; params: Promise<{ memberId: string }> }) {
  await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  const balances = await loadMemberPrograms(member.id);
  return (
    <div className="flex flex-col gap-6">
      <MemberHeader member={member} balances={balances} />
      {children}
    </div>
  );
}
