import "server-only";
import type { Db } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import { transactionBodySchema } from "@/lib/api/schemas";
import { DomainError } from "@/lib/errors";
import { resolveMember } from "@/lib/members";
import type { AwardView } from "./fulfil";
import { ingestTransaction } from "./ingest";
import { transactionFromJson } from "./json";

export type BatchRowResult =
  | { index: number; transactionId: string; repeated: boolean; awards: AwardView[] }
  | { index: number; error: { code: string; message: string; details?: Record<string, unknown> } };

/** How many members' transactions are processed at once (each member's in the order sent). */
const PARALLEL_MEMBERS = 4;

/**
 * A batch of transactions, each validated and committed on its own: a bad row gets its error and
 * its index and stops nothing else; a repeat answers its first answer. Rows of one member go in the
 * order sent (caps, trackers and milestones depend on it); different members run side by side.
 */
export async function ingestBatch(db: Db, actor: Actor, rows: readonly unknown[], now = new Date()): Promise<BatchRowResult[]> {
  const results: BatchRowResult[] = new Array(rows.length);
  const byMember = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const parsed = transactionBodySchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      results[index] = { index, error: { code: "validation_failed", message: `${issue.path.join(".") || "transaction"}: ${issue.message}`, details: { field: issue.path.join(".") } } };
      return;
    }
    const key = parsed.data.member_id;
    byMember.set(key, [...(byMember.get(key) ?? []), index]);
  });
  const queues = [...byMember.values()];
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const index of queue) results[index] = await ingestRow(db, actor, index, transactionBodySchema.parse(rows[index]), now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_MEMBERS, queues.length) }, worker));
  return results;
}

async function ingestRow(db: Db, actor: Actor, index: number, body: ReturnType<typeof transactionBodySchema.parse>, now: Date): Promise<BatchRowResult> {
  try {
    const result = await withTransactionRetry(() =>
      db.transaction(async (tx) => {
        const member = await resolveMember(tx, body.member_id);
        return ingestTransaction(tx, actor, transactionFromJson(body, member.id), now);
      }),
    );
    return { index, transactionId: result.transactionId, repeated: result.repeated, awards: result.awards };
  } catch (error) {
    if (error instanceof DomainError) return { index, error: { code: error.code, message: error.message, details: error.details } };
    throw error;
  }
}
