import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { getMemberPrograms, resolveMember } from "@/lib/members";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The member by id, or a 404 for an id that is malformed or unknown. Shared by the member's tabs and their metadata. */
export const loadMember = cache(async (id: string) => {
  if (!UUID.test(id)) notFound();
  try {
    return await resolveMember(getDb(), id);
  } catch (error) {
    if (isDomainError(error) && error.code === "member_not_found") notFound();
    throw error;
  }
});

/** The member's enrolments with their balances (and points debt), once per request. */
export const loadMemberPrograms = cache(async (memberId: string) => getMemberPrograms(getDb(), memberId));
