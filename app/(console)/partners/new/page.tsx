import { ArrowLeft, Layers } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { NEW_PARTNER_VALUES } from "@/components/partners/form-values";
import { PartnerForm } from "@/components/partners/partner-form";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { listPrograms } from "@/lib/programs";
import { createPartnerAction } from "../actions";

export const metadata: Metadata = { title: "New partner" };

export default async function NewPartnerPage() {
  await requirePagePermission("partners:write");
  const programmes = await listPrograms(getDb());
  const host = programmes.find((p) => p.isDefault) ?? programmes[0];
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href="/partners" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Partners
        </Link>
        <PageHeader title="New partner" description="The partner, its loyalty currency, its crediting API and how the points its transactions give are funded. All of it can be changed later." />
      </div>
      {programmes.length === 0 ? (
        <EmptyState icon={Layers} title="Create a programme first" action={<Link href="/programs" className={buttonVariants({ variant: "secondary", size: "sm" })}>Programmes</Link>}>
          A partner’s earn transactions give points in one of the bank’s programmes.
        </EmptyState>
      ) : (
        <PartnerForm
          action={createPartnerAction}
          initial={{ ...NEW_PARTNER_VALUES, hostProgramId: host?.id ?? "" }}
          programmes={programmes.map((p) => ({ id: p.id, name: p.name, code: p.code }))}
          submitLabel="Create partner"
        />
      )}
    </div>
  );
}
