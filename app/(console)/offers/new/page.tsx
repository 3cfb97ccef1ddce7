import { ArrowLeft, Layers } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { isoToLocal } from "@/components/offers/convert";
import { emptyFormValues } from "@/components/offers/form-values";
import { OfferWizard } from "@/components/offers/offer-wizard";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { offerProgrammes } from "@/lib/offers/queries";
import { partnerChoices } from "@/lib/partners";
import { segmentOptions } from "@/lib/segments";
import { listVoucherPools } from "@/lib/vouchers";
import { saveOfferDraftAction, submitOfferAction } from "../actions";

export const metadata: Metadata = { title: "New offer" };

export default async function NewOfferPage() {
  await requirePagePermission("offers:write");
  const [programmes, pools, partners, segments] = await Promise.all([offerProgrammes(getDb()), listVoucherPools(getDb()), partnerChoices(getDb()), segmentOptions(getDb())]);
  const first = programmes[0];
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href="/offers" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Offers
        </Link>
        <PageHeader title="New offer" description="Five steps; save a draft at any step and come back to it. Another user approves it before it earns." />
      </div>
      {first ? (
        <OfferWizard
          offerId={null}
          pools={pools.map((p) => ({ id: p.id, name: p.name, left: p.left }))}
          programmes={programmes}
          partners={partners}
          segments={segments}
          // Starts today at midnight in the programme's time zone.
          initialValues={emptyFormValues(first.id, `${isoToLocal(new Date().toISOString(), first.timeZone).slice(0, 10)}T00:00`)}
          initialStep={1}
          programmeLocked={false}
          heading="New offer"
          actions={{ save: saveOfferDraftAction, submit: submitOfferAction }}
        />
      ) : (
        <Card>
          <EmptyState icon={Layers} title="No programme yet" action={<Link href="/programs" className="text-[13px] font-medium text-indigo-700 hover:underline">Go to programmes</Link>}>
            Offers belong to a programme. Create a programme first.
          </EmptyState>
        </Card>
      )}
    </div>
  );
}
