/** The expiring-points report's query string (`?program=<id>&days=30|60|90`), checked. Pure: no I/O. */

export const EXPIRING_WINDOWS = [30, 60, 90] as const;
export type ExpiringWindow = (typeof EXPIRING_WINDOWS)[number];

export type ExpiringParams =
  | { ok: true; programId: string | null; days: ExpiringWindow }
  | { ok: false; field: "program" | "days"; message: string };

/**
 * The programme (by default the default programme, else the first) and the window (by default 30
 * days). An unknown programme or another window is refused with the field and a message to show.
 */
export function parseExpiringParams(
  query: { program?: string | null; days?: string | null },
  programs: readonly { id: string; isDefault: boolean }[],
): ExpiringParams {
  const program = query.program?.trim() || null;
  const days = query.days?.trim() || null;
  if (program && !programs.some((p) => p.id === program)) return { ok: false, field: "program", message: "No such programme: choose one from the list." };
  const window = days === null ? 30 : EXPIRING_WINDOWS.find((w) => String(w) === days);
  if (window === undefined) return { ok: false, field: "days", message: `The window must be ${EXPIRING_WINDOWS.join(", ")} days.` };
  const programId = program ?? (programs.find((p) => p.isDefault) ?? programs[0])?.id ?? null;
  return { ok: true, programId, days: window };
}
