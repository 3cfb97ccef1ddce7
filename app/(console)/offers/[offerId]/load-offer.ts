import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { getOfferDetail } from "@/lib/offers/queries";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The offer with its programme and versions, or a 404 for an id that is malformed or unknown. */
export const loadOffer = cache(async (id: string) => {
  if (!UUID.test(id)) notFound();
  try {
    return await getOfferDetail(getDb(), id);
  } catch (error) {
    if (isDomainError(error) && error.code === "offer_not_found") notFound();
    throw error;
  }
});
