import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { csvLines } from "@/lib/imports/csv";
import { getStatement, statementLines } from "@/lib/partners/billing";
import { routeUser } from "../../../../../transactions/imports/access";

export const dynamic = "force-dynamic";

const HEADER = ["date", "transaction_external_id", "member_external_id", "points", "debit_points"];

/** A statement's lines as CSV: when each transaction happened, its external id, the member, points given and debited. */
export async function GET(_request: Request, { params }: { params: Promise<{ partnerId: string; statementId: string }> }) {
  const user = await routeUser("partners:read");
  if (user instanceof Response) return user;
  const { partnerId, statementId } = await params;
  const db = getDb();
  let statement;
  try {
    statement = await getStatement(db, partnerId, statementId);
  } catch (error) {
    if (isDomainError(error) && error.code === "statement_not_found") return new Response("No such statement.", { status: 404 });
    throw error;
  }
  const encoder = new TextEncoder();
  const batches = statementLines(db, statement.id);
  // Written as it is read; the byte-order mark makes spreadsheets read UTF-8.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\ufeff${csvLines([HEADER])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(csvLines(next.value.map((l) => [l.occurredAt.toISOString(), l.externalId, l.memberExternalId, l.points, l.debitPoints]))));
    },
  });
  const name = `${statement.partnerCode}-statement-${statement.number}.csv`.replace(/[^\w.-]+/g, "_");
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}
