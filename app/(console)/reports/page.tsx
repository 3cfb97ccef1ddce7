import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/console/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePagePermission("reports:read");
  return (
    <SectionPlaceholder
      section="reports"
      title="Reports"
      arrival="Reports arrive in a coming release"
      detail="Points, redemption, expiry and partner billing reports are not available in this build."
    />
  );
}
