"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { FulfilmentHistoryDialog } from "./fulfilment-history-dialog";
import { formatOutcomeValue, OUTCOME_TYPE_LABELS, stateOf, voucherCodes } from "./fulfilment-format";

export type FulfilmentEvent = { id: number; fromState: string | null; toState: string; reason: string | null; actorLabel: string; at: Date };

export type FulfilmentRow = {
  id: string;
  outcomeType: string;
  value: number;
  reversedValue: number;
  currency: string | null;
  partnerId: string | null;
  partnerName?: string | null;
  partnerCurrency?: string | null;
  voucherCode: string | null;
  state: string;
  postingMethod: string;
  claimExpiresAt: Date | null;
  /** Whether the claim window was still open when the page was rendered. */
  claimOpen: boolean;
  narration: string;
  explanation: string[];
  transactionId: string | null;
  eventId: string | null;
  externalReference: string | null;
  offerId: string | null;
  offerVersion: number | null;
  offerName: string | null;
  programCode: string | null;
  createdAt: Date;
  history: FulfilmentEvent[];
};

const muted = "text-xs text-slate-500";

/** What a state means for this row: the claim window, a delivery under way, or why it failed. */
function stateNote(f: FulfilmentRow): ReactNode {
  const last = f.history.at(-1);
  if (f.state === "pending" && f.postingMethod === "claim") {
    if (f.history.some((e) => e.reason?.startsWith("Claimed"))) return "Claimed; being delivered";
    if (!f.claimExpiresAt) return "Awaiting claim";
    return f.claimOpen ? (
      <>
        Awaiting claim until <DateTime value={f.claimExpiresAt} />
      </>
    ) : (
      <>
        Claim window closed <DateTime value={f.claimExpiresAt} format="date" />
      </>
    );
  }
  if (f.state === "pending") return "Being delivered";
  if (f.state === "failed" && last?.reason) return last.reason;
  if (f.state === "posted" && last?.reason?.startsWith("Reversal of")) return "Reversal requested";
  if (f.state === "posted" && f.reversedValue > 0) return "Partly reversed";
  return null;
}

function OfferCell({ f, linkOffers }: { f: FulfilmentRow; linkOffers: boolean }) {
  if (!f.offerId) {
    return (
      <span className="whitespace-nowrap text-slate-700">
        Base earn rule{f.programCode && <span className="ml-1 font-mono text-xs text-slate-500">{f.programCode}</span>}
      </span>
    );
  }
  const name = f.offerName ?? "Unknown offer";
  const version = f.offerVersion !== null ? <span className="ml-1 text-xs whitespace-nowrap text-slate-500">v{f.offerVersion}</span> : null;
  return linkOffers ? (
    <span>
      <Link href={`/offers/${f.offerId}`} className="font-medium text-indigo-700 hover:underline">
        {name}
      </Link>
      {version}
    </span>
  ) : (
    <span>
      <span className="font-medium text-slate-900">{name}</span>
      {version}
    </span>
  );
}

function fulfilmentColumns(linkOffers: boolean, actions: Record<string, ReactNode> | undefined): ColumnDef<FulfilmentRow, unknown>[] {
  return [
    { id: "when", header: "When", cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
    {
      id: "outcome",
      header: "Outcome",
      cell: ({ row: { original: f } }) => (
        <div className="leading-tight whitespace-nowrap">
          <div className="text-slate-900">{OUTCOME_TYPE_LABELS[f.outcomeType] ?? f.outcomeType}</div>
          {f.outcomeType === "reward_points" && f.programCode && <div className={`${muted} font-mono`}>{f.programCode}</div>}
          {f.outcomeType === "partner_points" && f.partnerId && <div className={muted} title={f.partnerId}>{f.partnerName ?? `Partner ${f.partnerId.slice(0, 8)}`}</div>}
          {f.postingMethod === "claim" && <div className={muted}>On claim</div>}
        </div>
      ),
    },
    {
      id: "value",
      header: "Value",
      meta: { className: "text-right" },
      cell: ({ row: { original: f } }) => {
        const codes = voucherCodes(f.voucherCode);
        return (
          <div className="flex flex-col items-end gap-0.5 leading-tight whitespace-nowrap">
            <span className={f.state === "reversed" || f.state === "failed" ? "text-slate-500 line-through decoration-slate-400" : "font-medium text-slate-900"}>
              {formatOutcomeValue(f.outcomeType, f.value, f.currency, f.partnerCurrency)}
            </span>
            {f.reversedValue > 0 && <span className="text-xs text-amber-800">−{formatOutcomeValue(f.outcomeType, f.reversedValue, f.currency, f.partnerCurrency)} reversed</span>}
            {codes.length > 0 && (
              <ul aria-label="Voucher codes" className="flex flex-col items-end">
                {codes.map((code) => (
                  <li key={code}>
                    <code className="rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-700">{code}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      },
    },
    {
      id: "state",
      header: "State",
      cell: ({ row: { original: f } }) => {
        const { label, tone } = stateOf(f.state);
        const note = stateNote(f);
        return (
          <div className="flex max-w-[220px] flex-col items-start gap-0.5 leading-tight">
            <StatusBadge tone={tone}>{label}</StatusBadge>
            {note && <span className={muted}>{note}</span>}
          </div>
        );
      },
    },
    { id: "offer", header: "Offer", meta: { className: "max-w-[220px]" }, cell: ({ row }) => <OfferCell f={row.original} linkOffers={linkOffers} /> },
    { id: "narration", header: "Narration", meta: { className: "min-w-[200px] max-w-[320px]" }, cell: ({ row }) => <span className="text-slate-700">{row.original.narration}</span> },
    {
      id: "history",
      header: () => <span className="sr-only">History</span>,
      meta: { className: "w-px text-right" },
      cell: ({ row }) => (
        <div className="flex items-center justify-end gap-1">
          {actions?.[row.original.id]}
          <FulfilmentHistoryDialog fulfilment={row.original} />
        </div>
      ),
    },
  ];
}

/**
 * A member's outcomes, newest first, each with its state and a button that opens its history. The
 * columns are made once, so the page refreshing while deliveries are under way keeps an open history dialog open.
 */
export function FulfilmentsTable({
  rows,
  linkOffers,
  empty,
  footer,
  actions,
}: {
  rows: FulfilmentRow[];
  linkOffers: boolean;
  empty: ReactNode;
  footer?: ReactNode;
  /** Buttons shown beside a row's history (claim for the member, retry, reverse), by fulfilment id. */
  actions?: Record<string, ReactNode>;
}) {
  const columns = useMemo(() => fulfilmentColumns(linkOffers, actions), [linkOffers, actions]);
  return (
    <DataTable
      caption="Fulfilments, newest first"
      columns={columns}
      data={rows}
      getRowId={(f) => f.id}
      empty={empty}
      footer={footer}
      rowClassName={(f) => (f.state === "reversed" || f.state === "failed" ? "bg-slate-50/60" : undefined)}
    />
  );
}
