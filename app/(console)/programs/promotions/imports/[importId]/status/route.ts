import { importProgressResponse } from "@/lib/imports/http";
import { routeUser } from "../../../../../transactions/imports/access";

export const dynamic = "force-dynamic";

/** A promotional import's progress as JSON, polled by its page while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await routeUser("programs:read");
  if (user instanceof Response) return user;
  return importProgressResponse((await params).importId, "promotional_points");
}
