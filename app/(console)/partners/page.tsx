import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/console/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage() {
  await requirePagePermission("partners:read");
  return (
    <SectionPlaceholder
      section="partners"
      title="Partners"
      arrival="Partners arrive in a coming release"
      detail="Setting up partners, their currencies and funding modes from the console is not available in this build."
    />
  );
}
