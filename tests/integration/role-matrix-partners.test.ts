/**
 * The partner manager's server actions (partners, their keys and billing; point blocks) × every role:
 * refused without the permission with nothing written, let through with it. Blocks to decide are
 * recorded by the system, so that maker-checker never stands in the way of a role that may approve.
 */
import { vi } from "vitest";
import { getDb } from "@/db";
import { createApiKey } from "@/lib/api-keys";
import { recordPointBlock } from "@/lib/partners/blocks";
import type { SessionUser } from "@/lib/auth/session";
import { systemTestActor } from "../support/fixtures";
import { makeProgram } from "../support/ledger";
import { earnContext, insertPartnerTransaction, partnerWithProgram, POSTPAID } from "../support/partners";
import { describeRoleMatrix, discoverActions, form, type MatrixRow } from "../support/role-matrix";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
const actions = discoverActions(modules).filter((a) => /^(partners|point-blocks)\//.test(a.key));

let n = 0;
const partnerFields = async () => ({
  code: `RM${++n}${Date.now().toString(36)}`.toUpperCase(),
  name: "Matrix Air",
  type: "airline",
  status: "active",
  currencyCode: "MAIR",
  currencyName: "Matrix Miles",
  conversionRate: "0.5",
  apiBaseUrl: "https://partner.example/api",
  apiSecret: "a-long-partner-secret",
  apiTimeoutMs: "5000",
  hostProgramId: (await makeProgram()).id,
  fundingMode: "prepaid",
  debitRate: "1",
  autoBlockThreshold: "",
  autoBlockPoints: "",
  autoBlockPrice: "",
});
const pendingBlock = async () => (await recordPointBlock(getDb(), systemTestActor, (await partnerWithProgram()).id, { kind: "prepaid", points: 1000, price: 35_000, currency: "INR", reference: `PO-${++n}` })).id;

const MATRIX: Record<string, MatrixRow> = {
  "partners/actions.ts#createPartnerAction": { permission: "partners:write", input: async () => form(await partnerFields()) },
  "partners/actions.ts#updatePartnerAction": {
    permission: "partners:write",
    input: async () => form({ ...(await partnerFields()), partnerId: (await partnerWithProgram()).id, name: "Renamed Air", apiSecret: "" }),
  },
  "partners/actions.ts#testPartnerConnectionAction": { permission: "partners:write", audited: false, input: async () => form({ partnerId: (await partnerWithProgram()).id }) },
  "partners/actions.ts#createPartnerApiKeyAction": { permission: "partners:write", input: async () => form({ partnerId: (await partnerWithProgram()).id, name: "Matrix Air POS" }) },
  "partners/actions.ts#revokePartnerApiKeyAction": {
    permission: "partners:write",
    input: async () => {
      const partner = await partnerWithProgram();
      const { apiKey } = await createApiKey(getDb(), systemTestActor, { name: `k${++n}`, scopes: ["partner_transactions:write"], partnerId: partner.id });
      return form({ partnerId: partner.id, apiKeyId: apiKey.id });
    },
  },
  "partners/actions.ts#closeBillingCycleAction": {
    permission: "partners:write",
    input: async () => {
      const partner = await partnerWithProgram(POSTPAID);
      await insertPartnerTransaction(partner.id, await earnContext(partner.hostProgramId), 100, 150);
      return form({ partnerId: partner.id });
    },
  },
  "point-blocks/actions.ts#recordPointBlockAction": {
    permission: "point_blocks:write",
    input: async () => form({ partnerId: (await partnerWithProgram()).id, kind: "prepaid", points: "250000", price: "8750000", currency: "INR", reference: `PO-${++n}` }),
  },
  "point-blocks/actions.ts#approvePointBlockAction": { permission: "point_blocks:approve", input: async () => form({ blockId: await pendingBlock() }) },
  "point-blocks/actions.ts#rejectPointBlockAction": { permission: "point_blocks:approve", input: async () => form({ blockId: await pendingBlock(), reason: "Wrong amount" }) },
};

describeRoleMatrix(actions, MATRIX, (user) => (session.user = user));
