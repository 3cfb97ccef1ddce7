import { getDb } from "@/db";
import { csvLines } from "@/lib/imports/csv";
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
  const encoder = new TextEncoder();
  const batches = allSegmentMembers(db, segment.id);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes spreadsheets read UTF-8.
      controller.enqueue(encoder.encode(`\ufeff${csvLines([HEADER])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(csvLines(next.value.map((m) => [m.id, m.externalId, m.firstName ?? "", m.lastName ?? "", m.email ?? ""]))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const name = `segment-${segment.name}.csv`.replace(/[^\w.-]+/g, "_");
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}
