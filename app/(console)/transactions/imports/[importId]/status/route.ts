import { importProgressResponse } from "@/lib/imports/http";
import { routeUser } from "../../access";

export const dynamic = "force-dynamic";

/** The import's progress as JSON, polled by its page every second while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await routeUser("offers:read");
  if (user instanceof Response) return user;
  return importProgressResponse((await params).importId, "transactions");
}
