import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { spendCurrencies } from "@/lib/reports/spend/queries";
import { definitionOf, getSegment } from "@/lib/segments";
import { segmentProgrammes } from "@/lib/segments/labels";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  await requirePagePermission("segments:write");
  const { segmentId } = await params;
  const db = getDb();
  const segment = await getSegment(db, segmentId).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [{ programmes }, currencies] = await Promise.all([segmentProgrammes(db), spendCurrencies(db)]);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href={`/segments/${segment.id}`} className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> {segment.name}
        </Link>
        <PageHeader title={`Edit ${segment.name}`} description="Saving lists the members again. If someone else saves this segment meanwhile, your save is refused so that neither change is lost." />
      </div>
      <SegmentBuilder
        programmes={programmes}
        currencies={currencies.length > 0 ? currencies : [...new Set(programmes.map((p) => p.currency))]}
        initial={{ segmentId: segment.id, version: segment.version, name: segment.name, description: segment.description, definition: definitionOf(segment) }}
      />
    </div>
  );
}
