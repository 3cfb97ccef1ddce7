import { formatMoney } from "@/components/programs/format";
import type { SegmentDefinition } from "@/lib/segments/definition";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthLabel = (ym: string) => `${MONTH_NAMES[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** A segment's conditions in plain sentences (all must hold). */
export function describeSegment(d: SegmentDefinition, labels: { programs: Record<string, string>; tiers: Record<string, string> }): string[] {
  const out: string[] = [];
  if (d.programId) {
    const programme = labels.programs[d.programId] ?? "a programme that no longer exists";
    const tiers = (d.tierIds ?? []).map((t) => labels.tiers[t] ?? "a removed tier");
    out.push(tiers.length > 0 ? `Enrolled in ${programme}, in the ${tiers.join(", ")} tier${tiers.length > 1 ? "s" : ""}.` : `Enrolled in ${programme}.`);
  }
  if (d.spend) {
    const w = d.spend.window;
    const window =
      w.kind === "last_months" ? (w.months === 1 ? "this month" : `the last ${w.months} months (this month included)`) : w.from === w.to ? monthLabel(w.from) : `${monthLabel(w.from)} to ${monthLabel(w.to)}`;
    out.push(`Spent ${d.spend.op === "gte" ? "at least" : "at most"} ${formatMoney(d.spend.amount, d.spend.currency)} in ${window}.`);
  }
  for (const a of d.attributes ?? []) {
    out.push(a.op === "exists" ? `Has a ${a.key} attribute.` : `${a.key} is ${a.op === "neq" ? "not " : ""}“${a.value}”.`);
  }
  if (out.length === 0) out.push("Every member.");
  return out;
}
