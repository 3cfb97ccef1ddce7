import "server-only";
import { eq } from "drizzle-orm";
import { appSettings } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";

/** Settings an admin changes in the console; each falls back to an environment variable. */
export const SETTINGS = {
  "core_banking.url": { env: "COALITION_CORE_BANKING_URL", label: "Core-banking credit hook URL" },
  "core_banking.timeout_ms": { env: "COALITION_CORE_BANKING_TIMEOUT_MS", label: "Core-banking call timeout (ms)" },
  "member_care.adjustment_approval_threshold": { env: "COALITION_ADJUSTMENT_APPROVAL_THRESHOLD", label: "Adjustment approval threshold (points)" },
} as const;
export type SettingKey = keyof typeof SETTINGS;

export async function getSetting(db: DbOrTx, key: SettingKey): Promise<string | null> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return row?.value ?? process.env[SETTINGS[key].env] ?? null;
}

export async function setSetting(db: DbOrTx, actor: Actor, key: SettingKey, value: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getSetting(tx, key);
    await tx.insert(appSettings).values({ key, value }).onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    await writeAudit(tx, actor, { action: "setting.update", entityType: "setting", entityId: key, before: { value: before }, after: { value } });
  });
}
