import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { spendCurrencies } from "@/lib/reports/spend/queries";
import { segmentProgrammes } from "@/lib/segments/labels";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage() {
  await requirePagePermission("segments:write");
  const db = getDb();
  const [{ programmes }, currencies] = await Promise.all([segmentProgrammes(db), spendCurrencies(db)]);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href="/segments" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Segments
        </Link>
        <PageHeader title="New segment" description="Members who meet every condition below. The count on the right follows your changes." />
      </div>
      <SegmentBuilder programmes={programmes} currencies={currencies.length > 0 ? currencies : [...new Set(programmes.map((p) => p.currency))]} />
    </div>
  );
}
