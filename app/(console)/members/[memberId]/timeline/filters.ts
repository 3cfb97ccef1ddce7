import { startOfDay, validTimeZone } from "../../../_lib/dates";
import { param, type SearchParams } from "../../../_lib/search-params";
import { TIMELINE_KINDS, type TimelineFilter, type TimelineKind } from "@/lib/members/timeline";

export type TimelineFilterInput = { programId?: string; kind?: TimelineKind; from?: string; to?: string; tz: string; cursor?: string };
export type ParsedTimelineFilter = { input: TimelineFilterInput; filter: TimelineFilter; errors: { from?: string; to?: string } };

/**
 * The timeline's filters from the URL: a programme of the member, a kind, and calendar days in the
 * reader's time zone (the end day inclusive). Anything unknown is ignored, not an error page.
 */
export function parseTimelineFilter(params: SearchParams, programIds: readonly string[]): ParsedTimelineFilter {
  const tz = validTimeZone(param(params, "tz", 64));
  const programId = param(params, "programme", 36);
  const kind = param(params, "kind", 20);
  const input: TimelineFilterInput = {
    programId: programId && programIds.includes(programId) ? programId : undefined,
    kind: kind && (TIMELINE_KINDS as readonly string[]).includes(kind) ? (kind as TimelineKind) : undefined,
    from: param(params, "from", 10),
    to: param(params, "to", 10),
    tz,
    cursor: param(params, "cursor", 200),
  };
  const errors: ParsedTimelineFilter["errors"] = {};
  const from = input.from ? startOfDay(input.from, tz) : undefined;
  const to = input.to ? startOfDay(input.to, tz, 1) : undefined;
  if (from === null) errors.from = "Enter a valid date.";
  if (to === null) errors.to = "Enter a valid date.";
  if (from && to && from >= to) errors.to = "The end date is before the start date.";
  return { input, filter: { programId: input.programId, kinds: input.kind ? [input.kind] : null, from: from ?? null, to: to ?? null }, errors };
}

/** The filter as URL parameters, without the page position. */
export function timelineParams(input: TimelineFilterInput): Record<string, string | undefined> {
  return { programme: input.programId, kind: input.kind, from: input.from, to: input.to, tz: input.from || input.to ? input.tz : undefined };
}
