import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { csvStreamDownload } from "@/lib/imports/csv";
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
  return csvStreamDownload(`${statement.partnerCode}-statement-${statement.number}.csv`, HEADER, statementLines(db, statement.id), (l) => [
    l.occurredAt.toISOString(), l.externalId, l.memberExternalId, l.points, l.debitPoints,
  ]);
}
