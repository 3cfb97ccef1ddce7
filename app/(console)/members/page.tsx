import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/console/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  await requirePagePermission("members:read");
  return (
    <SectionPlaceholder
      section="members"
      title="Members"
      arrival="The member view arrives in a coming release"
      detail="Searching members and explaining their balances from the console is not available in this build."
    />
  );
}
