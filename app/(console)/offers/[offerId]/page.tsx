import { ArrowLeft, ChartColumn, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { OfferDetails } from "@/components/offers/offer-details";
import { OfferSummary } from "@/components/offers/offer-summary";
import { OfferStatusBadges, OUTCOME_LABELS } from "@/components/offers/status";
import { VersionsTable } from "@/components/offers/versions-table";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { offerDefinitionSchema, type OfferDefinition } from "@/lib/engine";
import { partnerChoices } from "@/lib/partners";
import { segmentOptions } from "@/lib/segments";
import { listVoucherPools } from "@/lib/vouchers";
import { ApprovalPanel } from "./approval-panel";
import { EditLiveButton } from "./approval-buttons";
import { loadOffer } from "./load-offer";
import { EndOfferButton, PauseResumeButton } from "./status-buttons";

type Params = Promise<{ offerId: string }>;
/** The time of this request (a server component renders once per request), for Scheduled / Expired. */
const requestTime = () => Date.now();

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("offers:read");
  const { offer } = await loadOffer((await params).offerId);
  return { title: offer.name || "Offer" };
}

const parse = (raw: unknown): OfferDefinition | null => {
  const parsed = offerDefinitionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

export default async function OfferPage({ params }: { params: Params }) {
  const user = await requirePagePermission("offers:read");
  const { offer, programme, versions } = await loadOffer((await params).offerId);
  const canWrite = can(user.roles, "offers:write");
  const canApprove = can(user.roles, "offers:approve");
  const usesPool = [offer.draft, ...versions.map((v) => v.definition)].some((d) => (d as { outcome?: { type?: unknown } } | null)?.outcome?.type === "voucher");
  const [pools, partners, segments] = await Promise.all([usesPool ? listVoucherPools(getDb()) : [], partnerChoices(getDb()), segmentOptions(getDb())]);
  const live = versions.find((v) => v.version === offer.liveVersion) ?? null;
  const pending = versions.find((v) => v.version === offer.pendingVersion) ?? null;
  const liveDefinition = live ? parse(live.definition) : null;
  const pendingDefinition = pending ? parse(pending.definition) : null;
  const draftDefinition = offer.draft && !pending ? parse(offer.draft) : null;
  const shown = liveDefinition ?? pendingDefinition ?? draftDefinition;
  const raw = (shown ?? offer.draft ?? {}) as Partial<OfferDefinition>;
  const nowMs = requestTime();
  const ended = offer.status === "ended";
  const nextVersion = (versions[0]?.version ?? 0) + 1;
  const editable = canWrite && !ended && offer.pendingVersion === null;
  const outcomeType = offer.outcomeType ?? (typeof raw.outcome?.type === "string" ? raw.outcome.type : null);
  const outcomeCurrency = raw.outcome?.type === "cashback" ? raw.outcome.currency : null;

  const performance = can(user.roles, "reports:read") && offer.liveVersion !== null && (
    <Link href={`/reports/offers/${offer.id}`} className={buttonVariants({ variant: "ghost" })} data-testid="offer-performance">
      <ChartColumn aria-hidden="true" /> Performance
    </Link>
  );
  const actions = canWrite ? (
    <>
      {performance}
      {editable && offer.draft && (
        <Link href={`/offers/${offer.id}/edit`} className={buttonVariants({ variant: offer.liveVersion === null ? "primary" : "secondary" })} data-testid="edit-draft">
          <Pencil aria-hidden="true" />
          {offer.liveVersion === null ? "Edit draft" : `Edit draft of version ${nextVersion}`}
        </Link>
      )}
      {editable && !offer.draft && offer.liveVersion !== null && <EditLiveButton offerId={offer.id} liveVersion={offer.liveVersion} />}
      {offer.status === "active" && <PauseResumeButton offerId={offer.id} change="pause" />}
      {offer.status === "paused" && <PauseResumeButton offerId={offer.id} change="resume" />}
      {["active", "paused", "approved"].includes(offer.status) && <EndOfferButton offerId={offer.id} name={offer.name} />}
    </>
  ) : undefined;

  const summaries: { key: string; title: string; definition: OfferDefinition | null; note?: React.ReactNode }[] = [];
  if (pending) summaries.push({ key: "pending", title: `Version ${pending.version} — awaiting approval`, definition: pendingDefinition });
  if (live) summaries.push({ key: "live", title: `Live version ${live.version}`, definition: liveDefinition });
  if (offer.draft && !pending) {
    summaries.push({
      key: "draft",
      title: offer.liveVersion === null ? "Draft" : `Draft of version ${nextVersion}`,
      definition: draftDefinition,
      note: draftDefinition ? undefined : (
        <>
          The draft is not complete yet: it was saved at step {offer.draftStep} of 5.
          {editable && (
            <>
              {" "}
              <Link href={`/offers/${offer.id}/edit`} className="text-indigo-700 hover:underline">
                Continue editing
              </Link>
              .
            </>
          )}
        </>
      ),
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <Link href="/offers" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Offers
        </Link>
        <PageHeader
          title={
            <span className="flex flex-wrap items-center gap-2">
              {offer.name || "Untitled draft"}
              <OfferStatusBadges offer={{ status: offer.status, pendingVersion: offer.pendingVersion, validFrom: raw.validFrom ?? null, validUntil: raw.validUntil ?? null }} nowMs={nowMs} />
            </span>
          }
          description={[
            `${programme.name} (${programme.code})`,
            outcomeType ? OUTCOME_LABELS[outcomeType] : null,
            offer.liveVersion !== null ? `version ${offer.liveVersion} live` : "never approved",
          ]
            .filter(Boolean)
            .join(" · ")}
          actions={actions ?? (performance || undefined)}
        />
      </div>

      {pending && <ApprovalPanel offerId={offer.id} name={offer.name} pending={pending} canApprove={canApprove} canWrite={canWrite} userId={user.id} />}

      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          {summaries.map((s) => (
            <Card key={s.key}>
              <CardHeader>
                <CardTitle>{s.title}</CardTitle>
              </CardHeader>
              <CardContent>
                {s.definition ? <OfferSummary definition={s.definition} programme={programme} pools={pools} partners={partners} segments={segments} /> : <p className="text-[13px] text-slate-600">{s.note ?? "This version cannot be read by this release."}</p>}
              </CardContent>
            </Card>
          ))}
        </div>
        <OfferDetails
          offer={{
            programme,
            outcomeType,
            outcomeCurrency,
            validFrom: raw.validFrom ?? null,
            validUntil: raw.validUntil ?? null,
            funding: raw.funding ? (raw.funding.kind === "bank" ? "The bank" : `Partner ${raw.funding.partnerId}`) : null,
            budget: offer.budget,
            budgetUsed: offer.budgetUsed,
            live: offer.liveVersion !== null,
            createdAt: offer.createdAt,
            updatedAt: offer.updatedAt,
          }}
        />
      </div>

      <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="versions-heading">Versions</span>}
          description="Every submitted definition, newest first. A version is immutable once submitted; each award records the version that produced it."
        />
        <VersionsTable
          rows={versions.map((v) => ({
            version: v.version,
            status: v.status,
            submittedByName: v.submittedByName,
            submittedAt: v.submittedAt,
            decidedByName: v.decidedByName,
            decidedAt: v.decidedAt,
            decisionNote: v.decisionNote,
            live: v.version === offer.liveVersion,
          }))}
        />
      </section>
    </div>
  );
}
