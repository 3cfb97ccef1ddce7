import "server-only";
import { and, asc, desc, eq, max, ne } from "drizzle-orm";
import { expiryStrategies, ledgerAccounts, programs, tiers, type ExpiryStrategyRow, type Program, type Tier } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import type { ExpiryStrategyInput, ProgramInput } from "./schemas";

/** The programme's system accounts: where points come from and go to. */
export const SYSTEM_ACCOUNTS = ["issued", "redeemed", "expired"] as const;
export type SystemAccount = (typeof SYSTEM_ACCOUNTS)[number];

const isUniqueViolation = (e: unknown) => (e as { cause?: { code?: string }; code?: string })?.cause?.code === "23505" || (e as { code?: string })?.code === "23505";

/**
 * Creates a programme with its system accounts, a default tier ("Base") and a default expiry
 * strategy ("Never"). The first programme becomes the default programme.
 */
export async function createProgram(db: DbOrTx, actor: Actor, input: ProgramInput): Promise<Program> {
  try {
    // One transaction: a programme never exists without its accounts, default tier and default strategy.
    return await db.transaction(async (tx) => {
      const existingDefault = await tx.select({ id: programs.id }).from(programs).where(eq(programs.isDefault, true)).for("update");
      const [program] = await tx
        .insert(programs)
        .values({ ...input, isDefault: existingDefault.length === 0 })
        .returning();
      await tx.insert(ledgerAccounts).values(SYSTEM_ACCOUNTS.map((kind) => ({ programId: program!.id, kind })));
      await tx.insert(tiers).values({ programId: program!.id, name: "Base", rank: 0, isDefault: true });
      await tx.insert(expiryStrategies).values({ programId: program!.id, name: "Never", kind: "never", amount: null, isDefault: true });
      await writeAudit(tx, actor, { action: "program.create", entityType: "program", entityId: program!.id, after: program });
      return program!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("program_code_taken", `A programme with the code ${input.code} already exists.`, { field: "code" });
    throw error;
  }
}

export async function updateProgram(db: DbOrTx, actor: Actor, programId: string, input: ProgramInput): Promise<Program> {
  try {
    return await db.transaction(async (tx) => {
      const before = await lockProgram(tx, programId);
      const [after] = await tx.update(programs).set({ ...input, updatedAt: new Date() }).where(eq(programs.id, programId)).returning();
      await writeAudit(tx, actor, { action: "program.update", entityType: "program", entityId: programId, before, after });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("program_code_taken", `A programme with the code ${input.code} already exists.`, { field: "code" });
    throw error;
  }
}

/** Makes a programme the default (group) programme; the previous default stops being one. */
export async function setDefaultProgram(db: DbOrTx, actor: Actor, programId: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Lock every programme row: two concurrent switches must not leave zero or two defaults.
    await tx.select({ id: programs.id }).from(programs).orderBy(programs.id).for("update");
    const target = await lockProgram(tx, programId);
    if (target.isDefault) return;
    await tx.update(programs).set({ isDefault: false, updatedAt: new Date() }).where(and(eq(programs.isDefault, true), ne(programs.id, programId)));
    await tx.update(programs).set({ isDefault: true, updatedAt: new Date() }).where(eq(programs.id, programId));
    await writeAudit(tx, actor, { action: "program.set_default", entityType: "program", entityId: programId });
  });
}

/**
 * Chooses whose redemption rules (minimum, maximum, multiples) validate a group redemption: the
 * default programme's own (null) or another programme's. Only the default programme has this setting.
 */
export async function setGroupRedemptionRules(db: DbOrTx, actor: Actor, programId: string, rulesProgramId: string | null): Promise<Program> {
  return db.transaction(async (tx) => {
    const before = await lockProgram(tx, programId);
    if (!before.isDefault) throw new DomainError("group_requires_default_program", "Only the default programme validates group redemptions.", { program_id: programId });
    if (rulesProgramId) await getProgram(tx, rulesProgramId);
    const value = rulesProgramId === programId ? null : rulesProgramId;
    const [after] = await tx.update(programs).set({ groupRedemptionRulesProgramId: value, updatedAt: new Date() }).where(eq(programs.id, programId)).returning();
    await writeAudit(tx, actor, {
      action: "program.set_group_redemption_rules",
      entityType: "program",
      entityId: programId,
      before: { groupRedemptionRulesProgramId: before.groupRedemptionRulesProgramId },
      after: { groupRedemptionRulesProgramId: value },
    });
    return after!;
  });
}

async function lockProgram(tx: DbOrTx, programId: string): Promise<Program> {
  const [row] = await tx.select().from(programs).where(eq(programs.id, programId)).for("update");
  if (!row) throw new DomainError("program_not_found", "No such programme.", { programId });
  return row;
}

export async function listPrograms(db: DbOrTx): Promise<Program[]> {
  return db.select().from(programs).orderBy(desc(programs.isDefault), asc(programs.name));
}

export async function getProgram(db: DbOrTx, programId: string): Promise<Program> {
  const [row] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!row) throw new DomainError("program_not_found", "No such programme.", { programId });
  return row;
}

export async function getDefaultProgram(db: DbOrTx): Promise<Program> {
  const [row] = await db.select().from(programs).where(eq(programs.isDefault, true));
  if (!row) throw new DomainError("default_program_required", "No default programme is set up yet.");
  return row;
}

export async function listExpiryStrategies(db: DbOrTx, programId: string): Promise<ExpiryStrategyRow[]> {
  return db.select().from(expiryStrategies).where(eq(expiryStrategies.programId, programId)).orderBy(desc(expiryStrategies.isDefault), asc(expiryStrategies.name));
}

export async function addExpiryStrategy(db: DbOrTx, actor: Actor, programId: string, input: ExpiryStrategyInput): Promise<ExpiryStrategyRow> {
  return db.transaction(async (tx) => {
    await lockProgram(tx, programId);
    if (input.isDefault) await tx.update(expiryStrategies).set({ isDefault: false }).where(eq(expiryStrategies.programId, programId));
    const [row] = await tx
      .insert(expiryStrategies)
      .values({ programId, name: input.name, kind: input.kind, amount: input.kind === "never" ? null : input.amount, isDefault: input.isDefault })
      .returning();
    await writeAudit(tx, actor, { action: "expiry_strategy.create", entityType: "program", entityId: programId, after: row });
    return row!;
  });
}

export async function listTiers(db: DbOrTx, programId: string): Promise<Tier[]> {
  return db.select().from(tiers).where(eq(tiers.programId, programId)).orderBy(asc(tiers.rank));
}

/** Adds a tier above the programme's highest one. */
export async function addTier(db: DbOrTx, actor: Actor, programId: string, input: { name: string }): Promise<Tier> {
  return db.transaction(async (tx) => {
    await lockProgram(tx, programId);
    const [{ top } = { top: 0 }] = await tx.select({ top: max(tiers.rank) }).from(tiers).where(eq(tiers.programId, programId));
    const [row] = await tx.insert(tiers).values({ programId, name: input.name, rank: (top ?? 0) + 1 }).returning();
    await writeAudit(tx, actor, { action: "tier.create", entityType: "program", entityId: programId, after: row });
    return row!;
  });
}
