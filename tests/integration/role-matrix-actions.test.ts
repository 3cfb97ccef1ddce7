/**
 * Every server action × every role: a role without the permission is refused and nothing changes;
 * a role with it gets through. The session is the only thing faked (there is no browser); the
 * database is real.
 */
import { vi } from "vitest";
import { getDb } from "@/db";
import { createApiKey } from "@/lib/api-keys";
import type { SessionUser } from "@/lib/auth/session";
import { makeUser, systemTestActor, TEST_PASSWORD } from "../support/fixtures";
import { describeRoleMatrix, discoverActions, form, type MatrixRow } from "../support/role-matrix";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
let n = 0;
const targetUser = async () => (await makeUser(["auditor"], { email: `target-${++n}-${Date.now()}@bank.example` })).id;
const targetKey = async () => (await createApiKey(getDb(), systemTestActor, { name: `key ${++n}`, scopes: ["members:read"] })).apiKey.id;

/** The permission each action needs, and a valid input for it. Every exported action must be here. */
const MATRIX: Record<string, MatrixRow> = {
  // Folds new rows into the report rollups: derived data, no audit record.
  "reports/actions.ts#refreshReportsAction": {
    permission: "reports:read",
    input: async () => form({}),
    audited: false,
  },
  "settings/users/actions.ts#createUserAction": {
    permission: "users:write",
    input: async () => form({ name: "New Person", email: `new-${++n}-${Date.now()}@bank.example`, password: TEST_PASSWORD, roles: ["auditor"] }),
  },
  "settings/users/actions.ts#updateUserRolesAction": {
    permission: "users:write",
    input: async () => form({ userId: await targetUser(), roles: ["member_care"] }),
  },
  "settings/users/actions.ts#setUserActiveAction": {
    permission: "users:write",
    input: async () => form({ userId: await targetUser(), active: "false" }),
  },
  "settings/users/actions.ts#resetPasswordAction": {
    permission: "users:write",
    input: async () => form({ userId: await targetUser(), password: "another-long-password" }),
  },
  "settings/api-keys/actions.ts#createApiKeyAction": {
    permission: "api_keys:write",
    input: async () => form({ name: `Key ${++n}`, scopes: ["members:read"] }),
  },
  "settings/api-keys/actions.ts#revokeApiKeyAction": {
    permission: "api_keys:write",
    input: async () => form({ apiKeyId: await targetKey() }),
  },
  "programs/actions.ts#createProgramAction": {
    permission: "programs:write",
    input: async () =>
      form({ code: `NP${++n}${Date.now().toString(36)}`, name: "New Programme", pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: "100", maxRedemptionPoints: "", redemptionMultipleOf: "10" }),
  },
  "programs/actions.ts#updateProgramAction": {
    permission: "programs:write",
    input: async () => {
      const { createProgram } = await import("@/lib/programs");
      const p = await createProgram(getDb(), systemTestActor, { code: `UP${++n}${Date.now().toString(36)}`, name: "Before", pointsToCurrency: "1", currency: "INR", timeZone: "UTC", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
      return form({ programId: p.id, code: p.code, name: "After", pointsToCurrency: "0.5", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: "10", maxRedemptionPoints: "5000", redemptionMultipleOf: "5" });
    },
  },
  "members/actions.ts#reverseRedemptionAction": {
    permission: "members:adjust",
    input: async () => {
      const { makeProgram, makeMember, award } = await import("../support/ledger");
      const { redeemPoints } = await import("@/lib/ledger/redeem");
      const program = await makeProgram();
      const member = await makeMember([program.id]);
      await award(member.id, program.id, 100);
      const r = await redeemPoints(getDb(), systemTestActor, { memberId: member.id, programId: program.id, points: 40, group: false });
      return form({ memberId: member.id, redemptionId: r.id });
    },
  },
  "programs/actions.ts#setGroupRedemptionRulesAction": {
    permission: "programs:write",
    input: async () => {
      const { createProgram, getDefaultProgram } = await import("@/lib/programs");
      const other = await createProgram(getDb(), systemTestActor, { code: `GR${++n}${Date.now().toString(36)}`, name: "Rules", pointsToCurrency: "0.1", currency: "INR", timeZone: "UTC", minRedemptionPoints: 100, maxRedemptionPoints: null, redemptionMultipleOf: 10 });
      return form({ programId: (await getDefaultProgram(getDb())).id, rulesProgramId: other.id });
    },
  },
  "programs/actions.ts#setDefaultProgramAction": {
    permission: "programs:write",
    input: async () => {
      const { createProgram } = await import("@/lib/programs");
      // Two programmes, so that the returned one is never already the default (the first one ever created is).
      const make = async () =>
        createProgram(getDb(), systemTestActor, { code: `SD${++n}${Date.now().toString(36)}`, name: "Candidate", pointsToCurrency: "0.1", currency: "INR", timeZone: "UTC", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
      await make();
      return form({ programId: (await make()).id });
    },
  },
  "programs/actions.ts#addExpiryStrategyAction": {
    permission: "programs:write",
    input: async () => {
      const { createProgram } = await import("@/lib/programs");
      const p = await createProgram(getDb(), systemTestActor, { code: `EX${++n}${Date.now().toString(36)}`, name: "Expiring", pointsToCurrency: "1", currency: "INR", timeZone: "UTC", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
      return form({ programId: p.id, name: "12 months", kind: "end_of_month_after_months", amount: "12", isDefault: "on" });
    },
  },
  "programs/actions.ts#addTierAction": {
    permission: "programs:write",
    input: async () => {
      const { createProgram } = await import("@/lib/programs");
      const p = await createProgram(getDb(), systemTestActor, { code: `TR${++n}${Date.now().toString(36)}`, name: "Tiered", pointsToCurrency: "1", currency: "INR", timeZone: "UTC", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
      return form({ programId: p.id, name: "Gold" });
    },
  },
  "members/actions.ts#enrolMemberAction": {
    permission: "members:write",
    input: async () => {
      const { createProgram } = await import("@/lib/programs");
      const p = await createProgram(getDb(), systemTestActor, { code: `EM${++n}${Date.now().toString(36)}`, name: "Enrolling", pointsToCurrency: "1", currency: "INR", timeZone: "UTC", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
      return form({ externalId: `CUST-${++n}-${Date.now()}`, firstName: "Asha", lastName: "Rao", email: "", phone: "+91 98765 43210", programIds: [p.id], attrKey: ["segment", ""], attrValue: ["premium", ""] });
    },
  },
  "transactions/imports/actions.ts#uploadImportAction": {
    permission: "offers:write",
    // A file of its own each time (the same file twice is refused as a duplicate).
    input: async () =>
      form({
        kind: "transactions",
        fileName: "matrix.csv",
        content: `external_id,member_id,type,amount,currency,occurred_at\r\nMATRIX-${++n}-${Date.now()},ext:CUST-MATRIX,purchase,1000,INR,2026-03-01T10:00:00+05:30\r\n`,
      }),
  },
  // Offers: a programme of their own, and an offer taken to the stage the action needs (by the system, so any user may approve it).
  ...(() => {
    const definition = (programId: string) => ({
      programId, name: `Matrix offer ${++n}`, validFrom: "2026-01-01T00:00:00+05:30", funding: { kind: "bank" }, trigger: { kind: "transaction" },
      target: { kind: "each" }, outcome: { type: "cashback", currency: "INR" }, rule: { kind: "percentage", rate: "2" }, posting: { method: "automatic" }, narration: "Cashback {value}",
    });
    const offerAt = async (stage: "submitted" | "live", by?: SessionUser) => {
      const { makeProgram } = await import("../support/ledger");
      const { approveOffer, createOfferDraft, submitOffer } = await import("@/lib/offers");
      const draft = definition((await makeProgram()).id);
      const author = by ? { type: "user" as const, id: by.id, label: by.email, roles: by.roles } : systemTestActor;
      const offer = await createOfferDraft(getDb(), author, { programId: draft.programId, name: draft.name, draft });
      await submitOffer(getDb(), author, offer.id);
      if (stage === "live") await approveOffer(getDb(), systemTestActor, offer.id);
      return offer.id;
    };
    const newDraft = async () => definition((await (await import("../support/ledger")).makeProgram()).id);
    return {
      "offers/actions.ts#saveOfferDraftAction": { permission: "offers:write", input: async () => form({ step: "3", draft: JSON.stringify(await newDraft()) }) },
      "offers/actions.ts#submitOfferAction": { permission: "offers:write", input: async () => form({ draft: JSON.stringify(await newDraft()) }) },
      "offers/actions.ts#approveOfferAction": { permission: "offers:approve", input: async () => form({ offerId: await offerAt("submitted") }) },
      "offers/actions.ts#rejectOfferAction": { permission: "offers:approve", input: async () => form({ offerId: await offerAt("submitted"), note: "Lower the rate." }) },
      // Only its author withdraws a submission: each role tries with one it submitted itself.
      "offers/actions.ts#withdrawOfferAction": { permission: "offers:write", input: async (as) => form({ offerId: await offerAt("submitted", as) }) },
      "offers/actions.ts#changeOfferStatusAction": { permission: "offers:write", input: async () => form({ offerId: await offerAt("live"), change: "pause" }) },
      "offers/actions.ts#editLiveOfferAction": { permission: "offers:write", input: async () => form({ offerId: await offerAt("live") }) },
    } satisfies Record<string, MatrixRow>;
  })(),
  // Voucher pools: codes go into a pool of their own; the upload is one part of a file (line 1 was its header).
  ...(() => {
    const pool = async () => (await (await import("@/lib/vouchers")).createVoucherPool(getDb(), systemTestActor, { name: `Matrix pool ${++n}` })).id;
    return {
      "offers/vouchers/actions.ts#createVoucherPoolAction": { permission: "offers:write", input: async () => form({ name: `Pool ${++n}`, description: "Movie tickets" }) },
      "offers/vouchers/actions.ts#uploadVoucherCodesAction": { permission: "offers:write", input: async () => form({ poolId: await pool(), firstLine: "1", codes: "\nMX-AAA1\n\nMX-AAA2\nmx-aaa2" }) },
      "offers/vouchers/actions.ts#generateVoucherCodesAction": { permission: "offers:write", input: async () => form({ poolId: await pool(), count: "25", prefix: "mx" }) },
    } satisfies Record<string, MatrixRow>;
  })(),
  // Integrations: a new URL each time, so that every save changes something; the test calls a port nothing listens on.
  "settings/integrations/actions.ts#saveCoreBankingAction": {
    permission: "settings:write",
    input: async () => form({ url: `https://corebank-${++n}.example/hooks`, timeoutMs: "5,000" }),
  },
  "settings/integrations/actions.ts#testCoreBankingAction": {
    permission: "settings:write",
    input: async () => form({ url: "http://127.0.0.1:4", timeoutMs: "1000" }),
  },
};

// Sign-in and sign-out act on the caller's own session; they have their own tests. The partner
// manager's console (partners, point blocks) has its own matrix: role-matrix-partners.test.ts.
const OWN_SESSION = new Set(["sign-in/actions.ts#signInAction", "sign-in/actions.ts#signInWithSsoAction", "sign-out/actions.ts#signOutAction", "actions.ts#signOutAction"]);
/** Partner, member care, tier, issue 7 and segment actions have their own matrix files (role-matrix-partners, -member-care, -tiers, -issue7, -segments). */
const OWN_FILE = /^(segments|partners|point-blocks|adjustments|settings\/member-care|settings\/jobs|programs\/promotions|members\/\[memberId\]\/(adjustments|notes)|programs\/\[programId\]\/tiers|members\/\[memberId\]\/tier)\//;
const guarded = discoverActions(modules).filter((a) => !OWN_SESSION.has(a.key) && !OWN_FILE.test(a.key));

describeRoleMatrix(guarded, MATRIX, (user) => (session.user = user));
