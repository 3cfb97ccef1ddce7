import { statementPdf } from "@/lib/members/statement-pdf";
import { downloadHeaders, statementForDownload, type MemberParams } from "../download";

export const dynamic = "force-dynamic";

/** The member's statement as a PDF (`?from=YYYY-MM-DD&to=YYYY-MM-DD&program=<id>`). */
export async function GET(request: Request, context: MemberParams) {
  const now = new Date();
  const statement = await statementForDownload(request, context, now);
  if (statement instanceof Response) return statement;
  const pdf = await statementPdf(statement, { now });
  return new Response(new Uint8Array(pdf), { headers: downloadHeaders(statement, "pdf") });
}
