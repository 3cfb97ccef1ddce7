import { assertValidDate } from "./calendar";
import { EngineError } from "./errors";
import { isExpired } from "./expiry";

export type SpendableLot = { lotId: number; programId: string; awardedAt: Date; expiresAt: Date | null; pointsLeft: number };

export type Allocation = { lotId: number; programId: string; points: number };

export type AllocationResult = { ok: true; allocations: Allocation[] } | { ok: false; available: number };

export type ProgramBreakup = { programId: string; points: number };

/**
 * The order lots are consumed in: earliest expiry first (never-expiring last), ties to the earliest
 * awarded, then the lowest lot id. Returns a new array.
 */
export function consumptionOrder<T extends SpendableLot>(lots: readonly T[]): T[] {
  return [...lots].sort((a, b) => {
    const ea = a.expiresAt === null ? Infinity : assertValidDate(a.expiresAt);
    const eb = b.expiresAt === null ? Infinity : assertValidDate(b.expiresAt);
    if (ea !== eb) return ea < eb ? -1 : 1;
    const aa = assertValidDate(a.awardedAt);
    const ab = assertValidDate(b.awardedAt);
    if (aa !== ab) return aa - ab;
    return a.lotId - b.lotId;
  });
}

function assertLot(lot: SpendableLot): void {
  if (!Number.isSafeInteger(lot.pointsLeft)) {
    throw new EngineError("invalid_lot", `Lot ${lot.lotId} has a non-integer balance: ${String(lot.pointsLeft)}`);
  }
}

/** Whether a lot can be spent from at `now`: points left and not expired (expiresAt must be after now). */
export function isSpendable(lot: SpendableLot, now: Date): boolean {
  assertLot(lot);
  return lot.pointsLeft > 0 && !isExpired(lot.expiresAt, now);
}

/** Total points spendable at `now` (unexpired lots with points left). */
export function spendable(lots: readonly SpendableLot[], now: Date): number {
  assertValidDate(now);
  let total = 0;
  for (const lot of lots) if (isSpendable(lot, now)) total += lot.pointsLeft;
  if (!Number.isSafeInteger(total)) throw new EngineError("points_out_of_range", "The spendable total is too large.");
  return total;
}

/**
 * Takes `points` from the spendable lots in consumption order, never more than a lot has.
 * When the spendable total is short, takes nothing and reports what is available.
 */
export function allocate(lots: readonly SpendableLot[], points: number, now: Date): AllocationResult {
  if (typeof points !== "number" || !Number.isSafeInteger(points) || points <= 0) {
    throw new EngineError("invalid_points", `Points must be a positive whole number: ${String(points)}`);
  }
  const available = spendable(lots, now);
  if (available < points) return { ok: false, available };
  const allocations: Allocation[] = [];
  let remaining = points;
  for (const lot of consumptionOrder(lots.filter((l) => isSpendable(l, now)))) {
    if (remaining === 0) break;
    const take = Math.min(lot.pointsLeft, remaining);
    allocations.push({ lotId: lot.lotId, programId: lot.programId, points: take });
    remaining -= take;
  }
  return { ok: true, allocations };
}

/** Points per programme, in order of first appearance (the redemption breakup by programme). */
export function breakupByProgram(allocations: readonly Allocation[]): ProgramBreakup[] {
  const totals = new Map<string, number>();
  for (const a of allocations) totals.set(a.programId, (totals.get(a.programId) ?? 0) + a.points);
  return [...totals].map(([programId, points]) => ({ programId, points }));
}
