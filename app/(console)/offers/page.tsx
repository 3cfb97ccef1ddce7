import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/console/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Offers" };

export default async function OffersPage() {
  await requirePagePermission("offers:read");
  return (
    <SectionPlaceholder
      section="offers"
      title="Offers"
      arrival="Offers arrive in a coming release"
      detail="Building, approving and budgeting earn offers is not available in this build."
    />
  );
}
