import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { clientOf, type Db } from "@/db";
import { importRows, imports, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { isRole } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { IMPORT_CHUNK_ROWS, isImportKind } from "./format";
import { IMPORT_KINDS, type RowOutcome } from "./kinds";

export type RunImportResult = {
  /** done: finished now; busy: another run of this import holds it; finished: it had already ended. */
  outcome: "done" | "busy" | "finished";
  /** Rows this run processed. */
  processed: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The advisory-lock key of an import: 60 bits of its (random) id. No other code takes advisory locks on bigint keys. */
const lockKey = (importId: string) => BigInt(`0x${importId.replace(/-/g, "").slice(0, 15)}`).toString();

/** The job acts as the person who uploaded the file (fulfilment events and audit records name them). */
async function uploaderActor(db: Db, userId: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id, email: users.email, roles: users.roles }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`import uploader ${userId} not found`);
  return { type: "user", id: user.id, label: user.email, roles: user.roles.filter(isRole) };
}

/**
 * Records a chunk's outcomes and moves the counters by the rows that really changed, in one
 * statement: the counters never disagree with the rows, and a row recorded twice counts once.
 */
async function saveOutcomes(db: Db, importId: string, outcomes: (RowOutcome & { line: number })[]): Promise<void> {
  const payload = JSON.stringify(
    outcomes.map((o) =>
      o.status === "ok" ? { line: o.line, status: "ok", code: null, message: null, result: o.result } : { line: o.line, status: "error", code: o.code, message: o.message, result: null },
    ),
  );
  await db.execute(sql`
    with v as (
      select * from jsonb_to_recordset(${payload}::jsonb) as x(line int, status text, code text, message text, result jsonb)
    ), changed as (
      update ${importRows} r
      set status = v.status, error_code = v.code, error_message = v.message, result = v.result
      from v
      where r.import_id = ${importId} and r.line = v.line and r.status = 'pending'
      returning r.status
    )
    update ${imports}
    set processed_rows = processed_rows + (select count(*) from changed),
        ok_rows = ok_rows + (select count(*) from changed where status = 'ok'),
        error_rows = error_rows + (select count(*) from changed where status = 'error')
    where id = ${importId}`);
}

/**
 * Processes an import's rows still pending, in file order, in chunks (500 rows by default): each
 * row through its kind's per-row path (for transactions the batch API's: validated, its member
 * resolved, committed on its own), then the chunk's outcomes and the counters are saved. Safe to
 * run again or twice at once: one run holds the import (an advisory lock, released if the process
 * dies), a new run resumes at the first pending row, and a row processed but not yet recorded is
 * recognised by its external id and changes nothing. What the job calls; tests call it directly.
 */
export async function runImport(db: Db, importId: string, options: { chunkRows?: number } = {}): Promise<RunImportResult> {
  if (!UUID.test(importId)) throw new DomainError("not_found", "No such import.", { import_id: importId });
  const chunkRows = options.chunkRows ?? IMPORT_CHUNK_ROWS;
  const connection = await clientOf(db).reserve();
  try {
    const key = lockKey(importId);
    const [lock] = await connection<{ locked: boolean }[]>`select pg_try_advisory_lock(${key}::bigint) as locked`;
    if (!lock?.locked) return { outcome: "busy", processed: 0 };
    try {
      return await processPending(db, importId, chunkRows);
    } finally {
      await connection`select pg_advisory_unlock(${key}::bigint)`;
    }
  } finally {
    connection.release();
  }
}

async function processPending(db: Db, importId: string, chunkRows: number): Promise<RunImportResult> {
  const [started] = await db
    .update(imports)
    .set({ status: "running", startedAt: sql`coalesce(${imports.startedAt}, now())` })
    .where(and(eq(imports.id, importId), inArray(imports.status, ["queued", "running"])))
    .returning();
  if (!started) {
    const [existing] = await db.select({ id: imports.id }).from(imports).where(eq(imports.id, importId));
    if (!existing) throw new DomainError("not_found", "No such import.", { import_id: importId });
    return { outcome: "finished", processed: 0 };
  }
  if (!isImportKind(started.kind)) throw new Error(`unknown import kind ${started.kind}`);
  const kind = IMPORT_KINDS[started.kind];
  const actor = await uploaderActor(db, started.createdBy);

  let processed = 0;
  for (;;) {
    const chunk = await db
      .select({ line: importRows.line, raw: importRows.raw })
      .from(importRows)
      .where(and(eq(importRows.importId, importId), eq(importRows.status, "pending")))
      .orderBy(asc(importRows.line))
      .limit(chunkRows);
    if (chunk.length === 0) break;
    const outcomes: RowOutcome[] = new Array(chunk.length);
    const valid: number[] = [];
    const bodies: unknown[] = [];
    chunk.forEach((row, i) => {
      const converted = kind.toBody(row.raw);
      if (converted.ok) {
        valid.push(i);
        bodies.push(converted.body);
      } else outcomes[i] = { status: "error", code: converted.code, message: converted.message };
    });
    const context = { importId, fileSha256: started.fileSha256, lines: valid.map((i) => chunk[i]!.line) };
    const results = bodies.length ? await kind.process(db, actor, bodies, new Date(), context) : [];
    valid.forEach((rowIndex, k) => (outcomes[rowIndex] = results[k]!));
    await saveOutcomes(
      db,
      importId,
      chunk.map((row, i) => ({ ...outcomes[i]!, line: row.line })),
    );
    processed += chunk.length;
  }

  await db
    .update(imports)
    .set({ status: "done", finishedAt: sql`now()`, error: null })
    .where(
      and(
        eq(imports.id, importId),
        eq(imports.status, "running"),
        sql`not exists (select 1 from ${importRows} where ${importRows.importId} = ${importId} and ${importRows.status} = 'pending')`,
      ),
    );
  return { outcome: "done", processed };
}

/**
 * Ends an import the job could not finish (after its retries). Rows already processed stay
 * processed; the file may be uploaded again, and rows already imported then change nothing.
 */
export async function markImportFailed(db: Db, importId: string): Promise<void> {
  await db
    .update(imports)
    .set({
      status: "failed",
      finishedAt: sql`now()`,
      error: "The import stopped after an unexpected error (details are in the server log). Rows already processed are kept; upload the file again to finish it — rows already imported are recognised and change nothing.",
    })
    .where(and(eq(imports.id, importId), inArray(imports.status, ["queued", "running"])));
}
