import "server-only";
import type { Member, Program, Redemption, Transfer } from "@/db/schema";
import type { MemberPoints } from "@/lib/ledger/balances";
import type { PartnerView } from "@/lib/partners";
import type { PartnerEarnResult } from "@/lib/partners/earn";
import type { AwardView } from "@/lib/transactions/fulfil";
import { isoTime } from "./endpoint";

/** Domain rows to the snake_case JSON of the public API. */

export const programJson = (p: Program) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  is_default: p.isDefault,
  points_to_currency: p.pointsToCurrency.replace(/\.?0+$/, "") || "0",
  currency: p.currency,
  time_zone: p.timeZone,
  redemption_rules: { min_points: p.minRedemptionPoints, max_points: p.maxRedemptionPoints, multiple_of: p.redemptionMultipleOf },
});

export const memberJson = (m: Member, programs: { programId: string; tierName: string; enrolledAt: Date }[]) => ({
  id: m.id,
  external_id: m.externalId,
  first_name: m.firstName,
  last_name: m.lastName,
  email: m.email,
  phone: m.phone,
  attributes: m.attributes,
  programs: programs.map((p) => ({ program_id: p.programId, tier: p.tierName, enrolled_at: isoTime(p.enrolledAt) })),
  created_at: isoTime(m.createdAt),
});

const balancesJson = (b: MemberPoints["group"]) => ({
  current: b.current,
  pending: b.pending,
  redeemed: b.redeemed,
  expired: b.expired,
  transferred_in: b.transferredIn,
  transferred_out: b.transferredOut,
  lifetime: b.lifetime,
});

export const memberPointsJson = (memberId: string, points: MemberPoints) => ({
  member_id: memberId,
  programs: points.programs.map((p) => ({ program_id: p.programId, tier: p.tierName, ...balancesJson(p) })),
  group: balancesJson(points.group),
  expiry_schedule: points.expirySchedule.map((l) => ({
    program_id: l.programId,
    awarded_at: isoTime(l.awardedAt),
    expires_at: l.expiresAt ? isoTime(l.expiresAt) : null,
    points_left: l.pointsLeft,
  })),
});

export const redemptionJson = (r: Redemption) => ({
  id: r.id,
  member_id: r.memberId,
  program_id: r.programId,
  group_redemption: r.groupRedemption,
  points: r.points,
  currency_value: r.currencyValueMinor,
  currency: r.currency,
  external_reference: r.externalReference,
  redemption_breakup_by_program: r.breakupByProgram,
  reversed_at: r.reversedAt ? isoTime(r.reversedAt) : null,
  created_at: isoTime(r.createdAt),
});

export const transferJson = (t: Transfer) => ({
  id: t.id,
  from_member_id: t.fromMemberId,
  to_member_id: t.toMemberId,
  to_program_id: t.toProgramId,
  group_transfer: t.groupTransfer,
  points: t.points,
  transfer_breakup_by_program: t.breakupByProgram,
  created_at: isoTime(t.createdAt),
});

/** An award (fulfilment) as the API answers it: points, amount or vouchers by outcome type. */
export const awardJson = (a: AwardView) => ({
  fulfilment_id: a.fulfilmentId,
  offer_id: a.offerId,
  offer_version: a.offerVersion,
  outcome_type: a.outcomeType as "reward_points" | "cashback" | "voucher" | "partner_points",
  program_id: a.programId,
  ...(a.outcomeType === "cashback"
    ? { amount: a.value, currency: a.currency ?? undefined }
    : a.outcomeType === "voucher"
      ? { vouchers: a.value, voucher_code: a.voucherCode }
      : { points: a.value }),
  partner_id: a.partnerId,
  state: a.state as "pending" | "posted" | "failed" | "reversed",
  claim_expires_at: a.claimExpiresAt ? isoTime(a.claimExpiresAt) : null,
  narration: a.narration,
});

export const partnerJson = (p: PartnerView) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  type: p.type as "airline",
  status: p.status as "active",
  currency: { code: p.currencyCode, name: p.currencyName },
  conversion_rate: trimDecimal(p.conversionRate),
  funding_mode: p.fundingMode as "prepaid",
  host_program_id: p.hostProgramId,
});

export const partnerTransactionJson = ({ transaction: t, blocks }: PartnerEarnResult) => ({
  partner_transaction_id: t.id,
  partner_id: t.partnerId,
  external_id: t.externalId,
  member_id: t.memberId,
  program_id: t.programId,
  points: t.points,
  debited_points: t.debitPoints,
  funding: t.funding as "prepaid",
  blocks: blocks.map((b) => ({ block_id: b.blockId, points: b.points })),
  occurred_at: t.occurredAt.toISOString(),
  created_at: t.createdAt.toISOString(),
});

const trimDecimal = (d: string) => (d.includes(".") ? d.replace(/\.?0+$/, "") : d) || "0";
