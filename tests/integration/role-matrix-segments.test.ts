/**
 * The segment actions × every role: programme managers build, save, edit and delete segments; partner
 * managers and auditors may only count; everyone else is refused with nothing written.
 */
import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
import { createSegment } from "@/lib/segments";
import { segments } from "@/db/schema";
import { makeUser, systemTestActor } from "../support/fixtures";
import { makeProgram } from "../support/ledger";
import { describeRoleMatrix, discoverActions, form, type MatrixRow } from "../support/role-matrix";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
const actions = discoverActions(modules).filter((a) => a.key.startsWith("segments/"));

const definition = async () => JSON.stringify({ programId: (await makeProgram()).id, attributes: [{ key: "segment", op: "eq", value: "salaried" }] });
const saved = async () => createSegment(getDb(), systemTestActor, { name: `Matrix ${randomUUID()}`, description: "", definition: {} }, new Date());

const MATRIX: Record<string, MatrixRow> = {
  "segments/actions.ts#countSegmentAction": {
    permission: "segments:read",
    audited: false,
    input: async () => form({ definition: await definition() }),
  },
  "segments/actions.ts#createSegmentAction": {
    permission: "segments:write",
    input: async () => form({ name: `New ${randomUUID()}`, description: "Salaried members", definition: await definition() }),
  },
  "segments/actions.ts#updateSegmentAction": {
    permission: "segments:write",
    input: async () => {
      const s = await saved();
      return form({ segmentId: s.id, version: String(s.version), name: s.name, description: "edited", definition: await definition() });
    },
  },
  "segments/actions.ts#deleteSegmentAction": {
    permission: "segments:write",
    input: async () => form({ segmentId: (await saved()).id }),
  },
};

describeRoleMatrix(actions, MATRIX, (user) => (session.user = user));

describe("segment actions with bad input", () => {
  const manager = async () => ({ id: (await makeUser(["program_manager"])).id, email: "pm@bank.example", name: "PM", roles: ["program_manager"] }) as SessionUser;
  const segmentCount = async () => (await getDb().select({ n: count() }).from(segments))[0]!.n;
  const action = (name: string) => actions.find((a) => a.key === `segments/actions.ts#${name}`)!.fn;

  it("answers a code and a field for each problem, and writes nothing", async () => {
    session.user = await manager();
    const before = await segmentCount();
    expect(await action("createSegmentAction")(undefined, form({ name: "", definition: "{}" }))).toMatchObject({ success: false, code: "validation_failed", errors: { name: expect.any(Array) } });
    expect(await action("createSegmentAction")(undefined, form({ name: "Broken", definition: "{not json" }))).toMatchObject({ success: false, code: "validation_failed", errors: { definition: expect.any(Array) } });
    expect(
      await action("createSegmentAction")(undefined, form({ name: "Bad spend", definition: JSON.stringify({ spend: { op: "gte", amount: -5, currency: "INR", window: { kind: "last_months", months: 99 } } }) })),
    ).toMatchObject({ success: false, code: "validation_failed" });
    expect(await action("createSegmentAction")(undefined, form({ name: "Tiers alone", definition: JSON.stringify({ tierIds: [randomUUID()] }) }))).toMatchObject({ success: false, code: "validation_failed" });
    expect(await action("deleteSegmentAction")(undefined, form({ segmentId: randomUUID() }))).toMatchObject({ success: false, code: "segment_not_found" });
    expect(await action("countSegmentAction")(undefined, form({ definition: JSON.stringify({ attributes: [{ key: "segment", op: "eq" }] }) }))).toMatchObject({ success: false, code: "validation_failed" });
    expect(await segmentCount()).toBe(before);
  });

  it("refuses a stale edit with segment_changed", async () => {
    session.user = await manager();
    const s = await saved();
    const edit = (description: string) => form({ segmentId: s.id, version: String(s.version), name: s.name, description, definition: "{}" });
    expect(await action("updateSegmentAction")(undefined, edit("first"))).toMatchObject({ success: true });
    expect(await action("updateSegmentAction")(undefined, edit("second"))).toMatchObject({ success: false, code: "segment_changed" });
  });
});
