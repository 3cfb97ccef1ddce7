import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { sqlState } from "@/db/retry";
import { members, segmentMembers, segments, tiers, type Segment } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { normalizeDefinition, segmentDefinitionSchema, type SegmentDefinition } from "./definition";
import { materializeSegment } from "./query";

export type SegmentInput = { name: string; description: string; definition: SegmentDefinition };

const userId = (actor: Actor) => (actor.type === "user" ? actor.id : null);

const notFound = (segmentId: string) => new DomainError("segment_not_found", "There is no such segment; it may have been deleted.", { segment_id: segmentId });

const nameTaken = (name: string) => new DomainError("segment_name_taken", `A segment named “${name}” already exists. Choose another name.`, { field: "name" });

/** The stored definition, read with the current schema. */
export function definitionOf(segment: Pick<Segment, "definition">): SegmentDefinition {
  const parsed = segmentDefinitionSchema.safeParse(segment.definition);
  return parsed.success ? parsed.data : {};
}

/** Tiers must be the chosen programme's. */
async function checkDefinition(db: DbOrTx, d: SegmentDefinition): Promise<void> {
  if (!d.programId || !d.tierIds || d.tierIds.length === 0) return;
  const rows = await db.select({ id: tiers.id, programId: tiers.programId }).from(tiers).where(sql`${tiers.id} = any(${`{${d.tierIds.join(",")}}`}::uuid[])`);
  if (rows.length !== d.tierIds.length || rows.some((t) => t.programId !== d.programId)) {
    throw new DomainError("validation_failed", "The tiers must be tiers of the chosen programme.", { field: "definition" });
  }
}

async function write<T>(run: () => Promise<T>, name: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (sqlState(error) === "23505") throw nameTaken(name);
    throw error;
  }
}

/** Saves a new segment, its members materialized and the audit record in one transaction. */
export async function createSegment(db: Db, actor: Actor, input: SegmentInput, now: Date): Promise<Segment> {
  const definition = normalizeDefinition(input.definition);
  await checkDefinition(db, definition);
  // One transaction: the segment, its members and the audit record exist together or not at all.
  return write(
    () =>
      db.transaction(async (tx) => {
        const [created] = await tx
          .insert(segments)
          .values({ name: input.name, description: input.description, definition, createdBy: userId(actor), updatedBy: userId(actor), createdAt: now, updatedAt: now })
          .returning();
        const count = await materializeSegment(tx, created!.id, definition, now);
        const [saved] = await tx.update(segments).set({ memberCount: count, countedAt: now }).where(eq(segments.id, created!.id)).returning();
        await writeAudit(tx, actor, { action: "segment.created", entityType: "segment", entityId: created!.id, after: { name: input.name, description: input.description, definition } });
        return saved!;
      }),
    input.name,
  );
}

/**
 * Saves an edit made on `expectedVersion`. The update waits for any other save of the segment and
 * then finds the version moved on: the later edit is refused (segment_changed), never lost silently.
 */
export async function updateSegment(db: Db, actor: Actor, segmentId: string, expectedVersion: number, input: SegmentInput, now: Date): Promise<Segment> {
  const definition = normalizeDefinition(input.definition);
  await checkDefinition(db, definition);
  return write(
    () =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(segments).where(eq(segments.id, segmentId));
        if (!before) throw notFound(segmentId);
        const [updated] = await tx
          .update(segments)
          .set({ name: input.name, description: input.description, definition, version: sql`${segments.version} + 1`, updatedBy: userId(actor), updatedAt: now })
          .where(and(eq(segments.id, segmentId), eq(segments.version, expectedVersion)))
          .returning();
        if (!updated) {
          throw new DomainError("segment_changed", "Someone else saved this segment while you were editing it. Reload it to see their changes, then edit again.", { segment_id: segmentId });
        }
        const count = await materializeSegment(tx, segmentId, definition, now);
        const [saved] = await tx.update(segments).set({ memberCount: count, countedAt: now }).where(eq(segments.id, segmentId)).returning();
        await writeAudit(tx, actor, {
          action: "segment.updated",
          entityType: "segment",
          entityId: segmentId,
          before: { name: before.name, description: before.description, definition: before.definition },
          after: { name: input.name, description: input.description, definition },
        });
        return saved!;
      }),
    input.name,
  );
}

/**
 * Checks that every segment an offer targets exists, and holds them (FOR KEY SHARE) until the caller's
 * transaction ends: a segment deleted at the same moment is either refused as in use or reported here.
 */
export async function lockTargetedSegments(tx: DbOrTx, segmentIds: readonly string[] | undefined): Promise<void> {
  if (!segmentIds || segmentIds.length === 0) return;
  const found = await tx.execute<{ id: string }>(sql`select id from segments where id = any(${`{${segmentIds.join(",")}}`}::uuid[]) for key share`);
  const missing = segmentIds.find((id) => !found.some((f) => f.id === id));
  if (missing) {
    throw new DomainError("segment_not_found", "The offer targets a segment that no longer exists; choose the segments again.", { field: "memberFilters.segmentIds", segment_id: missing });
  }
}

export type TargetingOffer = { id: string; name: string; status: string };

/** Offers that are not ended whose live, submitted or draft definition targets the segment. */
export async function offersTargeting(db: DbOrTx, segmentId: string): Promise<TargetingOffer[]> {
  return db.execute<TargetingOffer>(sql`
    select o.id, o.name, o.status from offers o
    where o.status <> 'ended' and (
      exists (select 1 from offer_versions v where v.offer_id = o.id and v.definition -> 'memberFilters' -> 'segmentIds' ? ${segmentId})
      or coalesce(o.draft::text, '') like ${`%${segmentId}%`})
    order by o.name`) as unknown as Promise<TargetingOffer[]>;
}

/** Deletes a segment no offer targets (segment_in_use otherwise), with its members, and audits it. */
export async function deleteSegment(db: Db, actor: Actor, segmentId: string): Promise<void> {
  // One transaction with the segment locked: a concurrent edit or worker refresh of it cannot re-insert its members.
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(segments).where(eq(segments.id, segmentId)).for("update");
    if (!before) throw notFound(segmentId);
    const offers = await offersTargeting(tx, segmentId);
    if (offers.length > 0) {
      throw new DomainError("segment_in_use", `Offers target this segment (${offers.map((o) => o.name).join(", ")}); end them or change their member filters first.`, {
        offer_ids: offers.map((o) => o.id),
      });
    }
    await tx.delete(segments).where(eq(segments.id, segmentId));
    await writeAudit(tx, actor, { action: "segment.deleted", entityType: "segment", entityId: segmentId, before: { name: before.name, description: before.description, definition: before.definition } });
  });
}

export async function getSegment(db: DbOrTx, segmentId: string): Promise<Segment> {
  if (!/^[0-9a-f-]{36}$/i.test(segmentId)) throw notFound(segmentId);
  const [row] = await db.select().from(segments).where(eq(segments.id, segmentId));
  if (!row) throw notFound(segmentId);
  return row;
}

export type SegmentSummary = Pick<Segment, "id" | "name" | "description" | "memberCount" | "countedAt" | "updatedAt">;

export async function listSegments(db: DbOrTx, page: { limit: number; offset: number }): Promise<{ rows: SegmentSummary[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: segments.id, name: segments.name, description: segments.description, memberCount: segments.memberCount, countedAt: segments.countedAt, updatedAt: segments.updatedAt })
      .from(segments)
      .orderBy(asc(sql`lower(${segments.name})`))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(segments),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every segment, for pickers (offer member filters). */
export async function segmentOptions(db: DbOrTx): Promise<{ id: string; name: string; memberCount: number }[]> {
  return db.select({ id: segments.id, name: segments.name, memberCount: segments.memberCount }).from(segments).orderBy(asc(sql`lower(${segments.name})`));
}

export type SegmentMemberRow = { id: string; externalId: string; firstName: string | null; lastName: string | null; email: string | null };

/** One page of the segment's members, in member id order. */
export async function segmentMembersPage(db: DbOrTx, segmentId: string, page: { limit: number; offset: number }): Promise<SegmentMemberRow[]> {
  return db
    .select({ id: members.id, externalId: members.externalId, firstName: members.firstName, lastName: members.lastName, email: members.email })
    .from(segmentMembers)
    .innerJoin(members, eq(members.id, segmentMembers.memberId))
    .where(eq(segmentMembers.segmentId, segmentId))
    .orderBy(asc(segmentMembers.memberId))
    .limit(page.limit)
    .offset(page.offset);
}

/** Every member of the segment in batches (keyset on member id), for the CSV export. */
export async function* allSegmentMembers(db: DbOrTx, segmentId: string, batch = 5000): AsyncGenerator<SegmentMemberRow[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db
      .select({ id: members.id, externalId: members.externalId, firstName: members.firstName, lastName: members.lastName, email: members.email })
      .from(segmentMembers)
      .innerJoin(members, eq(members.id, segmentMembers.memberId))
      .where(and(eq(segmentMembers.segmentId, segmentId), sql`${segmentMembers.memberId} > ${after}::uuid`))
      .orderBy(asc(segmentMembers.memberId))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Recomputes every segment's members (the `segments.refresh` job, every 5 minutes): tiers, enrolments,
 * attributes and the spend rollup move on, and offers targeting a segment read segment_members. Each
 * segment in its own transaction, its row locked so that a save in between is not overwritten.
 */
export async function refreshSegments(db: Db, now: Date): Promise<number> {
  const ids = await db.select({ id: segments.id }).from(segments).orderBy(asc(segments.id));
  let total = 0;
  for (const { id } of ids) {
    total += await db.transaction(async (tx) => {
      const [row] = await tx.select().from(segments).where(eq(segments.id, id)).for("update");
      if (!row) return 0;
      const count = await materializeSegment(tx, id, definitionOf(row), now);
      await tx.update(segments).set({ memberCount: count, countedAt: now }).where(eq(segments.id, id));
      return count;
    });
  }
  return total;
}
