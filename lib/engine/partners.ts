import { assertSafeInteger, currencyMinorDigits, divideRounded, multiplyToMinorUnits, parseDecimal } from "./decimal";
import { EngineError } from "./errors";

/**
 * Partner account points debited for `points` given to a member: points × the partner's debit rate,
 * rounded up — a partner never funds less than what its members received.
 */
export function partnerDebitPoints(points: number, debitRate: string): number {
  assertSafeInteger(points);
  if (points <= 0) throw new EngineError("invalid_points", "Points must be positive.");
  const { units, scale } = parseDecimal(debitRate);
  if (units === 0n) throw new EngineError("invalid_debit_rate", "The debit rate must be above zero.");
  const debit = -divideRounded(-(BigInt(points) * units), 10n ** BigInt(scale), "floor");
  if (debit > BigInt(Number.MAX_SAFE_INTEGER)) throw new EngineError("amount_out_of_range", "The debit is too large to represent exactly.");
  return Number(debit);
}

/**
 * What a post-paid statement bills: its debited points × the agreed price per point, in minor units of
 * the billing currency, rounded half up once for the whole statement (never line by line, so a
 * statement of many small transactions bills exactly what one big one would).
 */
export function statementAmountDue(points: number, pricePerPoint: string, currency: string): number {
  return multiplyToMinorUnits(points, pricePerPoint, currencyMinorDigits(currency), "half_up");
}

export type FundingBlock = { id: string; kind: "prepaid" | "reserve"; points: number; used: number };

/**
 * Which active blocks fund a debit: prepaid blocks first, oldest first (the caller passes them in
 * creation order), and the reserve only when the prepaid blocks are exhausted. Null when the blocks
 * together cannot fund it all — a partner transaction is funded whole or not at all.
 */
export function allocateBlockDebit(blocks: readonly FundingBlock[], debit: number): { blockId: string; points: number; reserve: boolean }[] | null {
  assertSafeInteger(debit);
  if (debit <= 0) throw new EngineError("invalid_points", "The debit must be positive.");
  const ordered = [...blocks.filter((b) => b.kind === "prepaid"), ...blocks.filter((b) => b.kind === "reserve")];
  const parts: { blockId: string; points: number; reserve: boolean }[] = [];
  let left = debit;
  for (const block of ordered) {
    if (left === 0) break;
    const available = block.points - block.used;
    if (available <= 0) continue;
    const take = Math.min(available, left);
    parts.push({ blockId: block.id, points: take, reserve: block.kind === "reserve" });
    left -= take;
  }
  return left === 0 ? parts : null;
}

/**
 * A refund took back `x` of the `dueBefore` still due on a partner-funded award: the share of the
 * `held` partner points (block points, or debit points on an unbilled line) that goes back to the
 * partner — rounded up, never more than held, and all of it when the refund takes back all that was due.
 * So refunds that add up to the whole give back exactly everything.
 */
export function partnerShareToRelease(held: number, x: number, dueBefore: number): number {
  for (const n of [held, x, dueBefore]) assertSafeInteger(n);
  if (held <= 0 || x <= 0 || dueBefore <= 0) return 0;
  if (x >= dueBefore) return held;
  const share = -divideRounded(-(BigInt(held) * BigInt(x)), BigInt(dueBefore), "floor");
  return Math.min(held, Number(share));
}
