import { statementCsv } from "@/lib/members/statement-csv";
import { downloadHeaders, statementForDownload, type MemberParams } from "../download";

export const dynamic = "force-dynamic";

/** The member's statement as CSV (`?from=YYYY-MM-DD&to=YYYY-MM-DD&program=<id>`); the byte-order mark makes spreadsheets read UTF-8. */
export async function GET(request: Request, context: MemberParams) {
  const statement = await statementForDownload(request, context);
  if (statement instanceof Response) return statement;
  return new Response(`\ufeff${statementCsv(statement)}`, { headers: downloadHeaders(statement, "csv") });
}
