/** Helpers for tests of transactions through the public API. */
import { expect } from "vitest";
import { getDb } from "@/db";
import { createApiKey } from "@/lib/api-keys";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import type { OfferDefinitionInput } from "@/lib/engine";
import { approveOffer, createOfferDraft, saveOfferDraft, submitOffer } from "@/lib/offers";
import { actorFor, makeUser, systemTestActor } from "./fixtures";

let token = "";
type Handler = (r: Request, c?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
export const call = async (handler: Handler, path: string, init: { body?: unknown; params?: Record<string, string>; key?: string } = {}) => {
  const res = await handler(
    new Request(`http://localhost${path}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.key ? { "idempotency-key": init.key } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  const body = await res.json();
  return { status: res.status, body };
};

let seq = 0;
export const purchase = (memberId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  external_id: `T-${Date.now()}-${++seq}`,
  member_id: memberId,
  type: "purchase",
  amount,
  currency: "INR",
  occurred_at: new Date(Date.now() - 3_600_000).toISOString(),
  merchant_name: "Cafe Coffee Day",
  country: "IN",
  ...extra,
});

/** Creates, submits (maker) and approves (checker) an offer: live at once. */
export async function liveOffer(programId: string, patch: Partial<OfferDefinitionInput>) {
  const maker = actorFor(await makeUser(["program_manager"]));
  const checker = actorFor(await makeUser(["program_manager"]));
  const definition = {
    programId,
    name: "Offer",
    validFrom: "2026-01-01T00:00:00+05:30",
    funding: { kind: "bank" },
    trigger: { kind: "transaction" },
    target: { kind: "each" },
    outcome: { type: "reward_points" },
    rule: { kind: "flat", value: 100 },
    posting: { method: "automatic" },
    narration: "{points} points at {merchant}",
    ...patch,
  };
  const offer = await createOfferDraft(getDb(), maker, { programId, name: "Offer", draft: definition });
  await saveOfferDraft(getDb(), maker, offer.id, definition, 5);
  await submitOffer(getDb(), maker, offer.id);
  await expect(approveOffer(getDb(), maker, offer.id)).rejects.toMatchObject({ code: "maker_checker" });
  await approveOffer(getDb(), checker, offer.id);
  return offer;
}


/** Creates an API key with every scope for `call`. */
export async function useApiKey(): Promise<void> {
  token = (await createApiKey(getDb(), systemTestActor, { name: "transactions", scopes: [...API_SCOPES] })).token;
}
