import "server-only";
import { asc, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { expiryStrategies, lots, members, programs, promotionalAwards } from "@/db/schema";

export type PromotionView = {
  id: string;
  member: { id: string; externalId: string; firstName: string | null; lastName: string | null };
  program: { id: string; code: string; name: string };
  points: number;
  reason: string;
  externalReference: string | null;
  awardedAt: Date;
  expiresAt: Date | null;
  importId: string | null;
  line: number | null;
  actorLabel: string;
  createdAt: Date;
};

/** Promotional awards, newest first, a page at a time. */
export async function listPromotions(db: DbOrTx, options: { page: number; pageSize: number }): Promise<{ rows: PromotionView[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: promotionalAwards.id,
        memberId: members.id,
        externalId: members.externalId,
        firstName: members.firstName,
        lastName: members.lastName,
        programId: programs.id,
        code: programs.code,
        programName: programs.name,
        points: promotionalAwards.points,
        reason: promotionalAwards.reason,
        externalReference: promotionalAwards.externalReference,
        awardedAt: lots.awardedAt,
        expiresAt: lots.expiresAt,
        importId: promotionalAwards.importId,
        line: promotionalAwards.line,
        actorLabel: promotionalAwards.actorLabel,
        createdAt: promotionalAwards.createdAt,
      })
      .from(promotionalAwards)
      .innerJoin(members, eq(members.id, promotionalAwards.memberId))
      .innerJoin(programs, eq(programs.id, promotionalAwards.programId))
      .innerJoin(lots, eq(lots.id, promotionalAwards.lotId))
      .orderBy(desc(promotionalAwards.createdAt), desc(promotionalAwards.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(promotionalAwards),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      member: { id: r.memberId, externalId: r.externalId, firstName: r.firstName, lastName: r.lastName },
      program: { id: r.programId, code: r.code, name: r.programName },
      points: r.points,
      reason: r.reason,
      externalReference: r.externalReference,
      awardedAt: r.awardedAt,
      expiresAt: r.expiresAt,
      importId: r.importId,
      line: r.line,
      actorLabel: r.actorLabel,
      createdAt: r.createdAt,
    })),
    total: total?.n ?? 0,
  };
}

export type ProgramChoice = { id: string; code: string; name: string; timeZone: string; strategies: { id: string; name: string; isDefault: boolean }[] };

/** The programmes and their expiry strategies, for the award form. */
export async function programChoices(db: DbOrTx): Promise<ProgramChoice[]> {
  const [rows, strategies] = await Promise.all([
    db.select({ id: programs.id, code: programs.code, name: programs.name, timeZone: programs.timeZone, isDefault: programs.isDefault }).from(programs).orderBy(desc(programs.isDefault), asc(programs.name)),
    db.select({ id: expiryStrategies.id, programId: expiryStrategies.programId, name: expiryStrategies.name, isDefault: expiryStrategies.isDefault }).from(expiryStrategies).orderBy(desc(expiryStrategies.isDefault), asc(expiryStrategies.name)),
  ]);
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    timeZone: p.timeZone,
    strategies: strategies.filter((s) => s.programId === p.id).map(({ id, name, isDefault }) => ({ id, name, isDefault })),
  }));
}
