import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { getPartner } from "@/lib/partners";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partner of the page, or a 404 for an id that is malformed or unknown. Once per request. */
export const loadPartner = cache(async (id: string) => {
  if (!UUID.test(id)) notFound();
  try {
    return await getPartner(getDb(), id);
  } catch (error) {
    if (isDomainError(error) && error.code === "partner_not_found") notFound();
    throw error;
  }
});
