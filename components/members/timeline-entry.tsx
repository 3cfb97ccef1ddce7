import {
  ArrowDownLeft,
  ArrowUpRight,
  Award,
  CalendarClock,
  CreditCard,
  Gift,
  type LucideIcon,
  Medal,
  PenLine,
  RefreshCw,
  RotateCcw,
  Sparkles,
  Undo2,
} from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { ProgrammePoints, TimelineItem } from "@/lib/members/timeline-details";
import { formatOutcomeValue, OUTCOME_TYPE_LABELS, stateOf } from "./fulfilment-format";

/** How one timeline entry reads: an icon, a title, its points or amount, a programme, and details. */
type Shape = { icon: LucideIcon; tone: BadgeTone; title: ReactNode; amount?: ReactNode; programmes?: string[]; details?: ReactNode; more?: ReactNode };

const ENTRY_KINDS: Record<string, string> = {
  award: "Points awarded",
  award_reversal: "Points taken back after a refund",
  debt_repayment: "Points debt repaid",
  redemption_reversal: "Redemption reversed: points returned",
  expiry: "Points expired",
};
const ADJUSTMENT_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  pending_approval: { label: "Waiting for approval", tone: "warning" },
  posted: { label: "Posted", tone: "success" },
  rejected: { label: "Rejected", tone: "neutral" },
};

const signed = (points: number) => `${points > 0 ? "+" : points < 0 ? "−" : ""}${formatPoints(Math.abs(points))}`;
const words = (code: string) => code.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

function Points({ value, noun = true }: { value: number; noun?: boolean }) {
  return (
    <span className={value < 0 ? "text-red-700" : "text-emerald-700"}>
      {signed(value)}
      {noun && <span className="font-normal text-slate-500"> {Math.abs(value) === 1 ? "point" : "points"}</span>}
    </span>
  );
}

function Breakup({ rows }: { rows: ProgrammePoints[] }) {
  return <>{rows.map((b) => `${b.programCode} ${formatPoints(b.points)}`).join(" · ")}</>;
}

const sum = (rows: ProgrammePoints[]) => rows.reduce((s, r) => s + r.points, 0);

function shapeOf(item: TimelineItem, memberLink: (id: string) => string): Shape {
  switch (item.kind) {
    case "transaction":
      return {
        icon: CreditCard,
        tone: "neutral",
        title: (
          <>
            {item.type === "refund" ? "Refund" : "Purchase"}
            {item.merchantName ? ` at ${item.merchantName}` : ""}
          </>
        ),
        amount: <span className="text-slate-900">{formatMoney(item.amount, item.currency)}</span>,
        details: (
          <>
            <span className="font-mono">{item.externalId}</span>
            {[item.mcc && `MCC ${item.mcc}`, item.category, item.country, item.channel].filter(Boolean).map((t) => ` · ${t}`)}
            {" · occurred "}
            <DateTime value={item.occurredAt} />
            {item.refundedAmount > 0 && <> · {formatMoney(item.refundedAmount, item.currency)} refunded</>}
          </>
        ),
        more:
          item.lineItems.length > 0 ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-indigo-700">
                {item.lineItems.length} line {item.lineItems.length === 1 ? "item" : "items"}
              </summary>
              <table className="mt-1 text-xs">
                <thead className="text-slate-500">
                  <tr>
                    <th className="pr-4 text-left font-medium">SKU</th>
                    <th className="pr-4 text-left font-medium">Category</th>
                    <th className="pr-4 text-right font-medium">Qty</th>
                    <th className="text-right font-medium">Amount</th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {item.lineItems.map((l, i) => (
                    <tr key={i}>
                      <td className="pr-4 font-mono">{l.sku}</td>
                      <td className="pr-4">{l.category ?? "—"}</td>
                      <td className="pr-4 text-right">{formatPoints(l.quantity)}</td>
                      <td className="text-right">{formatMoney(l.amount, item.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : undefined,
      };
    case "activity":
      return { icon: Sparkles, tone: "neutral", title: `Activity: ${item.customType ?? words(item.type)}`, details: <>occurred <DateTime value={item.occurredAt} /></> };
    case "award":
      if (item.origin === "ledger") {
        return {
          icon: Award,
          tone: "success",
          title: item.memo ? `Points awarded: ${item.memo}` : "Points awarded",
          amount: <Points value={sum(item.points)} />,
          programmes: item.points.map((p) => p.programCode),
          details: <>by {item.actor}{item.reference && <> · reference <span className="font-mono">{item.reference}</span></>}</>,
        };
      }
      return {
        icon: item.outcomeType === "voucher" ? Gift : Award,
        tone: "success",
        title: (
          <>
            {OUTCOME_TYPE_LABELS[item.outcomeType] ?? item.outcomeType}
            {item.offerName ? ` from “${item.offerName}” (version ${item.offerVersion})` : item.outcomeType === "reward_points" ? " from the base earn rule" : ""}{" "}
            <Badge tone={stateOf(item.state).tone}>{stateOf(item.state).label}</Badge>
          </>
        ),
        amount:
          item.outcomeType === "reward_points" ? (
            <Points value={item.value} />
          ) : (
            <span className="text-emerald-700">{formatOutcomeValue(item.outcomeType, item.value, item.currency, item.partnerCurrency)}</span>
          ),
        programmes: item.programCode ? [item.programCode] : [],
        details: (
          <>
            “{item.narration}”{item.partnerName && <> · credited to {item.partnerName}</>}
            {item.voucherCode && <> · code <span className="font-mono">{item.voucherCode}</span></>}
            {item.transactionExternalId && <> · for <span className="font-mono">{item.transactionExternalId}</span></>}
            {item.reversedValue > 0 && <> · {formatOutcomeValue(item.outcomeType, item.reversedValue, item.currency, item.partnerCurrency)} taken back</>}
            {item.postingMethod === "claim" && " · the member claims it"}
          </>
        ),
        more:
          item.explanation.length > 0 ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-indigo-700">Why this amount</summary>
              <ul className="mt-1 list-disc pl-5">
                {item.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          ) : undefined,
      };
    case "fulfilment":
      return {
        icon: RefreshCw,
        tone: stateOf(item.toState).tone,
        title: (
          <>
            {OUTCOME_TYPE_LABELS[item.outcomeType] ?? item.outcomeType} {item.fromState === item.toState ? <Badge tone={stateOf(item.toState).tone}>{stateOf(item.toState).label}</Badge> : <><Badge tone={stateOf(item.fromState).tone}>{stateOf(item.fromState).label}</Badge> → <Badge tone={stateOf(item.toState).tone}>{stateOf(item.toState).label}</Badge></>}
          </>
        ),
        amount: <span className="text-slate-700">{formatOutcomeValue(item.outcomeType, item.value, item.currency, item.partnerCurrency)}</span>,
        details: (
          <>
            {item.reason ?? "State changed"} · by {item.actor}
            {item.offerName && <> · “{item.offerName}”</>}
          </>
        ),
      };
    case "redemption":
      return {
        icon: Gift,
        tone: "accent",
        title: (
          <>
            {item.groupRedemption ? "Group redemption" : "Redemption"} {item.reversedAt && <Badge tone="neutral">Reversed</Badge>}
          </>
        ),
        amount: <Points value={-item.points} />,
        programmes: item.breakup.map((b) => b.programCode),
        details: (
          <>
            Worth {formatMoney(item.currencyValueMinor, item.currency)}
            {item.groupRedemption && item.breakup.length > 0 && (
              <>
                {" · by programme: "}
                <span data-testid="redemption-breakup">
                  <Breakup rows={item.breakup} />
                </span>
              </>
            )}
            {item.externalReference && <> · reference <span className="font-mono">{item.externalReference}</span></>}
          </>
        ),
      };
    case "transfer":
      return {
        icon: item.direction === "out" ? ArrowUpRight : ArrowDownLeft,
        tone: "accent",
        title: (
          <>
            {item.direction === "out" ? "Transferred to " : "Received from "}
            <Link href={memberLink(item.otherMemberId)} className="font-mono text-indigo-700 hover:underline">
              {item.otherExternalId}
            </Link>
          </>
        ),
        amount: <Points value={item.direction === "out" ? -item.points : item.points} />,
        programmes: item.direction === "out" ? item.breakup.map((b) => b.programCode) : item.toProgramCode ? [item.toProgramCode] : [],
        details: item.direction === "out" && item.breakup.length > 1 ? <>From: <Breakup rows={item.breakup} /></> : item.toProgramCode ? <>Into {item.toProgramCode}</> : undefined,
      };
    case "expiry":
    case "reversal":
      return {
        icon: item.kind === "expiry" ? CalendarClock : item.entryKind === "redemption_reversal" ? Undo2 : RotateCcw,
        tone: item.kind === "expiry" ? "warning" : "neutral",
        title: ENTRY_KINDS[item.entryKind] ?? words(item.entryKind),
        amount: <Points value={sum(item.points)} />,
        programmes: item.points.map((p) => p.programCode),
        details: <>{[item.memo, `by ${item.actor}`].filter(Boolean).join(" · ")}</>,
      };
    case "adjustment": {
      const status = ADJUSTMENT_STATUS[item.status] ?? { label: item.status, tone: "neutral" as const };
      return {
        icon: PenLine,
        tone: "accent",
        title: (
          <>
            Goodwill {item.direction}: {words(item.reasonCode)} <Badge tone={status.tone}>{status.label}</Badge>
          </>
        ),
        amount: <Points value={item.direction === "debit" ? -item.points : item.points} />,
        programmes: item.programCode ? [item.programCode] : [],
        details: (
          <>
            “{item.note}” · requested by {item.requestedBy}
            {item.decidedBy && <> · {item.status === "rejected" ? "rejected" : "approved"} by {item.decidedBy}</>}
            {item.decisionNote && <> (“{item.decisionNote}”)</>}
          </>
        ),
      };
    }
    case "tier":
      return {
        icon: Medal,
        tone: "accent",
        title: item.fromTier ? `Tier changed: ${item.fromTier} → ${item.toTier}` : `Tier: ${item.toTier}`,
        programmes: item.programCode ? [item.programCode] : [],
        details: <>{item.reason} · by {item.actor}</>,
      };
  }
}

const ICON_TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-600",
  accent: "bg-indigo-50 text-indigo-600",
  success: "bg-emerald-50 text-emerald-600",
  warning: "bg-amber-50 text-amber-700",
  danger: "bg-red-50 text-red-600",
};

/** One entry of the member's timeline, as a list item. */
export function TimelineEntry({ item }: { item: TimelineItem }) {
  const shape = shapeOf(item, (id) => `/members/${id}/timeline`);
  const Icon = shape.icon;
  return (
    <li className="flex gap-3 px-4 py-3" data-testid="timeline-entry" data-kind={item.kind}>
      <span className={`mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full ${ICON_TONES[shape.tone]}`} aria-hidden="true">
        <Icon className="size-3.5" />
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="text-sm font-medium text-slate-900">{shape.title}</p>
          {shape.amount && <p className="text-sm font-semibold whitespace-nowrap tabular-nums">{shape.amount}</p>}
        </div>
        <p className="text-[13px] text-slate-600">{shape.details}</p>
        {shape.more && <div className="text-[13px] text-slate-600">{shape.more}</div>}
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <DateTime value={item.at} />
          {shape.programmes?.map((code) => (
            <Badge key={code} tone="neutral" className="font-mono">
              {code}
            </Badge>
          ))}
        </p>
      </div>
    </li>
  );
}
