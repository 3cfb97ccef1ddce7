import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { offers, offerVersions, partners, programs, type Offer, type OfferVersion } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { lockTargetedSegments } from "@/lib/segments";
import { compileOffer, EngineError, offerDefinitionSchema, type OfferDefinition } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { invalidateOfferCache } from "./cache";

export type OfferStatus = "draft" | "submitted" | "approved" | "active" | "paused" | "ended";

const userId = (actor: Actor) => (actor.type === "user" ? actor.id : null);

/** Starts an offer as a draft from the wizard's first step (the rest comes step by step). */
export async function createOfferDraft(db: DbOrTx, actor: Actor, input: { programId: string; name: string; draft: Record<string, unknown> }): Promise<Offer> {
  return db.transaction(async (tx) => {
    const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, input.programId));
    if (!program) throw new DomainError("program_not_found", "No such programme.", { field: "programId" });
    const [offer] = await tx
      .insert(offers)
      .values({ programId: input.programId, name: input.name, status: "draft", draft: input.draft, draftStep: 1, createdBy: userId(actor) })
      .returning();
    await writeAudit(tx, actor, { action: "offer.create", entityType: "offer", entityId: offer!.id, after: { name: input.name, programId: input.programId } });
    return offer!;
  });
}

/** Saves the draft as the wizard left it (possibly incomplete) and the step to resume at. */
export async function saveOfferDraft(db: DbOrTx, actor: Actor, offerId: string, draft: Record<string, unknown>, step: number): Promise<Offer> {
  return db.transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    if (offer.status === "ended") throw new DomainError("offer_ended", "An ended offer cannot be edited.");
    if (offer.pendingVersion !== null) throw new DomainError("offer_awaiting_approval", "This offer is waiting for approval; withdraw the submission to edit it.");
    const name = typeof draft.name === "string" && draft.name.trim() ? draft.name.trim() : offer.name;
    const [after] = await tx.update(offers).set({ draft, draftStep: step, name: offer.liveVersion ? offer.name : name, updatedAt: new Date() }).where(eq(offers.id, offerId)).returning();
    await writeAudit(tx, actor, { action: "offer.save_draft", entityType: "offer", entityId: offerId, before: { draft: offer.draft, step: offer.draftStep }, after: { draft, step } });
    return after!;
  });
}

/** Starts a new version of a live offer from its current definition; the live version keeps earning meanwhile. */
export async function editLiveOffer(db: DbOrTx, actor: Actor, offerId: string): Promise<Offer> {
  return db.transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    if (offer.liveVersion === null || offer.status === "ended") throw new DomainError("offer_not_live", "Only an approved offer that has not ended gets new versions.");
    if (offer.draft) return offer;
    const live = await getVersion(tx, offerId, offer.liveVersion);
    const [after] = await tx.update(offers).set({ draft: live.definition, draftStep: 1, updatedAt: new Date() }).where(eq(offers.id, offerId)).returning();
    await writeAudit(tx, actor, { action: "offer.edit", entityType: "offer", entityId: offerId, after: { fromVersion: offer.liveVersion } });
    return after!;
  });
}

/**
 * Context the engine needs to compile an offer of this programme: its home country and, for partner
 * points, the partner's conversion rate. A partner the offer names (outcome or funding) must exist.
 */
async function offerContext(tx: DbOrTx, programId: string, definition: OfferDefinition) {
  const [program] = await tx.select({ homeCountry: programs.homeCountry }).from(programs).where(eq(programs.id, programId));
  if (!program) throw new DomainError("program_not_found", "No such programme.");
  const outcomePartner = definition.outcome.type === "partner_points" ? definition.outcome.partnerId : null;
  const named = [
    outcomePartner ? { id: outcomePartner, field: "outcome.partnerId" } : null,
    definition.funding.kind === "partner" ? { id: definition.funding.partnerId, field: "funding.partnerId" } : null,
  ].filter((n) => n !== null);
  const found = named.length > 0 ? await tx.select({ id: partners.id, conversionRate: partners.conversionRate }).from(partners).where(inArray(partners.id, named.map((n) => n.id))) : [];
  for (const n of named) {
    if (!found.some((p) => p.id === n.id)) throw new DomainError("partner_not_found", "Choose a partner from partner setup.", { field: n.field, partner_id: n.id });
  }
  return { homeCountry: program.homeCountry, partnerConversion: found.find((p) => p.id === outcomePartner)?.conversionRate ?? "1" };
}

/**
 * Validates the draft in full (the same schema as the wizard and the API) and proves the engine can
 * evaluate it, then submits it as the next version for approval by another user.
 */
export async function submitOffer(db: DbOrTx, actor: Actor, offerId: string): Promise<OfferVersion> {
  return db.transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    if (!offer.draft) throw new DomainError("nothing_to_submit", "There is no draft to submit.");
    if (offer.pendingVersion !== null) throw new DomainError("offer_awaiting_approval", "A version is already waiting for approval.");
    const definition = parseDefinition(offer.draft);
    if (definition.programId !== offer.programId) throw new DomainError("program_mismatch", "An offer stays in the programme it was created in.", { field: "programId" });
    await lockTargetedSegments(tx, definition.memberFilters?.segmentIds);
    assertEvaluable(offerId, (offer.liveVersion ?? 0) + 1, definition, await offerContext(tx, offer.programId, definition));
    const version = (await latestVersion(tx, offerId)) + 1;
    const [row] = await tx
      .insert(offerVersions)
      .values({ offerId, version, definition: definition as unknown as Record<string, unknown>, status: "submitted", submittedBy: userId(actor) })
      .returning();
    await tx
      .update(offers)
      .set({
        pendingVersion: version,
        status: offer.liveVersion === null ? "submitted" : offer.status,
        name: definition.name,
        outcomeType: definition.outcome.type,
        partnerId: definition.outcome.type === "partner_points" ? definition.outcome.partnerId : null,
        updatedAt: new Date(),
      })
      .where(eq(offers.id, offerId));
    await writeAudit(tx, actor, { action: "offer.submit", entityType: "offer", entityId: offerId, after: { version } });
    return row!;
  });
}

/** Approves the waiting version (maker-checker: never by whoever submitted it); it goes live at once. */
export async function approveOffer(db: DbOrTx, actor: Actor, offerId: string, now = new Date()): Promise<Offer> {
  const result = await db.transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    if (offer.pendingVersion === null) throw new DomainError("nothing_to_approve", "No version of this offer is waiting for approval.");
    const pending = await getVersion(tx, offerId, offer.pendingVersion);
    if (pending.submittedBy && pending.submittedBy === userId(actor)) {
      throw new DomainError("maker_checker", "Another user must approve what you submitted.");
    }
    const definition = parseDefinition(pending.definition);
    await tx.update(offerVersions).set({ status: "approved", decidedBy: userId(actor), decidedAt: now }).where(and(eq(offerVersions.offerId, offerId), eq(offerVersions.version, pending.version)));
    if (offer.liveVersion !== null) {
      await tx.update(offerVersions).set({ status: "superseded" }).where(and(eq(offerVersions.offerId, offerId), eq(offerVersions.version, offer.liveVersion)));
    }
    const [after] = await tx
      .update(offers)
      .set({
        liveVersion: pending.version,
        pendingVersion: null,
        draft: null,
        status: offer.status === "paused" ? "paused" : "active",
        budget: definition.caps?.budget ?? null,
        updatedAt: now,
      })
      .where(eq(offers.id, offerId))
      .returning();
    await writeAudit(tx, actor, { action: "offer.approve", entityType: "offer", entityId: offerId, after: { version: pending.version } });
    return after!;
  });
  invalidateOfferCache();
  return result;
}

/** Sends the waiting version back to its author with a note; the draft stays for editing. */
export async function rejectOffer(db: DbOrTx, actor: Actor, offerId: string, note: string, now = new Date()): Promise<Offer> {
  return closeSubmission(db, actor, offerId, { status: "rejected", note }, now);
}

/**
 * Its author takes back a submission that waits for approval, to keep editing: the version is marked
 * withdrawn (not rejected: nobody decided on it) and the draft is editable again.
 */
export async function withdrawOffer(db: DbOrTx, actor: Actor, offerId: string, now = new Date()): Promise<Offer> {
  return closeSubmission(db, actor, offerId, { status: "withdrawn", note: null }, now);
}

/** Ends the wait for approval without it: the version rejected (by a reviewer) or withdrawn (by its author only). */
async function closeSubmission(db: DbOrTx, actor: Actor, offerId: string, close: { status: "rejected" | "withdrawn"; note: string | null }, now: Date): Promise<Offer> {
  return db.transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    if (offer.pendingVersion === null) throw new DomainError("nothing_to_approve", "No version of this offer is waiting for approval.");
    if (close.status === "withdrawn") {
      const pending = await getVersion(tx, offerId, offer.pendingVersion);
      if (pending.submittedBy === null || pending.submittedBy !== userId(actor)) {
        throw new DomainError("forbidden", "Only the user who submitted this version can withdraw it; others approve or reject it.");
      }
    }
    await tx
      .update(offerVersions)
      .set({ status: close.status, decidedBy: userId(actor), decidedAt: now, decisionNote: close.note })
      .where(and(eq(offerVersions.offerId, offerId), eq(offerVersions.version, offer.pendingVersion)));
    const [after] = await tx
      .update(offers)
      .set({ pendingVersion: null, status: offer.liveVersion === null ? "draft" : offer.status, updatedAt: now })
      .where(eq(offers.id, offerId))
      .returning();
    const action = close.status === "rejected" ? "offer.reject" : "offer.withdraw";
    await writeAudit(tx, actor, { action, entityType: "offer", entityId: offerId, after: { version: offer.pendingVersion, ...(close.note ? { note: close.note } : {}) } });
    return after!;
  });
}

const TRANSITIONS: Record<"pause" | "resume" | "end", { from: OfferStatus[]; to: OfferStatus }> = {
  pause: { from: ["active"], to: "paused" },
  resume: { from: ["paused"], to: "active" },
  end: { from: ["active", "paused", "approved"], to: "ended" },
};

/** Pauses, resumes or ends a live offer (ending is final). */
export async function changeOfferStatus(db: DbOrTx, actor: Actor, offerId: string, change: keyof typeof TRANSITIONS): Promise<Offer> {
  const result = await db.transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    const rule = TRANSITIONS[change];
    if (!rule.from.includes(offer.status as OfferStatus)) {
      throw new DomainError("invalid_offer_transition", `A ${offer.status} offer cannot be ${change === "end" ? "ended" : change === "pause" ? "paused" : "resumed"}.`);
    }
    const [after] = await tx.update(offers).set({ status: rule.to, updatedAt: new Date() }).where(eq(offers.id, offerId)).returning();
    await writeAudit(tx, actor, { action: `offer.${change}`, entityType: "offer", entityId: offerId, before: { status: offer.status }, after: { status: rule.to } });
    return after!;
  });
  invalidateOfferCache();
  return result;
}

export function parseDefinition(raw: unknown): OfferDefinition {
  const parsed = offerDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("invalid_offer", issue.message, { field: issue.path.join("."), issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
  }
  return parsed.data;
}

function assertEvaluable(offerId: string, version: number, definition: OfferDefinition, context: { homeCountry: string; partnerConversion: string }): void {
  try {
    compileOffer({ offerId, version, definition }, context);
  } catch (error) {
    if (error instanceof EngineError) throw new DomainError("offer_not_evaluable", `The engine cannot evaluate this offer: ${error.message}`, { engine_code: error.code });
    throw error;
  }
}

async function lockOffer(tx: DbOrTx, offerId: string): Promise<Offer> {
  const [offer] = await tx.select().from(offers).where(eq(offers.id, offerId)).for("update");
  if (!offer) throw new DomainError("offer_not_found", "No such offer.", { offer_id: offerId });
  return offer;
}

async function getVersion(tx: DbOrTx, offerId: string, version: number): Promise<OfferVersion> {
  const [row] = await tx.select().from(offerVersions).where(and(eq(offerVersions.offerId, offerId), eq(offerVersions.version, version)));
  if (!row) throw new Error(`offer ${offerId} has no version ${version}`);
  return row;
}

async function latestVersion(tx: DbOrTx, offerId: string): Promise<number> {
  const rows = await tx.select({ version: offerVersions.version }).from(offerVersions).where(eq(offerVersions.offerId, offerId));
  return rows.reduce((m, r) => Math.max(m, r.version), 0);
}
