import "server-only";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { statementFromParams, type MemberStatement } from "@/lib/members/statement";
import { statementFileName } from "@/lib/members/statement-csv";
import { routeUser } from "../../../transactions/imports/access";

export type MemberParams = { params: Promise<{ memberId: string }> };

const refusal = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  Response.json({ error: { code, message, details } }, { status, headers: { "cache-control": "no-store" } });

/**
 * A statement download's common part: the session and `members:read` (checked here, not only by the
 * proxy), then the period and programme from the query string. Bad parameters are a 400 with a code
 * and a message, an unknown member a 404; never a 500.
 */
export async function statementForDownload(request: Request, { params }: MemberParams, now = new Date()): Promise<MemberStatement | Response> {
  const user = await routeUser("members:read");
  if (user instanceof Response) return user;
  const { memberId } = await params;
  const query = new URL(request.url).searchParams;
  try {
    return await statementFromParams(getDb(), memberId, { from: query.get("from"), to: query.get("to"), program: query.get("program") }, now);
  } catch (error) {
    if (isDomainError(error) && error.code === "member_not_found") return refusal(404, error.code, "No such member.");
    if (isDomainError(error) && error.code === "validation_failed") return refusal(400, error.code, error.message, error.details);
    throw error;
  }
}

/** The headers of a download: its type, its file name, and no caching of a member's data. */
export function downloadHeaders(statement: MemberStatement, type: "csv" | "pdf"): HeadersInit {
  return {
    "content-type": type === "csv" ? "text/csv; charset=utf-8" : "application/pdf",
    "content-disposition": `attachment; filename="${statementFileName(statement, type)}"`,
    "cache-control": "no-store",
  };
}
