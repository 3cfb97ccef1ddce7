import "server-only";
import { and, asc, between, eq, inArray, sql, type Column } from "drizzle-orm";
import { memberPrograms, members, memberTrackers, offerMemberUsage, offerMilestones, offers, transactions, fulfilments } from "@/db/schema";
import { clientOf, type DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { addDays, dayKey, evaluateTransaction, localDate, monthKey, periodKey, yearKey, type CompiledOffer, type MemberContext, type Outcome } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { awardPointsBatch } from "@/lib/ledger/award";
import { repayDebt } from "@/lib/ledger/take-back";
import { liveOffers, type LiveOffers } from "@/lib/offers/cache";
import { loadMemberSegments } from "@/lib/segments/membership";
import { tierEarnContext, tierRules, upgradeTiers } from "@/lib/tiers";
import { decideFunding, fundingPartnersOf, loadPartnerFunds, spendFundingPlans, type FundingPlan } from "@/lib/partners/funding";
import { newFulfilment, recordFulfilments, toAwardView, type AwardView } from "./fulfil";
import { checkTransaction, type IngestInput, type IngestResult } from "./ingest";

export type IngestOutcome = { ok: true; result: IngestResult } | { ok: false; error: DomainError };

type Usage = { memberUsedInPeriod: Record<string, number>; budgetUsed: number; milestonePeriodsAwarded: string[] };
type MemberState = { context: MemberContext; debts: Map<string, number>; timeZone: string; trackers: Map<string, Map<string, number>>; usage: Map<string, Usage> };

/**
 * Records many transactions in the caller's transaction, set-based: one insert of the transactions
 * (repeats recognised by external id), one lock of every member's balance rows (in member, programme
 * order, as every spend locks them), the members' trackers, caps, milestones and the budgets read
 * once (budget rows locked in offer order), every transaction evaluated in order in memory, then one
 * statement each for the awards, the fulfilments, the trackers and the usage. A transaction of a
 * member who is not enrolled, or a repeat with other details, gets its error and writes nothing.
 */
export async function ingestMany(tx: DbOrTx, actor: Actor, inputs: readonly IngestInput[], now: Date): Promise<IngestOutcome[]> {
  const out: (IngestOutcome | null)[] = inputs.map((input) => {
    const error = checkTransaction(input, now);
    return error ? { ok: false, error } : null;
  });
  const live = await liveOffers(tx);
  const tiers = await tierRules(tx);
  const states = await loadMembers(tx, [...new Set(inputs.filter((_, i) => !out[i]).map((input) => input.memberId))], live);
  inputs.forEach((input, i) => {
    if (!out[i] && !states.has(input.memberId)) out[i] = { ok: false, error: new DomainError("member_not_enrolled", "The member is not enrolled in any programme.", { member_id: input.memberId }) };
  });
  const accepted = inputs.flatMap((_, i) => (out[i] ? [] : [i]));
  const inserted = await insertTransactions(tx, accepted.map((i) => inputs[i]!));
  const seen = new Set<string>();
  const fresh: number[] = [];
  for (const i of accepted) {
    const externalId = inputs[i]!.externalId;
    if (inserted.has(externalId) && !seen.has(externalId)) fresh.push(i);
    seen.add(externalId);
  }
  const earning = fresh;
  const candidatesOf = (m: MemberState) => live.offers.filter((o) => m.context.programIds.includes(o.programId));
  // Locks in the same order everywhere: members' balance rows, then partners, then budget rows.
  const funds = await loadPartnerFunds(tx, fundingPartnersOf(earning.map((i) => states.get(inputs[i]!.memberId)!).flatMap(candidatesOf)));
  const budgets = await loadState(tx, earning.map((i) => inputs[i]!), states, live);
  const budgetsBefore = new Map(budgets);

  // Evaluate in order; caps, budgets, milestones and trackers carry from one transaction to the next.
  const granted: Granted[] = [];
  const trackerDeltas = new Map<string, number>();
  for (const i of earning) {
    const input = inputs[i]!;
    const m = states.get(input.memberId)!;
    const candidates = candidatesOf(m);
    const trackerState: Record<string, { periodKey: string; value: number }> = {};
    for (const o of candidates) if (o.milestone) trackerState[o.milestone.tracker.key] = trackerValue(m, o, input.occurredAt);
    const usage: Record<string, Usage> = {};
    for (const o of candidates) {
      const u = usageOf(m, o.offerId);
      usage[o.offerId] = { memberUsedInPeriod: u.memberUsedInPeriod, budgetUsed: budgets.get(o.offerId) ?? 0, milestonePeriodsAwarded: u.milestonePeriodsAwarded };
    }
    const baseRules = m.context.programIds.flatMap((id) => live.baseRules.get(id) ?? []);
    // The member's tiers: their trackers advance with the offers' ones, their multiplier applies to base earn.
    const tier = tierEarnContext(tiers, m.context.programIds, m.context.tierIdByProgram);
    const result = evaluateTransaction({ offers: candidates, baseRules, extraTrackers: tier?.trackers, tierMultipliers: tier?.multipliers, member: m.context, transaction: input, trackers: trackerState, usage, timeZone: m.timeZone, now });
    for (const u of result.trackerUpdates) {
      const tracker = candidates.find((o) => o.milestone?.tracker.key === u.trackerKey)?.milestone!.tracker ?? tier!.trackers.find((t) => t.key === u.trackerKey)!;
      const key = tracker.window.kind === "rolling_days" ? dayKey(localDate(input.occurredAt, m.timeZone)) : u.periodKey;
      const periods = m.trackers.get(u.trackerKey) ?? new Map<string, number>();
      periods.set(key, (periods.get(key) ?? 0) + u.delta);
      m.trackers.set(u.trackerKey, periods);
      const k = JSON.stringify([input.memberId, u.trackerKey, key]);
      trackerDeltas.set(k, (trackerDeltas.get(k) ?? 0) + u.delta);
    }
    for (const o of result.outcomes) {
      // A partner-funded outcome its partner's blocks cannot fund is not granted (nor counted against caps or budget).
      const funding = decideFunding(candidates, o, funds);
      if (funding === null) continue;
      if (o.offerId) {
        const u = usage[o.offerId]!;
        if (o.usage.capPeriodKey) u.memberUsedInPeriod[o.usage.capPeriodKey] = (u.memberUsedInPeriod[o.usage.capPeriodKey] ?? 0) + o.value;
        if (budgets.has(o.offerId)) budgets.set(o.offerId, budgets.get(o.offerId)! + o.value);
        if (o.usage.milestonePeriodKey) u.milestonePeriodsAwarded.push(o.usage.milestonePeriodKey);
      }
      granted.push({ index: i, outcome: o, funding: funding === "unfunded" ? undefined : funding });
    }
  }

  const awardsByIndex = await write(tx, actor, { inputs, inserted, granted, states, trackerDeltas, budgets, budgetsBefore }, now);
  // Under the member_programs locks taken above: a transaction that crosses a tier's threshold upgrades in this transaction.
  await upgradeTiers(tx, actor, tiers, earning.map((i) => inputs[i]!.memberId), now);
  for (const i of earning) out[i] = { ok: true, result: { transactionId: inserted.get(inputs[i]!.externalId)!, repeated: false, awards: awardsByIndex.get(i) ?? [] } };
  await answerRepeats(tx, inputs, out);
  return out as IngestOutcome[];
}

/**
 * Inserts the transactions, repeats left out by external id: one prepared statement whatever their
 * number (the rows travel as one JSON parameter, so the text and its plan never change).
 */
async function insertTransactions(tx: DbOrTx, inputs: readonly IngestInput[]): Promise<Map<string, string>> {
  if (inputs.length === 0) return new Map();
  const rows = inputs.map((input) => ({
    external_id: input.externalId,
    member_id: input.memberId,
    type: input.type,
    amount: input.amount,
    gross_amount: input.grossAmount ?? null,
    currency: input.currency,
    occurred_at: input.occurredAt.toISOString(),
    channel: input.channel ?? null,
    merchant_id: input.merchantId ?? null,
    merchant_name: input.merchantName ?? null,
    mcc: input.mcc ?? null,
    category: input.category ?? null,
    country: input.country ?? null,
    line_items: input.lineItems?.map((l) => ({ sku: l.sku, category: l.category, quantity: l.quantity, unit_price: l.unitPrice, amount: l.amount })) ?? null,
  }));
  // In external id order (stable: a repeat stays behind its first), so two statements inserting the same ids wait, not deadlock.
  rows.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
  const inserted = await clientOf(tx).unsafe<{ id: string; external_id: string }[]>(INSERT_TRANSACTIONS, [JSON.stringify(rows)], { prepare: true });
  return new Map(inserted.map((r) => [r.external_id, r.id]));
}

const INSERT_TRANSACTIONS = `
  insert into transactions (external_id, member_id, type, amount, gross_amount, currency, occurred_at, channel, merchant_id,
    merchant_name, mcc, category, country, line_items)
  select external_id, member_id, type, amount, gross_amount, currency, occurred_at, channel, merchant_id, merchant_name, mcc,
    category, country, line_items
  from json_to_recordset($1::json) as t(external_id text, member_id uuid, type text, amount bigint, gross_amount bigint,
    currency text, occurred_at timestamptz, channel text, merchant_id text, merchant_name text, mcc text, category text,
    country text, line_items jsonb)
  on conflict (external_id) do nothing
  returning id, external_id`;

/** Locks every member's balance rows in one statement, in (member, programme) order. */
async function loadMembers(tx: DbOrTx, memberIds: string[], live: LiveOffers): Promise<Map<string, MemberState>> {
  const states = new Map<string, MemberState>();
  if (memberIds.length === 0) return states;
  const rows = await tx
    .select({ memberId: memberPrograms.memberId, programId: memberPrograms.programId, tierId: memberPrograms.tierId, debt: memberPrograms.debt, attributes: members.attributes })
    .from(memberPrograms)
    .innerJoin(members, eq(members.id, memberPrograms.memberId))
    .where(anyMember(memberPrograms.memberId, memberIds))
    .orderBy(asc(memberPrograms.memberId), asc(memberPrograms.programId))
    .for("update", { of: memberPrograms });
  for (const r of rows) {
    let m = states.get(r.memberId);
    if (!m) {
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.attributes ?? {})) if (v !== null && v !== undefined && typeof v !== "object") attributes[k] = String(v);
      m = { context: { programIds: [], tierIdByProgram: {}, attributes }, debts: new Map(), timeZone: live.programs.get(r.programId)?.timeZone ?? "UTC", trackers: new Map(), usage: new Map() };
      states.set(r.memberId, m);
    }
    (m.context.programIds as string[]).push(r.programId);
    (m.context.tierIdByProgram as Record<string, string>)[r.programId] = r.tierId;
    if (r.debt > 0) m.debts.set(r.programId, r.debt);
  }
  // Segment membership: one query for the batch, only when a live offer targets a segment.
  await loadMemberSegments(tx, live.offers, () => new Map([...states].map(([id, m]) => [id, m.context])));
  return states;
}

/** Reads the members' trackers, caps and milestones for the offers they can earn, and locks the budgets (what they used so far). */
async function loadState(tx: DbOrTx, inputs: IngestInput[], states: Map<string, MemberState>, live: LiveOffers): Promise<Map<string, number>> {
  if (inputs.length === 0) return new Map();
  const memberIds = [...new Set(inputs.map((i) => i.memberId))];
  const programIds = new Set([...states.values()].flatMap((m) => m.context.programIds));
  const offersHere = live.offers.filter((o) => programIds.has(o.programId));
  const trackers = [...new Map(offersHere.flatMap((o) => (o.milestone ? [[o.milestone.tracker.key, o] as const] : []))).values()];
  if (trackers.length > 0) {
    // Calendar periods the transactions fall in, and the day buckets of rolling windows.
    const keys = new Set<string>();
    let from = "9999";
    let to = "0000";
    for (const input of inputs) {
      const m = states.get(input.memberId)!;
      const today = localDate(input.occurredAt, m.timeZone);
      for (const o of trackers) {
        const w = o.milestone!.tracker.window;
        if (w.kind === "rolling_days") {
          const start = dayKey(addDays(today, -(w.days - 1)));
          if (start < from) from = start;
          if (dayKey(today) > to) to = dayKey(today);
        } else keys.add(periodKey(w, input.occurredAt, m.timeZone));
      }
    }
    const trackerKeys = trackers.map((o) => o.milestone!.tracker.key);
    const rows = await tx
      .select()
      .from(memberTrackers)
      .where(
        and(
          anyMember(memberTrackers.memberId, memberIds),
          inArray(memberTrackers.trackerKey, trackerKeys),
          keys.size > 0 && from <= to ? sql`(${inArray(memberTrackers.periodKey, [...keys])} or ${between(memberTrackers.periodKey, from, to)})` : keys.size > 0 ? inArray(memberTrackers.periodKey, [...keys]) : between(memberTrackers.periodKey, from, to),
        ),
      );
    for (const r of rows) {
      const m = states.get(r.memberId)!;
      const periods = m.trackers.get(r.trackerKey) ?? new Map<string, number>();
      periods.set(r.periodKey, r.value);
      m.trackers.set(r.trackerKey, periods);
    }
  }
  const capped = offersHere.filter((o) => o.definition.caps?.perMember).map((o) => o.offerId);
  if (capped.length > 0) {
    const keys = new Set(["all"]);
    for (const input of inputs) {
      const d = localDate(input.occurredAt, states.get(input.memberId)!.timeZone);
      keys.add(dayKey(d)).add(monthKey(d)).add(yearKey(d));
    }
    const rows = await tx
      .select()
      .from(offerMemberUsage)
      .where(and(anyMember(offerMemberUsage.memberId, memberIds), inArray(offerMemberUsage.offerId, capped), inArray(offerMemberUsage.periodKey, [...keys])));
    for (const r of rows) usageOf(states.get(r.memberId)!, r.offerId).memberUsedInPeriod[r.periodKey] = r.used;
  }
  const milestones = offersHere.filter((o) => o.milestone).map((o) => o.offerId);
  if (milestones.length > 0) {
    const rows = await tx.select().from(offerMilestones).where(and(anyMember(offerMilestones.memberId, memberIds), inArray(offerMilestones.offerId, milestones)));
    for (const r of rows) usageOf(states.get(r.memberId)!, r.offerId).milestonePeriodsAwarded.push(r.periodKey);
  }
  const budgeted = offersHere.filter((o) => o.definition.caps?.budget).map((o) => o.offerId).sort();
  if (budgeted.length > 0) {
    // Locked until commit, in offer order: concurrent transactions can never overspend a budget.
    const rows = await tx.select({ id: offers.id, used: offers.budgetUsed }).from(offers).where(inArray(offers.id, budgeted)).orderBy(asc(offers.id)).for("update");
    return new Map(rows.map((r) => [r.id, r.used]));
  }
  return new Map();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `column = any($1::uuid[])`: the members of a chunk as ONE parameter, not hundreds (an IN list of a
 * parameter each costs Drizzle and PostgreSQL time per member, and a new statement text per size).
 */
function anyMember(column: Column, memberIds: readonly string[]) {
  for (const id of memberIds) if (!UUID.test(id)) throw new Error(`not a member id: ${JSON.stringify(id)}`);
  return sql`${column} = any(${`{${memberIds.join(",")}}`}::uuid[])`;
}

function usageOf(m: MemberState, offerId: string): Usage {
  let u = m.usage.get(offerId);
  if (!u) m.usage.set(offerId, (u = { memberUsedInPeriod: {}, budgetUsed: 0, milestonePeriodsAwarded: [] }));
  return u;
}

function trackerValue(m: MemberState, o: CompiledOffer, occurredAt: Date): { periodKey: string; value: number } {
  const tracker = o.milestone!.tracker;
  const periods = m.trackers.get(tracker.key);
  if (tracker.window.kind === "rolling_days") {
    const today = localDate(occurredAt, m.timeZone);
    const from = dayKey(addDays(today, -(tracker.window.days - 1)));
    const to = dayKey(today);
    let value = 0;
    for (const [k, v] of periods ?? []) if (k >= from && k <= to) value += v;
    return { periodKey: "rolling", value };
  }
  const key = periodKey(tracker.window, occurredAt, m.timeZone);
  return { periodKey: key, value: periods?.get(key) ?? 0 };
}

type Granted = { index: number; outcome: Outcome; funding?: FundingPlan };

type Pending = {
  inputs: readonly IngestInput[];
  inserted: Map<string, string>;
  granted: Granted[];
  states: Map<string, MemberState>;
  trackerDeltas: Map<string, number>;
  budgets: Map<string, number>;
  budgetsBefore: Map<string, number>;
};

/** Writes everything the evaluation decided: a handful of statements whatever the number of transactions. */
async function write(tx: DbOrTx, actor: Actor, p: Pending, now: Date): Promise<Map<number, AwardView[]>> {
  const memberOf = (i: number) => p.inputs[i]!.memberId;
  const txId = (i: number) => p.inserted.get(p.inputs[i]!.externalId)!;
  const posting = p.granted.filter((g) => g.outcome.outcomeType === "reward_points" && g.outcome.posting.method === "automatic");
  const awards = await awardPointsBatch(tx, actor, posting.map((g) => ({ memberId: memberOf(g.index), programId: g.outcome.programId!, points: g.outcome.value, reason: g.outcome.narration, externalReference: txId(g.index) })), now);
  const entries = new Map<(typeof p.granted)[number], number>();
  const explanations = new Map<(typeof p.granted)[number], string[]>();
  for (const [k, g] of posting.entries()) {
    const a = awards[k]!;
    if (!a.ok) throw a.error;
    entries.set(g, a.award.entryId);
    const debts = p.states.get(memberOf(g.index))!.debts;
    const owed = debts.get(g.outcome.programId!) ?? 0;
    if (owed > 0) {
      const repaid = await repayDebt(tx, actor, { memberId: memberOf(g.index), programId: g.outcome.programId!, lotId: a.award.lotId, awarded: g.outcome.value, reference: txId(g.index), now });
      debts.set(g.outcome.programId!, owed - repaid);
      explanations.set(g, [...g.outcome.explanation, `${repaid.toLocaleString("en-US")} of these points repaid points taken back after an earlier refund.`]);
    }
  }
  const rows = p.granted.map((g) => ({
    index: g.index,
    f: newFulfilment(g.outcome, { memberId: memberOf(g.index), transactionId: txId(g.index), eventId: null, value: g.outcome.value, explanation: explanations.get(g) ?? g.outcome.explanation, entryId: entries.get(g) ?? null, now }),
  }));
  const settled = await recordFulfilments(tx, actor, rows.map((r) => r.f), now);
  await spendFundingPlans(tx, actor, p.granted.flatMap((g, k) => (g.funding ? [{ plan: g.funding, fulfilment: rows[k]!.f }] : [])), now);

  // Trackers and per-member usage: one prepared upsert each (constant text, planned once), however many rows.
  if (p.trackerDeltas.size > 0) {
    const json = [...p.trackerDeltas].map(([k, value]) => { const [member_id, tracker_key, period_key] = JSON.parse(k) as string[]; return { member_id, tracker_key, period_key, value }; });
    await clientOf(tx).unsafe(UPSERT_TRACKERS, [JSON.stringify(json)], { prepare: true });
  }
  const used = new Map<string, number>();
  for (const { f } of rows) if (f.offerId && f.capPeriodKey) { const k = JSON.stringify([f.memberId, f.offerId, f.capPeriodKey]); used.set(k, (used.get(k) ?? 0) + f.value); }
  if (used.size > 0) {
    const json = [...used].map(([k, v]) => { const [member_id, offer_id, period_key] = JSON.parse(k) as string[]; return { member_id, offer_id, period_key, used: v }; });
    await clientOf(tx).unsafe(UPSERT_USAGE, [JSON.stringify(json)], { prepare: true });
  }
  const won = rows.filter(({ f }) => f.offerId && f.milestonePeriodKey).map(({ f }) => ({ offerId: f.offerId!, memberId: f.memberId, periodKey: f.milestonePeriodKey!, awardedAt: now }));
  if (won.length > 0) await tx.insert(offerMilestones).values(won);
  for (const [offerId, total] of p.budgets) {
    const added = total - (p.budgetsBefore.get(offerId) ?? total);
    if (added > 0) await tx.update(offers).set({ budgetUsed: sql`${offers.budgetUsed} + ${added}` }).where(eq(offers.id, offerId));
  }
  const byIndex = new Map<number, AwardView[]>();
  for (const { index, f } of rows) byIndex.set(index, [...(byIndex.get(index) ?? []), toAwardView(settled.get(f.id) ?? f)]);
  return byIndex;
}

const UPSERT_TRACKERS = `
  insert into member_trackers (member_id, tracker_key, period_key, value)
  select member_id, tracker_key, period_key, value from json_to_recordset($1::json) as t(member_id uuid, tracker_key text, period_key text, value bigint)
  on conflict (member_id, tracker_key, period_key) do update set value = member_trackers.value + excluded.value`;

const UPSERT_USAGE = `
  insert into offer_member_usage (offer_id, member_id, period_key, used)
  select offer_id, member_id, period_key, used from json_to_recordset($1::json) as t(member_id uuid, offer_id uuid, period_key text, used bigint)
  on conflict (member_id, offer_id, period_key) do update set used = offer_member_usage.used + excluded.used`;

/** Repeats answer what the first transaction earned, if they are the same transaction. */
async function answerRepeats(tx: DbOrTx, inputs: readonly IngestInput[], out: (IngestOutcome | null)[]): Promise<void> {
  const repeats = inputs.flatMap((input, i) => (out[i] ? [] : [input.externalId]));
  if (repeats.length === 0) return;
  const firsts = await tx.select().from(transactions).where(inArray(transactions.externalId, repeats));
  const found = firsts.length > 0 ? await tx.select().from(fulfilments).where(inArray(fulfilments.transactionId, firsts.map((t) => t.id))).orderBy(asc(fulfilments.createdAt), asc(fulfilments.id)) : [];
  inputs.forEach((input, i) => {
    if (out[i]) return;
    const first = firsts.find((t) => t.externalId === input.externalId)!;
    if (first.memberId !== input.memberId || first.amount !== input.amount || first.type !== input.type) {
      out[i] = { ok: false, error: new DomainError("conflict", `Transaction ${input.externalId} was already received with other details.`, { external_id: input.externalId, transaction_id: first.id }) };
    } else {
      out[i] = { ok: true, result: { transactionId: first.id, repeated: true, awards: found.filter((f) => f.transactionId === first.id).map(toAwardView) } };
    }
  });
}
