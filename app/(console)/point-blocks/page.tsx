import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/console/section-placeholder";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Point blocks" };

export default async function PointBlocksPage() {
  await requirePagePermission("point_blocks:read");
  return (
    <SectionPlaceholder
      section="point-blocks"
      title="Point blocks"
      arrival="Point blocks arrive in a coming release"
      detail="Requesting and approving partner point blocks from the console is not available in this build."
    />
  );
}
