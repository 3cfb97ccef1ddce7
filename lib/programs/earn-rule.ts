import "server-only";
import { eq } from "drizzle-orm";
import { programs, type Program } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { baseEarnRuleSchema, compileBaseRule, EngineError } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { invalidateOfferCache } from "@/lib/offers/cache";

/**
 * Sets what every purchase earns in the programme before any offer (or none), validated by the same
 * schema as the console and proven evaluable by the engine.
 */
export async function setBaseEarnRule(db: DbOrTx, actor: Actor, programId: string, rule: unknown | null): Promise<Program> {
  let stored: Record<string, unknown> | null = null;
  if (rule !== null) {
    const parsed = baseEarnRuleSchema.safeParse(rule);
    if (!parsed.success) throw new DomainError("validation_failed", parsed.error.issues[0]!.message, { field: parsed.error.issues[0]!.path.join(".") });
    try {
      compileBaseRule({ programId, definition: parsed.data });
    } catch (error) {
      if (error instanceof EngineError) throw new DomainError("validation_failed", error.message, { engine_code: error.code });
      throw error;
    }
    stored = parsed.data as unknown as Record<string, unknown>;
  }
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(programs).where(eq(programs.id, programId)).for("update");
    if (!before) throw new DomainError("program_not_found", "No such programme.", { programId });
    const [after] = await tx.update(programs).set({ baseEarnRule: stored, updatedAt: new Date() }).where(eq(programs.id, programId)).returning();
    await writeAudit(tx, actor, { action: "program.base_earn_rule", entityType: "program", entityId: programId, before: { baseEarnRule: before.baseEarnRule }, after: { baseEarnRule: stored } });
    return after!;
  });
  invalidateOfferCache();
  return result;
}
