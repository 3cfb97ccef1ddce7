/** Point blocks: recorded pending, approved by someone else (maker-checker), rejected with a reason; every change audited. */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, pointBlocks } from "@/db/schema";
import type { ActionState } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { approvePointBlock, recordPointBlock, rejectPointBlock } from "@/lib/partners/blocks";
import { partnerBlockSummary } from "@/lib/partners/queries";
import type { PublicUser } from "@/lib/users";
import { actorFor, makeUser, systemTestActor } from "../support/fixtures";
import { partnerWithProgram, POSTPAID } from "../support/partners";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const BLOCK = { kind: "prepaid" as const, points: 100_000, price: 3_500_000, currency: "INR", reference: "PO-1" };
let maker: PublicUser;
let checker: PublicUser;
const sessionOf = (u: PublicUser): SessionUser => ({ id: u.id, email: u.email, name: u.name, roles: u.roles });
const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};
const audits = async (id: string) => getDb().select().from(auditLog).where(and(eq(auditLog.entityType, "point_block"), eq(auditLog.entityId, id)));

beforeAll(async () => {
  maker = await makeUser(["partner_manager"]);
  checker = await makeUser(["partner_manager"]);
});

describe("point block lifecycle", () => {
  it("records a pending block that funds nothing until another partner manager approves it", async () => {
    const partner = await partnerWithProgram();
    const block = await recordPointBlock(getDb(), actorFor(maker), partner.id, BLOCK);
    expect(block).toMatchObject({ status: "pending", points: 100_000, used: 0, recordedBy: maker.id, decidedBy: null });
    expect(await partnerBlockSummary(getDb(), partner.id)).toMatchObject({ availablePoints: 0, pendingPoints: 100_000, pendingBlocks: 1 });

    const approved = await approvePointBlock(getDb(), actorFor(checker), block.id);
    expect(approved).toMatchObject({ status: "active", decidedBy: checker.id });
    expect(approved.decidedAt).toBeInstanceOf(Date);
    expect(await partnerBlockSummary(getDb(), partner.id)).toMatchObject({ availablePoints: 100_000, pendingPoints: 0, activeBlocks: 1 });
    expect((await audits(block.id)).map((a) => a.action).sort()).toEqual(["point_block.approve", "point_block.record"]);
  });

  it("keeps a reserve block apart from the prepaid points", async () => {
    const partner = await partnerWithProgram();
    const block = await recordPointBlock(getDb(), actorFor(maker), partner.id, { ...BLOCK, kind: "reserve", points: 5_000 });
    await approvePointBlock(getDb(), actorFor(checker), block.id);
    expect(await partnerBlockSummary(getDb(), partner.id)).toMatchObject({ availablePoints: 0, reservePoints: 5_000 });
  });

  it("rejects with a reason; a decided block cannot be decided again", async () => {
    const partner = await partnerWithProgram();
    const block = await recordPointBlock(getDb(), actorFor(maker), partner.id, BLOCK);
    await expect(rejectPointBlock(getDb(), actorFor(checker), block.id, "   ")).rejects.toMatchObject({ code: "validation_failed" });
    const rejected = await rejectPointBlock(getDb(), actorFor(checker), block.id, "Invoice does not match the PO");
    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Invoice does not match the PO", decidedBy: checker.id });
    await expect(approvePointBlock(getDb(), actorFor(checker), block.id)).rejects.toMatchObject({ code: "point_block_not_pending" });
    await expect(rejectPointBlock(getDb(), actorFor(checker), block.id, "again")).rejects.toMatchObject({ code: "point_block_not_pending" });
    expect(await partnerBlockSummary(getDb(), partner.id)).toMatchObject({ availablePoints: 0, pendingPoints: 0 });
  });

  it("lets its recorder withdraw it", async () => {
    const partner = await partnerWithProgram();
    const block = await recordPointBlock(getDb(), actorFor(maker), partner.id, BLOCK);
    expect(await rejectPointBlock(getDb(), actorFor(maker), block.id, "Recorded twice")).toMatchObject({ status: "rejected" });
  });

  it("refuses a suspended partner, a post-paid partner, an unknown partner or block, and bad input, writing nothing", async () => {
    const suspended = await partnerWithProgram({ status: "suspended" });
    const postpaid = await partnerWithProgram(POSTPAID);
    const before = (await getDb().select().from(pointBlocks)).length;
    await expect(recordPointBlock(getDb(), actorFor(maker), suspended.id, BLOCK)).rejects.toMatchObject({ code: "partner_suspended" });
    await expect(recordPointBlock(getDb(), actorFor(maker), postpaid.id, BLOCK)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(recordPointBlock(getDb(), actorFor(maker), "00000000-0000-4000-8000-000000000000", BLOCK)).rejects.toMatchObject({ code: "partner_not_found" });
    await expect(recordPointBlock(getDb(), actorFor(maker), "not-a-uuid", BLOCK)).rejects.toMatchObject({ code: "partner_not_found" });
    const partner = await partnerWithProgram();
    await expect(recordPointBlock(getDb(), actorFor(maker), partner.id, { ...BLOCK, points: 0 })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(recordPointBlock(getDb(), actorFor(maker), partner.id, { ...BLOCK, price: -1 })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(recordPointBlock(getDb(), actorFor(maker), partner.id, { ...BLOCK, reference: " " })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(approvePointBlock(getDb(), actorFor(checker), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "point_block_not_found" });
    await expect(approvePointBlock(getDb(), actorFor(checker), "nope")).rejects.toMatchObject({ code: "point_block_not_found" });
    expect((await getDb().select().from(pointBlocks)).length).toBe(before);
  });

  it("approves a block the system created (no recorder) by any partner manager, once, under concurrent approvals", async () => {
    const partner = await partnerWithProgram();
    const block = await recordPointBlock(getDb(), systemTestActor, partner.id, BLOCK);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => approvePointBlock(getDb(), actorFor(checker), block.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "point_block_not_pending" });
    expect((await audits(block.id)).filter((a) => a.action === "point_block.approve")).toHaveLength(1);
  });
});

describe("maker-checker", () => {
  it("the recorder cannot approve the block (use case)", async () => {
    const partner = await partnerWithProgram();
    const block = await recordPointBlock(getDb(), actorFor(maker), partner.id, BLOCK);
    await expect(approvePointBlock(getDb(), actorFor(maker), block.id)).rejects.toMatchObject({ code: "maker_checker" });
    const [row] = await getDb().select().from(pointBlocks).where(eq(pointBlocks.id, block.id));
    expect(row).toMatchObject({ status: "pending", decidedBy: null });
    expect((await audits(block.id)).map((a) => a.action)).toEqual(["point_block.record"]);
  });

  it("the recorder cannot approve the block (server actions), another partner manager can", async () => {
    const { recordPointBlockAction, approvePointBlockAction } = await import("@/app/(console)/point-blocks/actions");
    const partner = await partnerWithProgram();
    session.user = sessionOf(maker);
    const recorded = (await recordPointBlockAction(undefined, form({ partnerId: partner.id, kind: "prepaid", points: "50,000".replace(",", ""), price: "1750000", currency: "inr", reference: "PO-ACTION" }))) as ActionState<{ blockId: string }>;
    expect(recorded).toMatchObject({ success: true });
    const blockId = recorded.data!.blockId;

    const refused = await approvePointBlockAction(undefined, form({ blockId }));
    expect(refused).toMatchObject({ success: false, code: "maker_checker" });
    expect((await getDb().select().from(pointBlocks).where(eq(pointBlocks.id, blockId)))[0]).toMatchObject({ status: "pending", currency: "INR" });

    session.user = sessionOf(checker);
    expect(await approvePointBlockAction(undefined, form({ blockId }))).toMatchObject({ success: true });
    expect((await getDb().select().from(pointBlocks).where(eq(pointBlocks.id, blockId)))[0]).toMatchObject({ status: "active", decidedBy: checker.id });
  });

  it("the record action answers bad input with field messages and writes nothing", async () => {
    const { recordPointBlockAction } = await import("@/app/(console)/point-blocks/actions");
    const partner = await partnerWithProgram();
    session.user = sessionOf(maker);
    const before = (await getDb().select().from(pointBlocks)).length;
    const result = await recordPointBlockAction(undefined, form({ partnerId: partner.id, kind: "prepaid", points: "1.5", price: "abc", currency: "RUPEES", reference: "" }));
    expect(result).toMatchObject({ success: false, code: "validation_failed" });
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(["currency", "points", "price", "reference"]);
    expect((await getDb().select().from(pointBlocks)).length).toBe(before);
  });
});

describe("partners list", () => {
  it("shows each prepaid partner's available, reserve and pending block points", async () => {
    const { listPartnersWithFunding } = await import("@/lib/partners/queries");
    const partner = await partnerWithProgram({ name: `Listed ${Date.now()}` });
    const a = await recordPointBlock(getDb(), actorFor(maker), partner.id, BLOCK);
    await approvePointBlock(getDb(), actorFor(checker), a.id);
    await recordPointBlock(getDb(), actorFor(maker), partner.id, { ...BLOCK, points: 7 });
    const { rows } = await listPartnersWithFunding(getDb(), { q: partner.name });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: partner.id, availablePoints: 100_000, reservePoints: 0, pendingPoints: 7, hasApiSecret: false });
    expect(rows[0]).not.toHaveProperty("apiSecretCipher");
  });
});

describe("partner API keys", () => {
  it("binds a key to its partner; a partner's page revokes only that partner's keys", async () => {
    const { createApiKey, listApiKeys, revokeApiKey } = await import("@/lib/api-keys");
    const partner = await partnerWithProgram();
    const other = await partnerWithProgram();
    const { apiKey, token } = await createApiKey(getDb(), actorFor(maker), { name: "Sky POS", scopes: ["partner_transactions:write", "members:read"], partnerId: partner.id });
    expect(apiKey.partnerId).toBe(partner.id);
    expect(token).toMatch(/^ck_/);
    expect((await listApiKeys(getDb(), { partnerId: partner.id })).rows.map((k) => k.id)).toEqual([apiKey.id]);
    expect((await listApiKeys(getDb(), { partnerId: other.id })).total).toBe(0);
    await expect(createApiKey(getDb(), actorFor(maker), { name: "x", scopes: ["members:read"], partnerId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "partner_not_found" });
    await expect(revokeApiKey(getDb(), actorFor(maker), { apiKeyId: apiKey.id, partnerId: other.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await revokeApiKey(getDb(), actorFor(maker), { apiKeyId: apiKey.id, partnerId: partner.id })).revokedAt).toBeInstanceOf(Date);
    // Without a partner, createApiKey behaves as before.
    expect((await createApiKey(getDb(), systemTestActor, { name: "Bank POS", scopes: ["members:read"] })).apiKey.partnerId).toBeNull();
  });
});
