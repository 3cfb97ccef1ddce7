import { startOfDay, validTimeZone } from "../../_lib/dates";
import { param, type SearchParams } from "../../_lib/search-params";

export type AuditFilterInput = {
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  tz: string;
  before?: number;
};

export type ParsedAuditFilter = {
  /** What the form shows and the links keep. */
  input: AuditFilterInput;
  /** What the query gets: from inclusive, to exclusive (the day after the chosen end day). */
  query: { actor?: string; entityType?: string; entityId?: string; from?: Date; to?: Date; before?: number };
  errors: { from?: string; to?: string };
};

/** Reads the audit log filters from the URL; the end day is inclusive, in the reader's time zone. */
export function parseAuditFilter(params: SearchParams): ParsedAuditFilter {
  const tz = validTimeZone(param(params, "tz", 64));
  const beforeRaw = param(params, "before", 20);
  const before = beforeRaw && /^\d+$/.test(beforeRaw) && Number.isSafeInteger(Number(beforeRaw)) ? Number(beforeRaw) : undefined;
  const input: AuditFilterInput = {
    actor: param(params, "actor", 120),
    entityType: param(params, "entityType", 60),
    entityId: param(params, "entityId", 120),
    from: param(params, "from", 10),
    to: param(params, "to", 10),
    tz,
    before,
  };
  const errors: ParsedAuditFilter["errors"] = {};
  const from = input.from ? startOfDay(input.from, tz) : undefined;
  const to = input.to ? startOfDay(input.to, tz, 1) : undefined;
  if (from === null) errors.from = "Enter a valid date.";
  if (to === null) errors.to = "Enter a valid date.";
  if (from && to && from >= to) errors.to = "The end date is before the start date.";
  return {
    input,
    query: {
      actor: input.actor,
      entityType: input.entityType,
      entityId: input.entityId,
      from: from ?? undefined,
      to: to ?? undefined,
      before,
    },
    errors,
  };
}

/** The filter as URL parameters (without the page position). */
export function filterParams(input: AuditFilterInput): Record<string, string | undefined> {
  return {
    actor: input.actor,
    entityType: input.entityType,
    entityId: input.entityId,
    from: input.from,
    to: input.to,
    tz: input.from || input.to ? input.tz : undefined,
  };
}
