import { importErrorsResponse } from "@/lib/imports/http";
import { routeUser } from "../../access";

export const dynamic = "force-dynamic";

/** The rows of an import that could not be imported, as CSV: line, reference (external_id), code, message. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await routeUser("offers:read");
  if (user instanceof Response) return user;
  return importErrorsResponse((await params).importId, "transactions");
}
