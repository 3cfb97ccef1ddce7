import { ArrowLeft, Hourglass, Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { emptyFormValues, fromDefinition } from "@/components/offers/form-values";
import { OfferWizard } from "@/components/offers/offer-wizard";
import { convertContext } from "@/components/offers/types";
import type { StepNumber } from "@/components/offers/wizard-schema";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { offerProgrammes } from "@/lib/offers/queries";
import { partnerChoices } from "@/lib/partners";
import { segmentOptions } from "@/lib/segments";
import { listVoucherPools } from "@/lib/vouchers";
import { saveOfferDraftAction, submitOfferAction } from "../../actions";
import { EditLiveButton } from "../approval-buttons";
import { loadOffer } from "../load-offer";

type Params = Promise<{ offerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("offers:write");
  const { offer } = await loadOffer((await params).offerId);
  return { title: `Edit ${offer.name || "offer"}` };
}

export default async function EditOfferPage({ params }: { params: Params }) {
  await requirePagePermission("offers:write");
  const { offer, programme } = await loadOffer((await params).offerId);
  const back = `/offers/${offer.id}`;
  const version = offer.liveVersion === null ? null : offer.liveVersion + 1;
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  let body: React.ReactNode;
  if (offer.status === "ended") {
    body = (
      <EmptyState icon={Lock} title="This offer has ended" action={<Link href={back} className={secondary}>Back to the offer</Link>}>
        An ended offer cannot be edited. Create a new offer instead.
      </EmptyState>
    );
  } else if (offer.pendingVersion !== null) {
    body = (
      <EmptyState icon={Hourglass} title={`Version ${offer.pendingVersion} is waiting for approval`} action={<Link href={back} className={secondary}>Back to the offer</Link>}>
        It cannot be edited while it waits. It can be approved, or rejected (or withdrawn by its author) to edit it again.
      </EmptyState>
    );
  } else if (!offer.draft && offer.liveVersion !== null) {
    body = (
      <EmptyState icon={Lock} title={`Version ${offer.liveVersion} is live`} action={<EditLiveButton offerId={offer.id} liveVersion={offer.liveVersion} />}>
        Edit it as a new version: version {offer.liveVersion} keeps earning until the new one is approved.
      </EmptyState>
    );
  }

  const [programmes, pools, partners, segments] = body ? [[], [], [], []] : await Promise.all([offerProgrammes(getDb()), listVoucherPools(getDb()), partnerChoices(getDb()), segmentOptions(getDb())]);
  const ctx = convertContext(programme);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href={back} className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> {offer.name || "Offer"}
        </Link>
        <PageHeader
          title={version === null ? `Edit draft: ${offer.name || "untitled"}` : `Edit ${offer.name}: version ${version}`}
          description={
            version === null
              ? "Save a draft at any step and come back to it. Another user approves it before it earns."
              : `Version ${offer.liveVersion} keeps earning while you edit; version ${version} replaces it once another user approves it.`
          }
        />
      </div>
      {body ? (
        <Card>{body}</Card>
      ) : (
        <OfferWizard
          offerId={offer.id}
          pools={pools.map((p) => ({ id: p.id, name: p.name, left: p.left }))}
          programmes={programmes.length > 0 ? programmes : [programme]}
          partners={partners}
          segments={segments}
          initialValues={fromDefinition(offer.draft, emptyFormValues(programme.id, ""), ctx)}
          initialStep={Math.min(5, Math.max(1, offer.draftStep)) as StepNumber}
          programmeLocked
          heading={`Edit ${offer.name}`}
          actions={{ save: saveOfferDraftAction, submit: submitOfferAction }}
        />
      )}
    </div>
  );
}
