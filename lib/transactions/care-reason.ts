import { z } from "zod";
import { DomainError } from "@/lib/errors";

/**
 * Why an agent retried, reversed or claimed a fulfilment: required in the console (3–300 characters),
 * optional for the API. It goes into the fulfilment's history and the audit record.
 */
export const careReasonSchema = z
  .string({ error: "Say why, in 3 to 300 characters." })
  .trim()
  .min(3, "Say why, in at least 3 characters.")
  .max(300, "Use at most 300 characters.");

/** The reason a use case was given, checked as the form checks it; undefined when none was given. */
export function optionalCareReason(reason: string | null | undefined): string | undefined {
  if (reason === undefined || reason === null) return undefined;
  const parsed = careReasonSchema.safeParse(reason);
  if (!parsed.success) throw new DomainError("validation_failed", parsed.error.issues[0]!.message, { field: "reason" });
  return parsed.data;
}

/** A history line with the agent's reason after it: "Sent again at the request of … — Partner fixed the account". */
export const withReason = (text: string, reason: string | undefined) => (reason ? `${text} — ${reason}` : text);
