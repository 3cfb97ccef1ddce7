"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { writeAudit } from "@/lib/audit";
import { setSetting, type SettingKey } from "@/lib/settings";
import { loadCoreBankingSettings } from "./load-settings";
import { probeCoreBanking, type ProbeResult } from "./probe";

const PATH = "/settings/integrations";
const EXAMPLE = "e.g. https://corebank.example/coalition";

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
};

/** The hook's URL and timeout, as the form sends them; the same rules for saving and for testing. */
const coreBankingSchema = z.object({
  url: z
    .string({ error: `Enter the hook’s URL, ${EXAMPLE}.` })
    .trim()
    .min(1, `Enter the hook’s URL, ${EXAMPLE}.`)
    .max(2000, "At most 2,000 characters.")
    .refine(isHttpUrl, `Enter a full URL that starts with http:// or https://, ${EXAMPLE}.`)
    .refine((v) => !isHttpUrl(v) || (!new URL(v).search && !new URL(v).hash), "Leave out the query (?…) and fragment (#…): the worker adds paths such as /credits to this URL."),
  timeoutMs: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[,\s_]/g, "") : v),
    z
      .string({ error: "Enter the timeout in milliseconds." })
      .min(1, "Enter the timeout in milliseconds, e.g. 10000.")
      .regex(/^\d+$/, "The timeout is a whole number of milliseconds, e.g. 10000.")
      .transform(Number)
      .pipe(z.number().min(1_000, "At least 1,000 ms (1 second).").max(60_000, "At most 60,000 ms (1 minute), so that a call ends before another worker may retry it.")),
  ),
});

export const saveCoreBankingAction = createAction({
  permission: "settings:write",
  schema: coreBankingSchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const current = await loadCoreBankingSettings(db);
    const changes: [SettingKey, string][] = [];
    // Only what differs from the value in use is saved, so an environment value is not copied into the settings by accident.
    if (current.url.value !== input.url) changes.push(["core_banking.url", input.url]);
    if (current.timeout.value !== String(input.timeoutMs)) changes.push(["core_banking.timeout_ms", String(input.timeoutMs)]);
    if (changes.length === 0) return { message: "Nothing to save: these are the settings in use." };
    // One transaction: the URL and its timeout change together (each with its audit record), or neither does.
    await db.transaction(async (tx) => {
      for (const [key, value] of changes) await setSetting(tx, actor, key, value);
    });
    return { message: "Saved. The worker uses the new settings for its next delivery." };
  },
});

/**
 * Calls GET <url>/health with the timeout, for the values in the form (saved or not). The answer is
 * in `data` whether the hook answered or not; only invalid input fails. Each test is audited: it makes
 * the server call an address an admin chose.
 */
export const testCoreBankingAction = createAction({
  permission: "settings:write",
  schema: coreBankingSchema,
  handler: async ({ input, actor, db }) => {
    const result: ProbeResult = await probeCoreBanking(input.url, input.timeoutMs);
    await writeAudit(db, actor, {
      action: "setting.test_connection",
      entityType: "setting",
      entityId: "core_banking.url",
      after: { url: input.url, timeoutMs: input.timeoutMs, ok: result.ok, status: result.status, ms: result.ms, message: result.message },
    });
    return { data: result };
  },
});
