import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { TimelineKey, TimelineKind } from "./timeline";

/** Points of one programme (signed: positive into the member's account). */
export type ProgrammePoints = { programCode: string; points: number };
type LineItem = { sku: string; category?: string; quantity: number; unit_price: number; amount: number };

type Base = { key: string; at: Date };
export type TimelineItem = Base &
  (
    | {
        kind: "transaction";
        externalId: string;
        type: string;
        amount: number;
        refundedAmount: number;
        currency: string;
        occurredAt: Date;
        merchantName: string | null;
        mcc: string | null;
        category: string | null;
        country: string | null;
        channel: string | null;
        lineItems: LineItem[];
      }
    | { kind: "activity"; type: string; customType: string | null; occurredAt: Date }
    | {
        kind: "award";
        origin: "fulfilment";
        fulfilmentId: string;
        outcomeType: string;
        value: number;
        reversedValue: number;
        currency: string | null;
        programCode: string | null;
        offerName: string | null;
        offerVersion: number | null;
        partnerName: string | null;
        partnerCurrency: string | null;
        state: string;
        postingMethod: string;
        narration: string;
        explanation: string[];
        voucherCode: string | null;
        transactionExternalId: string | null;
      }
    | { kind: "award"; origin: "ledger"; memo: string | null; reference: string | null; actor: string; points: ProgrammePoints[] }
    | {
        kind: "fulfilment";
        fulfilmentId: string;
        outcomeType: string;
        value: number;
        currency: string | null;
        partnerCurrency: string | null;
        offerName: string | null;
        fromState: string;
        toState: string;
        reason: string | null;
        actor: string;
      }
    | {
        kind: "redemption";
        points: number;
        currencyValueMinor: number;
        currency: string;
        groupRedemption: boolean;
        programCode: string | null;
        breakup: ProgrammePoints[];
        externalReference: string | null;
        reversedAt: Date | null;
      }
    | { kind: "transfer"; direction: "in" | "out"; points: number; otherMemberId: string; otherExternalId: string; toProgramCode: string | null; breakup: ProgrammePoints[] }
    | { kind: "expiry" | "reversal"; entryKind: string; memo: string | null; reference: string | null; actor: string; points: ProgrammePoints[] }
    | {
        kind: "adjustment";
        direction: "credit" | "debit";
        points: number;
        programCode: string | null;
        reasonCode: string;
        note: string;
        status: string;
        requestedBy: string;
        decidedBy: string | null;
        decidedAt: Date | null;
        decisionNote: string | null;
      }
    | { kind: "tier"; programCode: string | null; fromTier: string | null; toTier: string | null; reason: string; actor: string }
  );

type Row = Record<string, unknown>;
const list = (ids: readonly string[], cast: string) => sql.join(ids.map((id) => sql`${id}::${sql.raw(cast)}`), sql`, `);
const num = (v: unknown) => Number(v);
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function rowsById(db: DbOrTx, ids: readonly string[], query: (ids: SQL) => SQL): Promise<Map<string, Row>> {
  if (ids.length === 0) return new Map();
  const rows = await db.execute<Row>(query(list(ids, ids[0]!.includes("-") ? "uuid" : "bigint")));
  return new Map(rows.map((r) => [String(r.id), r]));
}

/** Points each journal entry moved in the member's accounts, by programme. */
async function entryPoints(db: DbOrTx, memberId: string, entryIds: readonly string[]): Promise<Map<string, ProgrammePoints[]>> {
  const out = new Map<string, ProgrammePoints[]>();
  if (entryIds.length === 0) return out;
  const rows = await db.execute<{ entry_id: string; code: string; points: string }>(sql`
    select p.entry_id::text as entry_id, pr.code, sum(p.amount)::text as points
    from postings p join ledger_accounts a on a.id = p.account_id join programs pr on pr.id = a.program_id
    where p.entry_id in (${list(entryIds, "bigint")}) and a.member_id = ${memberId}::uuid
    group by p.entry_id, pr.code order by pr.code`);
  for (const r of rows) out.set(r.entry_id, [...(out.get(r.entry_id) ?? []), { programCode: r.code, points: num(r.points) }]);
  return out;
}

function breakupOf(value: unknown, codes: Map<string, string>): ProgrammePoints[] {
  const rows = (Array.isArray(value) ? value : []) as { program_id: string; points: number }[];
  return rows.map((b) => ({ programCode: codes.get(b.program_id) ?? "?", points: num(b.points) }));
}

const fulfilmentDetails = (where: SQL) => sql`
  select f.*, o.name as offer_name, pa.name as partner_name, pa.currency_name as partner_currency, t.external_id as transaction_external_id
  from fulfilments f left join offers o on o.id = f.offer_id left join partners pa on pa.id = f.partner_id left join transactions t on t.id = f.transaction_id
  where ${where}`;

/** The fulfilments that posted these journal entries, by entry id: an offer's points explained by the offer. */
async function fulfilmentsOfEntries(db: DbOrTx, entryIds: readonly string[]): Promise<Map<string, Row>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.execute<Row>(fulfilmentDetails(sql`f.entry_id in (${list(entryIds, "bigint")})`));
  return new Map(rows.map((r) => [String(r.entry_id), r]));
}

function awardOf(base: Base, r: Row, code: (id: unknown) => string | null): TimelineItem {
  return {
    ...base,
    kind: "award",
    origin: "fulfilment",
    fulfilmentId: String(r.id),
    outcomeType: String(r.outcome_type),
    value: num(r.value),
    reversedValue: num(r.reversed_value),
    currency: str(r.currency),
    programCode: code(r.program_id),
    offerName: str(r.offer_name),
    offerVersion: r.offer_version === null ? null : num(r.offer_version),
    partnerName: str(r.partner_name),
    partnerCurrency: str(r.partner_currency),
    state: String(r.state),
    postingMethod: String(r.posting_method),
    narration: String(r.narration),
    explanation: (r.explanation as string[] | null) ?? [],
    voucherCode: str(r.voucher_code),
    transactionExternalId: str(r.transaction_external_id),
  };
}

/** The details of a page of timeline keys, in the keys' order. */
export async function loadTimelineDetails(db: DbOrTx, memberId: string, keys: readonly TimelineKey[]): Promise<TimelineItem[]> {
  const idsOf = (source: string) => keys.filter((k) => k.source === source).map((k) => k.id);
  const journalIds = idsOf("J");
  const [programRows, transactions, events, fulfilments, entryFulfilments, journal, points, changes, redemptions, transfers, adjustments, tiers] = await Promise.all([
    db.execute<{ id: string; code: string }>(sql`select id::text, code from programs`),
    rowsById(db, idsOf("T"), (ids) => sql`select * from transactions where id in (${ids})`),
    rowsById(db, idsOf("E"), (ids) => sql`select * from member_events where id in (${ids})`),
    rowsById(db, idsOf("F"), (ids) => fulfilmentDetails(sql`f.id in (${ids})`)),
    fulfilmentsOfEntries(db, keys.filter((k) => k.source === "J" && k.kind === "award").map((k) => k.id)),
    rowsById(db, journalIds, (ids) => sql`select * from journal_entries where id in (${ids})`),
    entryPoints(db, memberId, journalIds),
    rowsById(
      db,
      idsOf("S"),
      (ids) => sql`select e.*, f.outcome_type, f.value, f.currency, o.name as offer_name, pa.currency_name as partner_currency
        from fulfilment_events e join fulfilments f on f.id = e.fulfilment_id left join offers o on o.id = f.offer_id left join partners pa on pa.id = f.partner_id
        where e.id in (${ids})`,
    ),
    rowsById(db, idsOf("R"), (ids) => sql`select * from redemptions where id in (${ids})`),
    rowsById(
      db,
      [...idsOf("XO"), ...idsOf("XI")],
      (ids) => sql`select x.*, fm.external_id as from_external_id, tm.external_id as to_external_id
        from transfers x join members fm on fm.id = x.from_member_id join members tm on tm.id = x.to_member_id where x.id in (${ids})`,
    ),
    rowsById(db, idsOf("A"), (ids) => sql`select * from member_adjustments where id in (${ids})`),
    rowsById(
      db,
      idsOf("H"),
      (ids) => sql`select h.*, ft.name as from_tier, tt.name as to_tier
        from member_tier_changes h left join tiers ft on ft.id = h.from_tier_id left join tiers tt on tt.id = h.to_tier_id where h.id in (${ids})`,
    ),
  ]);
  const codes = new Map(programRows.map((p) => [p.id, p.code]));
  const code = (id: unknown) => (id ? (codes.get(String(id)) ?? null) : null);

  return keys.flatMap((k): TimelineItem[] => {
    const base = { key: k.key, at: new Date(k.at) };
    const kind: TimelineKind = k.kind;
    switch (k.source) {
      case "T": {
        const r = transactions.get(k.id);
        return r
          ? [
              {
                ...base,
                kind: "transaction",
                externalId: String(r.external_id),
                type: String(r.type),
                amount: num(r.amount),
                refundedAmount: num(r.refunded_amount),
                currency: String(r.currency),
                occurredAt: date(r.occurred_at),
                merchantName: str(r.merchant_name),
                mcc: str(r.mcc),
                category: str(r.category),
                country: str(r.country),
                channel: str(r.channel),
                lineItems: (r.line_items as LineItem[] | null) ?? [],
              },
            ]
          : [];
      }
      case "E": {
        const r = events.get(k.id);
        return r ? [{ ...base, kind: "activity", type: String(r.type), customType: str(r.custom_type), occurredAt: date(r.occurred_at) }] : [];
      }
      case "F": {
        const r = fulfilments.get(k.id);
        return r ? [awardOf(base, r, code)] : [];
      }
      case "J": {
        const r = journal.get(k.id);
        if (!r) return [];
        const explained = kind === "award" ? entryFulfilments.get(k.id) : undefined;
        if (explained) return [awardOf(base, explained, code)];
        const common = { memo: str(r.memo), reference: str(r.reference), actor: String(r.actor_label), points: points.get(k.id) ?? [] };
        return [kind === "award" ? { ...base, kind: "award", origin: "ledger", ...common } : { ...base, kind: kind === "expiry" ? "expiry" : "reversal", entryKind: String(r.kind), ...common }];
      }
      case "S": {
        const r = changes.get(k.id);
        return r
          ? [
              {
                ...base,
                kind: "fulfilment",
                fulfilmentId: String(r.fulfilment_id),
                outcomeType: String(r.outcome_type),
                value: num(r.value),
                currency: str(r.currency),
                partnerCurrency: str(r.partner_currency),
                offerName: str(r.offer_name),
                fromState: String(r.from_state),
                toState: String(r.to_state),
                reason: str(r.reason),
                actor: String(r.actor_label),
              },
            ]
          : [];
      }
      case "R": {
        const r = redemptions.get(k.id);
        return r
          ? [
              {
                ...base,
                kind: "redemption",
                points: num(r.points),
                currencyValueMinor: num(r.currency_value_minor),
                currency: String(r.currency),
                groupRedemption: Boolean(r.group_redemption),
                programCode: code(r.program_id),
                breakup: breakupOf(r.breakup_by_program, codes),
                externalReference: str(r.external_reference),
                reversedAt: r.reversed_at ? date(r.reversed_at) : null,
              },
            ]
          : [];
      }
      case "XO":
      case "XI": {
        const r = transfers.get(k.id);
        if (!r) return [];
        const out = k.source === "XO";
        return [
          {
            ...base,
            kind: "transfer",
            direction: out ? "out" : "in",
            points: num(r.points),
            otherMemberId: String(out ? r.to_member_id : r.from_member_id),
            otherExternalId: String(out ? r.to_external_id : r.from_external_id),
            toProgramCode: code(r.to_program_id),
            breakup: breakupOf(r.breakup_by_program, codes),
          },
        ];
      }
      case "A": {
        const r = adjustments.get(k.id);
        return r
          ? [
              {
                ...base,
                kind: "adjustment",
                direction: r.direction === "debit" ? "debit" : "credit",
                points: num(r.points),
                programCode: code(r.program_id),
                reasonCode: String(r.reason_code),
                note: String(r.note),
                status: String(r.status),
                requestedBy: String(r.requested_by_label),
                decidedBy: str(r.decided_by_label),
                decidedAt: r.decided_at ? date(r.decided_at) : null,
                decisionNote: str(r.decision_note),
              },
            ]
          : [];
      }
      case "H": {
        const r = tiers.get(k.id);
        return r ? [{ ...base, kind: "tier", programCode: code(r.program_id), fromTier: str(r.from_tier), toTier: str(r.to_tier), reason: String(r.reason), actor: String(r.actor_label) }] : [];
      }
      default:
        return [];
    }
  });
}
