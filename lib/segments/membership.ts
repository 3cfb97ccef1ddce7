import "server-only";
import { clientOf, type DbOrTx } from "@/db";
import type { CompiledOffer, MemberContext } from "@/lib/engine";

const targetedBy = new WeakMap<readonly CompiledOffer[], readonly string[]>();

/** The segments some of these (live) offers target, computed once per compiled offer list. */
export function targetedSegments(offers: readonly CompiledOffer[]): readonly string[] {
  let ids = targetedBy.get(offers);
  if (!ids) {
    const set = new Set<string>();
    for (const o of offers) for (const id of o.member?.segmentIds ?? []) set.add(id);
    ids = [...set].sort();
    targetedBy.set(offers, ids);
  }
  return ids;
}

const SEGMENTS_OF_MEMBERS = `
  select member_id, segment_id from segment_members
  where member_id = any($1::uuid[]) and segment_id = any($2::uuid[])`;

/**
 * Sets `segmentIds` on the members' contexts: the targeted segments each is in (segment_members), in
 * one query for the whole batch, and only when some live offer targets a segment (otherwise nothing
 * is read and the contexts are left as they are).
 */
export async function loadMemberSegments(tx: DbOrTx, offers: readonly CompiledOffer[], contextsOf: () => ReadonlyMap<string, MemberContext>): Promise<void> {
  const segmentIds = targetedSegments(offers);
  if (segmentIds.length === 0) return;
  const contexts = contextsOf();
  if (contexts.size === 0) return;
  const rows = await clientOf(tx).unsafe<{ member_id: string; segment_id: string }[]>(SEGMENTS_OF_MEMBERS, [`{${[...contexts.keys()].join(",")}}`, `{${segmentIds.join(",")}}`], { prepare: true });
  for (const context of contexts.values()) (context as { segmentIds?: readonly string[] }).segmentIds = [];
  for (const r of rows) (contexts.get(r.member_id)!.segmentIds as string[]).push(r.segment_id);
}
