import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { idempotencyKeys, signInAttempts } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys";
import { jobHandlers } from "@/lib/jobs";
import { systemTestActor } from "../support/fixtures";

describe("housekeeping jobs", () => {
  it("forget idempotency keys after 7 days and keep recent ones", async () => {
    const { apiKey } = await createApiKey(getDb(), systemTestActor, { name: "pos", scopes: ["members:read"] });
    const row = { apiKeyId: apiKey.id, method: "POST", path: "/api/v1/x", requestHash: "h" };
    await getDb().insert(idempotencyKeys).values([
      { ...row, key: "old", createdAt: sql`now() - interval '8 days'` as unknown as Date },
      { ...row, key: "new", createdAt: sql`now() - interval '6 days'` as unknown as Date },
    ]);
    expect(await jobHandlers["housekeeping.prune-idempotency-keys"](getDb())).toBe(1);
    expect((await getDb().select().from(idempotencyKeys)).map((r) => r.key)).toEqual(["new"]);
    expect(await jobHandlers["housekeeping.prune-idempotency-keys"](getDb())).toBe(0);
  });

  it("forget sign-in attempts after 30 days", async () => {
    await getDb().insert(signInAttempts).values([
      { email: "a@b.c", succeeded: false, at: new Date(Date.now() - 31 * 86_400_000) },
      { email: "a@b.c", succeeded: false, at: new Date(Date.now() - 29 * 86_400_000) },
    ]);
    expect(await jobHandlers["housekeeping.prune-sign-in-attempts"](getDb())).toBe(1);
    expect(await getDb().select().from(signInAttempts)).toHaveLength(1);
  });
});
