import "server-only";
import type { z } from "zod";
import { transactionBodySchema } from "@/lib/api/schemas";
import { awardJson } from "@/lib/api/views";
import { ingestBatch } from "@/lib/transactions/batch";
import { IMPORT_KIND_INFO, type ImportKindName } from "./format";
import { cellsToJson, firstIssue, type ImportKind, type RowOutcome } from "./kind-parts";
import { promotionalPointsKind } from "./promotional-points";

export { cellsToJson, firstIssue, type Converted, type ImportKind, type ImportRunContext, type RowOutcome } from "./kind-parts";

type TransactionBody = z.infer<typeof transactionBodySchema>;

/** Card or POS transactions, through the batch API's per-row path (lib/transactions/batch.ts). */
export const transactionsKind: ImportKind<TransactionBody> = {
  name: "transactions",
  toBody(raw) {
    const json = cellsToJson(raw, IMPORT_KIND_INFO.transactions.integerColumns);
    if (!json.ok) return json;
    const parsed = transactionBodySchema.safeParse(json.body);
    return parsed.success ? { ok: true, body: parsed.data } : { ok: false, code: "validation_failed", message: firstIssue(parsed.error) };
  },
  async process(db, actor, rows, now) {
    const results = await ingestBatch(db, actor, rows, now);
    return results.map((r): RowOutcome =>
      "error" in r
        ? { status: "error", code: r.error.code, message: r.error.message }
        : { status: "ok", result: { transaction_id: r.transactionId, repeated: r.repeated, awards: r.awards.map(awardJson) } },
    );
  },
};

export const IMPORT_KINDS: { [K in ImportKindName]: ImportKind<unknown> } = {
  transactions: transactionsKind as ImportKind<unknown>,
  promotional_points: promotionalPointsKind as ImportKind<unknown>,
};
