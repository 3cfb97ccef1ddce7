import { getDb } from "@/db";
import { csvStreamDownload } from "@/lib/imports/csv";
import { isDomainError } from "@/lib/errors";
import { allSegmentMembers, getSegment } from "@/lib/segments";
import { routeUser } from "../../../transactions/imports/access";

export const dynamic = "force-dynamic";

const HEADER = ["member_id", "member_external_id", "first_name", "last_name", "email"];

/**
 * A segment's members as CSV, streamed in batches as they are read (as of the segment's last count).
 * Checks the session and `segments:read` itself; an unknown segment is a 404 with a code.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ segmentId: string }> }) {
  const user = await routeUser("segments:read");
  if (user instanceof Response) return user;
  const db = getDb();
  const { segmentId } = await params;
  const segment = await getSegment(db, segmentId).catch((error: unknown) => {
    if (isDomainError(error)) return null;
    throw error;
  });
  if (!segment) {
    return Response.json({ error: { code: "segment_not_found", message: "There is no such segment; it may have been deleted.", details: { segment_id: segmentId } } }, { status: 404, headers: { "cache-control": "no-store" } });
  }
  // As of the segment's last count.
  return csvStreamDownload(`segment-${segment.name}.csv`, HEADER, allSegmentMembers(db, segment.id), (m) => [m.id, m.externalId, m.firstName ?? "", m.lastName ?? "", m.email ?? ""]);
}
