import { getDb } from "@/db";
import { memberName } from "@/components/members/member-name";
import type { MemberSuggestion } from "@/components/members/member-combobox";
import { searchMembers } from "@/lib/members/search";
import { routeUser } from "../../transactions/imports/access";

export const dynamic = "force-dynamic";

/** Members matching `q` as the agent types (components/members/member-search.tsx). */
export async function GET(request: Request) {
  const user = await routeUser("members:read");
  if (user instanceof Response) return user;
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  // A NUL cannot be in any member's data; PostgreSQL would refuse it in a parameter.
  const matches = q.includes("\u0000") ? [] : await searchMembers(getDb(), q, { limit: 8 });
  const members: MemberSuggestion[] = matches.map((m) => ({ id: m.id, externalId: m.externalId, name: memberName(m), email: m.email, phone: m.phone }));
  return Response.json({ members }, { headers: { "cache-control": "no-store" } });
}
