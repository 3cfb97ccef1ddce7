import "server-only";
import { inArray } from "drizzle-orm";
import { appSettings } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { SETTINGS, type SettingKey } from "@/lib/settings";

/** What the worker uses when no timeout is saved or set in the environment (lib/outbox/core-banking.ts). */
export const DEFAULT_TIMEOUT_MS = 10_000;

export type SettingSource = "saved" | "environment" | "default" | "none";

export type EffectiveSetting = {
  key: SettingKey;
  /** The value in effect, as getSetting() resolves it: the saved setting, else the environment variable. */
  value: string | null;
  source: SettingSource;
  env: string;
  envValue: string | null;
  savedAt: Date | null;
};

/**
 * Settings with where each value comes from: saved in the console, else the environment variable, else
 * the given fallback (the built-in default, or null for none). getSetting() answers only the value; the
 * console also says whether it was saved here or comes from the environment.
 */
export async function loadEffectiveSettings<K extends SettingKey>(db: DbOrTx, fallbacks: Record<K, string | null>): Promise<Record<K, EffectiveSetting>> {
  const keys = Object.keys(fallbacks) as K[];
  const rows = await db.select().from(appSettings).where(inArray(appSettings.key, keys));
  const effective = (key: K): EffectiveSetting => {
    const fallback = fallbacks[key];
    const saved = rows.find((r) => r.key === key);
    const env = SETTINGS[key].env;
    const envValue = process.env[env] || null;
    if (saved) return { key, value: saved.value, source: "saved", env, envValue, savedAt: saved.updatedAt };
    if (envValue) return { key, value: envValue, source: "environment", env, envValue, savedAt: null };
    return { key, value: fallback, source: fallback === null ? "none" : "default", env, envValue, savedAt: null };
  };
  return Object.fromEntries(keys.map((key) => [key, effective(key)])) as Record<K, EffectiveSetting>;
}

/** The core-banking hook's settings with where each value comes from. */
export async function loadCoreBankingSettings(db: DbOrTx): Promise<{ url: EffectiveSetting; timeout: EffectiveSetting }> {
  const settings = await loadEffectiveSettings(db, { "core_banking.url": null, "core_banking.timeout_ms": String(DEFAULT_TIMEOUT_MS) });
  return { url: settings["core_banking.url"], timeout: settings["core_banking.timeout_ms"] };
}
