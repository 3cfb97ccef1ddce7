import { importErrorsResponse } from "@/lib/imports/http";
import { routeUser } from "../../../../../transactions/imports/access";

export const dynamic = "force-dynamic";

/** The rows of a promotional import that were not awarded, as CSV: line, external_reference, code, message. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await routeUser("programs:read");
  if (user instanceof Response) return user;
  return importErrorsResponse((await params).importId, "promotional_points");
}
