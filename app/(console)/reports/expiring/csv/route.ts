import { getDb } from "@/db";
import { allExpiringPoints } from "@/lib/expiry/report";
import { parseExpiringParams } from "@/lib/expiry/report-params";
import { csvStreamDownload } from "@/lib/imports/csv";
import { listPrograms } from "@/lib/programs";
import { routeUser } from "../../../transactions/imports/access";

export const dynamic = "force-dynamic";

const HEADER = ["member_id", "member_external_id", "member_name", "program_code", "points_expiring", "lots", "first_expires_at", "spendable_until", "current_points"];

/**
 * The expiring-points report as CSV (`?program=<id>&days=30|60|90`): every member, soonest first,
 * written as it is read. Checks the session and `reports:read` itself; bad parameters are a 400 with a code.
 */
export async function GET(request: Request) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const db = getDb();
  const query = new URL(request.url).searchParams;
  const programs = await listPrograms(db);
  const parsed = parseExpiringParams({ program: query.get("program"), days: query.get("days") }, programs);
  const program = parsed.ok ? programs.find((p) => p.id === parsed.programId) : undefined;
  if (!parsed.ok || !program) {
    const details = { field: parsed.ok ? "program" : parsed.field };
    const message = parsed.ok ? "There is no programme yet." : parsed.message;
    return Response.json({ error: { code: "validation_failed", message, details } }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  return csvStreamDownload(`expiring-points-${program.code}-${parsed.days}-days.csv`, HEADER, allExpiringPoints(db, { programId: program.id, days: parsed.days, now: new Date() }), (r) => [
    r.memberId, r.externalId, r.name ?? "", program.code, r.points, r.lots, r.firstExpiresAt.toISOString(), r.spendableUntil, r.current,
  ]);
}
