import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { ledgerAccounts, memberPrograms, members, memberTierChanges, programs, tiers, type Member, type MemberProgram } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import type { EnrolMemberInput } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a member by id or by `ext:<external id>`, as the API paths allow. */
export async function resolveMember(db: DbOrTx, ref: string): Promise<Member> {
  const condition = ref.startsWith("ext:") ? eq(members.externalId, ref.slice(4)) : UUID.test(ref) ? eq(members.id, ref) : null;
  const [row] = condition ? await db.select().from(members).where(condition) : [];
  if (!row) throw new DomainError("member_not_found", `No member ${ref}.`, { member_id: ref });
  return row;
}

/** Many member references (`member id` or `ext:<external_id>`) at once: the id of each one that exists. */
export async function resolveMembers(db: DbOrTx, refs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(refs)];
  const ids = unique.filter((r) => !r.startsWith("ext:") && UUID.test(r));
  const externals = unique.filter((r) => r.startsWith("ext:")).map((r) => r.slice(4));
  const found = new Map<string, string>();
  if (ids.length > 0) for (const m of await db.select({ id: members.id }).from(members).where(inArray(members.id, ids))) found.set(m.id, m.id);
  if (externals.length > 0) {
    for (const m of await db.select({ id: members.id, externalId: members.externalId }).from(members).where(inArray(members.externalId, externals))) found.set(`ext:${m.externalId}`, m.id);
  }
  return found;
}

/**
 * Enrols a new member in one or more programmes: the member, a points account and a balance row
 * per programme (in the programme's default tier), and the audit record.
 */
export async function enrolMember(db: DbOrTx, actor: Actor, input: EnrolMemberInput): Promise<Member & { programs: MemberProgram[] }> {
  // One transaction: a member never exists half-enrolled, without an account or a balance row.
  return db.transaction(async (tx) => {
    const programIds = [...new Set(input.programIds)];
    const found = await tx.select({ id: programs.id }).from(programs).where(inArray(programs.id, programIds));
    const missing = programIds.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) throw new DomainError("program_not_found", `No programme ${missing.join(", ")}.`, { program_ids: missing });
    const [member] = await tx
      .insert(members)
      .values({ externalId: input.externalId, firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone, attributes: input.attributes })
      .onConflictDoNothing()
      .returning();
    if (!member) throw new DomainError("member_exists", `A member with the external id ${input.externalId} already exists.`, { field: "externalId" });
    const enrolled = await enrolInPrograms(tx, member.id, programIds, actor.label);
    await writeAudit(tx, actor, { action: "member.enrol", entityType: "member", entityId: member.id, after: { ...member, programIds } });
    return { ...member, programs: enrolled };
  });
}

/** Adds an existing member to programmes they are not in yet, each in its default tier (the tier history's first line). */
export async function enrolInPrograms(tx: DbOrTx, memberId: string, programIds: string[], actorLabel: string): Promise<MemberProgram[]> {
  if (programIds.length === 0) return [];
  const defaults = await tx.select({ programId: tiers.programId, id: tiers.id }).from(tiers).where(and(inArray(tiers.programId, programIds), eq(tiers.isDefault, true)));
  const accounts = await tx
    .insert(ledgerAccounts)
    .values(programIds.map((programId) => ({ programId, memberId, kind: "member" })))
    .onConflictDoNothing()
    .returning();
  const enrolled = await tx
    .insert(memberPrograms)
    .values(
      accounts.map((a) => ({
        memberId,
        programId: a.programId,
        accountId: a.id,
        tierId: defaults.find((d) => d.programId === a.programId)!.id,
      })),
    )
    .onConflictDoNothing()
    .returning();
  if (enrolled.length) {
    await tx
      .insert(memberTierChanges)
      .values(enrolled.map((e) => ({ memberId, programId: e.programId, fromTierId: null, toTierId: e.tierId, reason: "Enrolled", actorLabel, at: e.enrolledAt })));
  }
  return enrolled;
}

export async function getMemberPrograms(db: DbOrTx, memberId: string): Promise<(Omit<MemberProgram, "writtenIn"> & { programCode: string; programName: string; tierName: string })[]> {
  return db
    .select({
      memberId: memberPrograms.memberId,
      programId: memberPrograms.programId,
      tierId: memberPrograms.tierId,
      accountId: memberPrograms.accountId,
      current: memberPrograms.current,
      pending: memberPrograms.pending,
      redeemed: memberPrograms.redeemed,
      expired: memberPrograms.expired,
      transferredIn: memberPrograms.transferredIn,
      transferredOut: memberPrograms.transferredOut,
      lifetime: memberPrograms.lifetime,
      debt: memberPrograms.debt,
      enrolledAt: memberPrograms.enrolledAt,
      programCode: programs.code,
      programName: programs.name,
      tierName: tiers.name,
    })
    .from(memberPrograms)
    .innerJoin(programs, eq(programs.id, memberPrograms.programId))
    .innerJoin(tiers, eq(tiers.id, memberPrograms.tierId))
    .where(eq(memberPrograms.memberId, memberId))
    .orderBy(asc(programs.code));
}
