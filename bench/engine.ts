/**
 * Offer engine throughput on one core, printed (not a timed test):
 *   node --conditions=react-server --import tsx bench/engine.ts
 * Builds 50 active offers of every kind (flat, percentage, slab whole and banded, line items, milestones,
 * caps, partner points, cashback, vouchers, member filters), compiles them, then evaluates generated
 * transactions against all of them. An "offer evaluation" is one transaction × one offer.
 * Every outcome is complete (narration and explanation rendered). Rates are per CPU-second of the process,
 * so they hold when other processes share the machine. BENCH_TRANSACTIONS sets the number of transactions
 * (default 200,000).
 */
import {
  type CalculationRule,
  compileBaseRule,
  compileOffer,
  type CompiledOffer,
  evaluateTransaction,
  type MemberContext,
  type OfferDefinition,
  type OfferUsage,
  type TrackerDefinition,
  trackerKey,
  type TransactionFilters,
  type TransactionInput,
} from "@/lib/engine";
import { seededRandom } from "@/lib/seed/random";

const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 200_000);
const OFFERS = 50;
const TZ = "Asia/Kolkata";

// The same generator as the demo history, so every run measures the same work.
const random = seededRandom(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const PROGRAM = uuid(1);
const PARTNER = uuid(2);
const POOL = uuid(3);
const TIERS = [uuid(10), uuid(11), uuid(12)];
const CHANNELS = ["pos", "ecommerce", "contactless", "atm"];
const MCCS = ["5411", "5812", "5541", "4511", "7011", "5999"];
const CATEGORIES = ["grocery", "dining", "fuel", "travel", "electronics", "apparel"];
const COUNTRIES = ["IN", "IN", "IN", "IN", "AE", "SG", "US", "GB"];
const MERCHANTS = Array.from({ length: 40 }, (_, i) => `M${i}`);
const SKUS = Array.from({ length: 30 }, (_, i) => `SKU-${i}`);

const rules: (() => CalculationRule)[] = [
  () => ({ kind: "flat", value: int(10, 500) }),
  () => ({ kind: "percentage", rate: pick(["1", "1.5", "2.25", "0.75", "5"]) }),
  () => ({ kind: "percentage", rate: pick(["3", "10", "0.333333"]), capPerTransaction: int(200, 2000) }),
  () => ({ kind: "slab", mode: "whole", bands: [{ from: 0, to: 100_000, rate: "1" }, { from: 100_000, to: 1_000_000, rate: "2" }, { from: 1_000_000, value: 5000 }] }),
  () => ({ kind: "slab", mode: "banded", bands: [{ from: 0, to: 50_000, rate: "0.5" }, { from: 50_000, to: 500_000, rate: "1.25" }, { from: 500_000, rate: "2" }] }),
];

const filterSets: (() => TransactionFilters | undefined)[] = [
  () => undefined,
  () => ({ channels: [pick(CHANNELS), pick(CHANNELS)] }),
  () => ({ mccs: [pick(MCCS), pick(MCCS)] }),
  () => ({ categories: [pick(CATEGORIES)] }),
  () => ({ international: true }),
  () => ({ international: false, minAmount: 50_000 }),
  () => ({ countries: ["AE", "SG"], currency: "INR" }),
  () => ({ merchantIds: MERCHANTS.slice(0, 20) }),
  () => ({ lineItems: { skus: SKUS.slice(0, 10), categories: [] } }),
  () => ({ lineItems: { skus: [], categories: ["grocery", "dairy"] } }),
];

const trackers: TrackerDefinition[] = [
  { metric: "transaction_amount", window: { kind: "calendar_year" } },
  { metric: "visits", window: { kind: "calendar_month" } },
  { metric: "transaction_amount", window: { kind: "calendar_quarter" }, filters: { international: true } },
];

function offerDefinition(i: number): OfferDefinition {
  const outcomeKind = i % 10;
  const outcome: OfferDefinition["outcome"] =
    outcomeKind < 5 ? { type: "reward_points" }
      : outcomeKind < 7 ? { type: "partner_points", partnerId: PARTNER }
        : outcomeKind < 9 ? { type: "cashback", currency: "INR" }
          : { type: "voucher", poolId: POOL };
  const milestone = i % 12 === 11;
  return {
    programId: PROGRAM,
    name: `Offer ${i}`,
    validFrom: "2026-01-01T00:00:00+05:30",
    validUntil: "2028-01-01T00:00:00+05:30",
    funding: i % 4 === 0 ? { kind: "partner", partnerId: PARTNER } : { kind: "bank" },
    trigger: { kind: "transaction" },
    filters: milestone ? undefined : filterSets[i % filterSets.length]!(),
    memberFilters: i % 7 === 3 ? { tierIds: TIERS.slice(0, 2) } : i % 7 === 5 ? { attributes: [{ key: "segment", op: "in", values: ["salaried", "hni"] }] } : undefined,
    target: milestone ? { kind: "milestone", tracker: trackers[i % trackers.length]!, threshold: int(5, 50) * 100_000 } : { kind: "each" },
    outcome,
    rule: outcome.type === "voucher" ? { kind: "flat", value: 1 } : rules[i % rules.length]!(),
    caps: i % 3 === 0 ? { perMember: { limit: 5_000, period: pick(["day", "month", "year", "transaction"] as const) }, budget: 100_000_000 } : undefined,
    posting: i % 5 === 0 ? { method: "claim", claimWindowDays: 30 } : { method: "automatic" },
    narration: "{points} for {amount} {currency} at {merchant} on {date}",
  };
}

function transaction(n: number): TransactionInput {
  const start = Date.parse("2026-03-01T00:00:00Z");
  const withLines = random() < 0.3;
  const lineItems = withLines
    ? Array.from({ length: int(1, 6) }, () => {
      const quantity = int(1, 4);
      const unitPrice = int(50, 20_000);
      return { sku: pick(SKUS), category: pick(["grocery", "dairy", "electronics"]), quantity, unitPrice, amount: quantity * unitPrice };
    })
    : undefined;
  const amount = lineItems ? lineItems.reduce((s, l) => s + l.amount, 0) : int(100, 2_000_000);
  return {
    externalId: `T${n}`, type: "purchase", amount, currency: "INR",
    occurredAt: new Date(start + int(0, 270 * 86_400) * 1000),
    channel: pick(CHANNELS), merchantId: pick(MERCHANTS), merchantName: "Merchant", mcc: pick(MCCS), category: pick(CATEGORIES),
    country: pick(COUNTRIES), lineItems,
  };
}

function main() {
  const definitions = Array.from({ length: OFFERS }, (_, i) => offerDefinition(i));
  const compileStart = performance.now();
  const offers: CompiledOffer[] = definitions.map((definition, i) =>
    compileOffer({ offerId: `offer-${i}`, version: 1, definition }, { homeCountry: "IN", partnerConversion: "0.4" }));
  const compileMs = performance.now() - compileStart;
  const baseRules = [compileBaseRule({ programId: PROGRAM, definition: { rule: { kind: "percentage", rate: "0.5" }, narration: "{points} base points" } })];

  const member: MemberContext = { programIds: [PROGRAM], tierIdByProgram: { [PROGRAM]: TIERS[0]! }, attributes: { segment: "salaried" } };
  const usage: Record<string, OfferUsage> = {};
  offers.forEach((o, i) => {
    if (i % 3 === 0) usage[o.offerId] = { memberUsedInPeriod: { "2026-06": 2_000, "2026": 4_000 }, budgetUsed: 1_000_000, milestonePeriodsAwarded: [] };
  });
  const trackerState = Object.fromEntries(trackers.map((t) => [trackerKey(t), { periodKey: "2026", value: 400_000 }]));
  const txs = Array.from({ length: TRANSACTIONS }, (_, n) => transaction(n));
  const run = (tx: TransactionInput) =>
    evaluateTransaction({ offers, baseRules, member, transaction: tx, trackers: trackerState, usage, timeZone: TZ, now: tx.occurredAt });

  // Warm up the JIT and the time-zone formatter.
  let outcomes = 0;
  for (let i = 0; i < Math.min(20_000, txs.length); i++) outcomes += run(txs[i]!).outcomes.length;

  outcomes = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < txs.length; i++) outcomes += run(txs[i]!).outcomes.length;
  const cpu = process.cpuUsage(cpuStart);
  const wallSeconds = (performance.now() - start) / 1000;
  // CPU time of the process (the evaluating thread plus V8's GC helpers): the figure does not drop when other
  // processes share the machine, and never flatters the engine (GC helper time counts against it).
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const seconds = cpuSeconds;

  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log(`compiled ${OFFERS} offers in ${compileMs.toFixed(1)} ms`);
  console.log(
    `${fmt(txs.length)} transactions, ${fmt(outcomes)} outcomes (${(outcomes / txs.length).toFixed(2)} per transaction), ` +
      `${cpuSeconds.toFixed(2)} s CPU, ${wallSeconds.toFixed(2)} s wall`,
  );
  console.log(`offer evaluations per second (${OFFERS} active offers): ${fmt((txs.length * OFFERS) / seconds)}`);
  console.log(`transactions per second: ${fmt(txs.length / seconds)}`);
}

main();
