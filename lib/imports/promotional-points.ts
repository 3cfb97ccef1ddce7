import "server-only";
import { and, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { expiryStrategies, programs } from "@/db/schema";
import { startOfLocalDay } from "@/lib/engine/calendar";
import { resolveMembers } from "@/lib/members";
import { awardImportedPromotions, type ImportedPromotion } from "@/lib/promotions/award";
import { IMPORT_KIND_INFO } from "./format";
import { cellsToJson, firstIssue, type ImportKind, type RowOutcome } from "./kind-parts";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const civil = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};
const isCalendarDate = (iso: string) => {
  const { year, month, day } = civil(iso);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
};

/** A row of a promotional points file, as its cells read (names still to resolve). */
export const promotionalRowSchema = z.object({
  member: z.string().trim().min(1).max(140, "at most 140 characters."),
  program: z.string().trim().min(1).max(64, "a programme code has at most 64 characters."),
  points: z.int().min(1, "must be a whole number above zero."),
  reason: z.string().trim().min(1).max(200, "at most 200 characters."),
  expiry_strategy: z.string().trim().max(100, "at most 100 characters.").optional(),
  awarded_at: z
    .string()
    .trim()
    .refine((v) => (DATE_ONLY.test(v) ? isCalendarDate(v) : z.iso.datetime({ offset: true }).safeParse(v).success), "use an ISO date (2026-03-01) or date and time with an offset (2026-03-01T09:30:00+05:30).")
    .refine((v) => DATE_ONLY.test(v) || Date.parse(v) <= Date.now(), "cannot be in the future: points are awarded today at the latest.")
    .optional(),
  external_reference: z.string().trim().max(100, "at most 100 characters.").optional(),
});
export type PromotionalRow = z.infer<typeof promotionalRowSchema>;

type Terms = { id: string; timeZone: string; strategies: Map<string, string> };

/** The programmes named by the rows (by code, any case) with their expiry strategies by name (any case). */
async function loadTerms(db: Db, rows: readonly PromotionalRow[]): Promise<Map<string, Terms>> {
  const codes = [...new Set(rows.map((r) => r.program.toUpperCase()))];
  const found = await db.select({ id: programs.id, code: programs.code, timeZone: programs.timeZone }).from(programs).where(inArray(programs.code, codes));
  const terms = new Map<string, Terms>(found.map((p) => [p.code.toUpperCase(), { id: p.id, timeZone: p.timeZone, strategies: new Map() }]));
  if (found.length) {
    const strategies = await db
      .select({ id: expiryStrategies.id, programId: expiryStrategies.programId, name: expiryStrategies.name })
      .from(expiryStrategies)
      .where(and(inArray(expiryStrategies.programId, found.map((p) => p.id))));
    const byId = new Map(found.map((p) => [p.id, terms.get(p.code.toUpperCase())!]));
    for (const s of strategies) byId.get(s.programId)?.strategies.set(s.name.trim().toLowerCase(), s.id);
  }
  return terms;
}

const rowError = (code: string, message: string): RowOutcome => ({ status: "error", code, message });

/**
 * Promotional points: points given to members outside any transaction, by file. Each chunk of rows
 * is resolved in a few queries (members, programmes, expiry strategies) and awarded in one
 * transaction (lib/promotions/award.ts); a row already awarded — the same line of the same file, or
 * the same external reference in the programme — changes nothing and counts as repeated.
 */
export const promotionalPointsKind: ImportKind<PromotionalRow> = {
  name: "promotional_points",
  toBody(raw) {
    const json = cellsToJson(raw, IMPORT_KIND_INFO.promotional_points.integerColumns);
    if (!json.ok) return json;
    const parsed = promotionalRowSchema.safeParse(json.body);
    if (parsed.success) return { ok: true, body: parsed.data };
    const future = parsed.error.issues.some((i) => i.path[0] === "awarded_at" && i.message.startsWith("cannot be in the future"));
    return { ok: false, code: future ? "awarded_at_in_future" : "validation_failed", message: firstIssue(parsed.error) };
  },
  async process(db, actor, rows, now, context) {
    if (!context) throw new Error("promotional points are imported from a file: the import's context is required");
    const outcomes: (RowOutcome | null)[] = rows.map(() => null);
    const [memberIds, terms] = await Promise.all([resolveMembers(db, rows.map((r) => r.member)), loadTerms(db, rows)]);
    const ready: { index: number; row: ImportedPromotion }[] = [];
    rows.forEach((r, i) => {
      const memberId = memberIds.get(r.member);
      const program = terms.get(r.program.toUpperCase());
      const strategyId = r.expiry_strategy ? program?.strategies.get(r.expiry_strategy.toLowerCase()) : undefined;
      if (!memberId) outcomes[i] = rowError("member_not_found", `member: no member “${r.member}” (give a member id, or ext: and the external id).`);
      else if (!program) outcomes[i] = rowError("program_not_found", `program: no programme with the code “${r.program}”.`);
      else if (r.expiry_strategy && !strategyId) outcomes[i] = rowError("expiry_strategy_not_found", `expiry_strategy: the programme ${r.program} has no expiry strategy named “${r.expiry_strategy}”.`);
      else {
        const awardedAt = r.awarded_at === undefined ? undefined : DATE_ONLY.test(r.awarded_at) ? dayStart(r.awarded_at, program.timeZone) : new Date(r.awarded_at);
        if (awardedAt && awardedAt.getTime() > now.getTime()) {
          outcomes[i] = rowError("awarded_at_in_future", `awarded_at: ${r.awarded_at} is in the future (in the programme's time zone, ${program.timeZone}).`);
          return;
        }
        ready.push({
          index: i,
          row: {
            memberId,
            programId: program.id,
            points: r.points,
            reason: r.reason,
            awardedAt,
            expiryStrategyId: strategyId,
            externalReference: r.external_reference || null,
            importId: context.importId,
            fileSha256: context.fileSha256,
            line: context.lines[i]!,
          },
        });
      }
    });
    const results = await awardImportedPromotions(db, actor, ready.map((r) => r.row), now);
    results.forEach((result, k) => {
      const { index, row } = ready[k]!;
      outcomes[index] = !result.ok
        ? rowError(result.error.code, result.error.message)
        : result.repeated
          ? { status: "ok", result: { repeated: true, member_id: result.first.memberId, entry_id: result.first.entryId, lot_id: result.first.lotId, points: result.first.points } }
          : {
              status: "ok",
              result: {
                repeated: false,
                member_id: row.memberId,
                entry_id: result.award.entryId,
                lot_id: result.award.lotId,
                points: result.award.points,
                awarded_at: result.award.awardedAt.toISOString(),
                expires_at: result.award.expiresAt?.toISOString() ?? null,
              },
            };
    });
    return outcomes as RowOutcome[];
  },
};

/** "2026-03-01" in the programme's time zone: the start of that day there. */
const dayStart = (iso: string, timeZone: string): Date => startOfLocalDay(civil(iso), timeZone);
