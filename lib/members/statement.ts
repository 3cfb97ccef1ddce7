import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { memberPrograms, programs } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { addDays, localDate, startOfLocalDay } from "@/lib/engine/calendar";
import { formatMoney } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { resolveMember } from "./index";
import { parseStatementPeriod, type StatementPeriod } from "./statement-period";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A member's points statement for a period: per programme, the balance when the period starts,
 * every movement of the member's points account in it (oldest first, with the balance after each),
 * and the balance when it ends. Balances are sums of postings, in BigInt: closing = opening + in − out.
 */

export type StatementMovement =
  | "earned"
  | "taken_back"
  | "debt_repaid"
  | "redeemed"
  | "redemption_reversed"
  | "transferred_in"
  | "transferred_out"
  | "expired"
  | "adjusted"
  | "other";

export const MOVEMENT_LABELS: Record<StatementMovement, string> = {
  earned: "Earned",
  taken_back: "Taken back after refund",
  debt_repaid: "Debt repaid",
  redeemed: "Redeemed",
  redemption_reversed: "Redemption reversed",
  transferred_in: "Transferred in",
  transferred_out: "Transferred out",
  expired: "Expired",
  adjusted: "Adjusted",
  other: "Other",
};

export type StatementLine = {
  entryId: number;
  at: Date;
  movement: StatementMovement;
  description: string;
  pointsIn: bigint;
  pointsOut: bigint;
  /** The balance after this line. */
  balance: bigint;
};

export type ProgramStatement = {
  programId: string;
  programCode: string;
  programName: string;
  isDefault: boolean;
  currency: string;
  timeZone: string;
  /** The first instant of the period in the programme's time zone, and the first instant after it. */
  startsAt: Date;
  endsAt: Date;
  opening: bigint;
  lines: StatementLine[];
  totalIn: bigint;
  totalOut: bigint;
  closing: bigint;
};

export type MemberStatement = {
  member: { id: string; externalId: string; firstName: string | null; lastName: string | null };
  period: StatementPeriod;
  programs: ProgramStatement[];
};

/** The enrolments a statement can cover, default programme first. */
export async function statementPrograms(db: DbOrTx, memberId: string) {
  return db
    .select({
      programId: programs.id,
      programCode: programs.code,
      programName: programs.name,
      isDefault: programs.isDefault,
      currency: programs.currency,
      timeZone: programs.timeZone,
      accountId: memberPrograms.accountId,
    })
    .from(memberPrograms)
    .innerJoin(programs, eq(programs.id, memberPrograms.programId))
    .where(eq(memberPrograms.memberId, memberId))
    .orderBy(sql`${programs.isDefault} desc`, asc(programs.code));
}

/** The statement of one member for a period, for all their programmes or the one named. */
export async function memberStatement(db: DbOrTx, memberId: string, options: StatementPeriod & { programId?: string | null }): Promise<MemberStatement> {
  const member = await resolveMember(db, memberId);
  let enrolments = await statementPrograms(db, member.id);
  if (options.programId) {
    enrolments = enrolments.filter((e) => e.programId === options.programId);
    if (enrolments.length === 0) throw new DomainError("validation_failed", "No such programme: choose one of the member's programmes, or all programmes.", { field: "program" });
  }
  const statements: ProgramStatement[] = [];
  for (const e of enrolments) {
    const startsAt = startOfLocalDay(options.from, e.timeZone);
    const endsAt = startOfLocalDay(addDays(options.to, 1), e.timeZone);
    const { accountId, ...program } = e;
    const opening = await balanceBefore(db, accountId, startsAt);
    const rows = await movements(db, accountId, startsAt, endsAt);
    let balance = opening;
    let totalIn = 0n;
    let totalOut = 0n;
    const lines = rows.map((r): StatementLine => {
      const amount = BigInt(r.amount);
      balance += amount;
      if (amount > 0n) totalIn += amount;
      else totalOut -= amount;
      const movement = movementOf(r.kind, amount);
      return { entryId: Number(r.entry_id), at: new Date(r.at), movement, description: describe(r, movement), pointsIn: amount > 0n ? amount : 0n, pointsOut: amount < 0n ? -amount : 0n, balance };
    });
    statements.push({ ...program, startsAt, endsAt, opening, lines, totalIn, totalOut, closing: balance });
  }
  return { member: { id: member.id, externalId: member.externalId, firstName: member.firstName, lastName: member.lastName }, period: { from: options.from, to: options.to }, programs: statements };
}

/** The balance of a points account just before an instant: the sum of its postings until then. */
export async function balanceBefore(db: DbOrTx, accountId: number, before: Date): Promise<bigint> {
  const [row] = await db.execute<{ total: string }>(sql`
    select coalesce(sum(p.amount), 0)::text as total
    from postings p join journal_entries je on je.id = p.entry_id
    where p.account_id = ${accountId} and je.at < ${before.toISOString()}::timestamptz`);
  return BigInt(row!.total);
}

type MovementRow = {
  entry_id: string;
  kind: string;
  at: string;
  memo: string | null;
  reference: string | null;
  amount: string;
  narration: string | null;
  counterpart: string | null;
  redemption_value: string | null;
  redemption_currency: string | null;
  redemption_reference: string | null;
};

/**
 * The account's postings in [from, to), one row per journal entry, oldest first, with what explains
 * each: an award's fulfilment narration, a transfer's other member, a redemption's value. Every join
 * is by an indexed key (the fulfilment's entry, the members' ids, the redemption's member).
 */
async function movements(db: DbOrTx, accountId: number, from: Date, to: Date): Promise<MovementRow[]> {
  return db.execute<MovementRow>(sql`
    with moved as (
      select je.id, je.kind, je.at, je.memo, je.reference, je.member_id, sum(p.amount) as amount
      from postings p join journal_entries je on je.id = p.entry_id
      where p.account_id = ${accountId} and je.at >= ${from.toISOString()}::timestamptz and je.at < ${to.toISOString()}::timestamptz
      group by je.id
    )
    select m.id::text as entry_id, m.kind, m.at::text as at, m.memo, m.reference, m.amount::text as amount,
      f.narration,
      cp.external_id as counterpart,
      r.currency_value_minor::text as redemption_value, r.currency as redemption_currency, r.external_reference as redemption_reference
    from moved m
    left join lateral (select narration from fulfilments where m.kind = 'award' and entry_id = m.id order by created_at limit 1) f on true
    left join members cp on m.kind = 'transfer'
      and cp.id = case when m.amount > 0 then m.member_id
                       when m.reference ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then m.reference::uuid end
    left join lateral (
      select currency_value_minor, currency, external_reference from redemptions
      where (m.kind = 'redemption' and member_id = m.member_id and entry_id = m.id)
         or (m.kind = 'redemption_reversal' and member_id = m.member_id and reversal_entry_id = m.id)
      limit 1) r on true
    order by m.at, m.id`);
}

function movementOf(kind: string, amount: bigint): StatementMovement {
  switch (kind) {
    case "award":
      return "earned";
    case "award_reversal":
      return "taken_back";
    case "debt_repayment":
      return "debt_repaid";
    case "redemption":
      return "redeemed";
    case "redemption_reversal":
      return "redemption_reversed";
    case "transfer":
      return amount > 0n ? "transferred_in" : "transferred_out";
    case "expiry":
      return "expired";
    case "adjustment":
      return "adjusted";
    default:
      return "other";
  }
}

/** The line's words: the narration the member saw, or what the entry itself says. */
function describe(r: MovementRow, movement: StatementMovement): string {
  const memo = r.memo?.trim() || null;
  switch (movement) {
    case "earned":
      return r.narration ?? memo ?? "Points awarded";
    case "redeemed":
    case "redemption_reversed": {
      const value = r.redemption_value !== null && r.redemption_currency ? formatMoney(Number(r.redemption_value), r.redemption_currency) : null;
      const what = movement === "redeemed" ? (value ? `Redeemed for ${value}` : "Redemption") : value ? `Reversal of a redemption for ${value}` : "Reversal of a redemption";
      return r.redemption_reference ? `${what} (reference ${r.redemption_reference})` : what;
    }
    case "transferred_in":
      return r.counterpart ? `From member ${r.counterpart}` : "Transfer from another member";
    case "transferred_out":
      return r.counterpart ? `To member ${r.counterpart}` : "Transfer to another member";
    case "expired":
      return memo ?? "Points reached their expiry date";
    default:
      return memo ?? (r.reference ? `Reference ${r.reference}` : MOVEMENT_LABELS[movement]);
  }
}

/**
 * A statement from a form's or a query string's parameters (`from`, `to`, `program`: all optional).
 * "Today" is the date in the time zone of the member's default programme (or first one); refusals
 * are `validation_failed` naming the field.
 */
export async function statementFromParams(db: DbOrTx, memberId: string, params: { from?: string | null; to?: string | null; program?: string | null }, now: Date): Promise<MemberStatement> {
  const member = await resolveMember(db, memberId);
  const [first] = await statementPrograms(db, member.id);
  const period = parseStatementPeriod(params, localDate(now, first?.timeZone ?? "UTC"));
  const programId = params.program?.trim() || null;
  if (programId && !UUID.test(programId)) throw new DomainError("validation_failed", "No such programme: choose one of the member's programmes, or all programmes.", { field: "program" });
  return memberStatement(db, member.id, { ...period, programId });
}
