import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/console/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Programmes" };

export default async function ProgramsPage() {
  await requirePagePermission("programs:read");
  return (
    <SectionPlaceholder
      section="programs"
      title="Programmes"
      arrival="Programmes arrive in a coming release"
      detail="Managing programmes, tiers and expiry strategies from the console is not available in this build."
    />
  );
}
