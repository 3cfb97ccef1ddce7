import "server-only";
import type { Db } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import { transactionBodySchema } from "@/lib/api/schemas";
import { resolveMembers } from "@/lib/members";
import type { AwardView } from "./fulfil";
import type { IngestInput } from "./ingest";
import { ingestMany } from "./ingest-many";
import { transactionFromJson } from "./json";

export type BatchRowResult =
  | { index: number; transactionId: string; repeated: boolean; awards: AwardView[] }
  | { index: number; error: { code: string; message: string; details?: Record<string, unknown> } };

/** Transactions per database transaction; all of a member's rows go in the same chunk, in the order sent. */
const CHUNK_ROWS = 500;
/** Chunks written side by side (their members are disjoint, so they never wait for each other's locks). */
const PARALLEL_CHUNKS = 2;

/**
 * A batch of transactions: each row validated on its own (a bad row gets its error and index and stops
 * nothing else), then written set-based in chunks of about 500 (ingestMany), each chunk one database
 * transaction. A repeat answers its first answer. Rows of one member are evaluated in the order sent.
 */
export async function ingestBatch(db: Db, actor: Actor, rows: readonly unknown[], now = new Date()): Promise<BatchRowResult[]> {
  const results: BatchRowResult[] = new Array(rows.length);
  const parsed: { index: number; body: ReturnType<typeof transactionBodySchema.parse> }[] = [];
  rows.forEach((row, index) => {
    const check = transactionBodySchema.safeParse(row);
    if (check.success) parsed.push({ index, body: check.data });
    else {
      const issue = check.error.issues[0]!;
      results[index] = { index, error: { code: "validation_failed", message: `${issue.path.join(".") || "transaction"}: ${issue.message}`, details: { field: issue.path.join(".") } } };
    }
  });
  const memberIds = await resolveMembers(db, parsed.map((p) => p.body.member_id));
  const byMember = new Map<string, { index: number; input: IngestInput }[]>();
  for (const { index, body } of parsed) {
    const memberId = memberIds.get(body.member_id);
    if (!memberId) {
      results[index] = { index, error: { code: "member_not_found", message: `No member ${body.member_id}.`, details: { member_id: body.member_id } } };
      continue;
    }
    byMember.set(memberId, [...(byMember.get(memberId) ?? []), { index, input: transactionFromJson(body, memberId) }]);
  }
  const chunks: { index: number; input: IngestInput }[][] = [[]];
  for (const group of byMember.values()) {
    if (chunks.at(-1)!.length > 0 && chunks.at(-1)!.length + group.length > CHUNK_ROWS) chunks.push([]);
    chunks.at(-1)!.push(...group);
  }
  const queue = chunks.filter((c) => c.length > 0);
  const worker = async () => {
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
      const part = chunk;
      const outcomes = await withTransactionRetry(() => db.transaction((tx) => ingestMany(tx, actor, part.map((r) => r.input), now)));
      outcomes.forEach((o, k) => {
        const index = part[k]!.index;
        results[index] = o.ok
          ? { index, transactionId: o.result.transactionId, repeated: o.result.repeated, awards: o.result.awards }
          : { index, error: { code: o.error.code, message: o.error.message, details: o.error.details } };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHUNKS, queue.length) }, worker));
  return results;
}
