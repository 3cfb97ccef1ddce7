import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { memberNotes, members, type MemberNote } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { memberNoteSchema } from "./adjustment-schemas";

export type NotePage = { rows: MemberNote[]; total: number; page: number; pageSize: number };

/** An agent writes a note on a member (trimmed, 1–2,000 characters). Notes are never edited or deleted. */
export async function addNote(db: DbOrTx, actor: Actor, input: { memberId: string; body: string }): Promise<MemberNote> {
  const parsed = memberNoteSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path[0] === "memberId") throw new DomainError("member_not_found", "No such member.", { member_id: input.memberId });
    throw new DomainError("validation_failed", issue.message, { field: "body" });
  }
  const { memberId, body } = parsed.data;
  const [member] = await db.select({ id: members.id }).from(members).where(eq(members.id, memberId));
  if (!member) throw new DomainError("member_not_found", "No such member.", { member_id: memberId });
  // One transaction: a note never exists without its audit record.
  return db.transaction(async (tx) => {
    const [note] = await tx
      .insert(memberNotes)
      .values({ memberId, body, authorId: actor.type === "user" ? actor.id : null, authorLabel: actor.label })
      .returning();
    await writeAudit(tx, actor, { action: "member_note.add", entityType: "member", entityId: memberId, after: note });
    return note!;
  });
}

/** A member's notes, newest first. Offset pagination, page from 1. */
export async function listNotes(db: DbOrTx, memberId: string, options: { page?: number; pageSize?: number } = {}): Promise<NotePage> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 25)));
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(memberNotes)
      .where(eq(memberNotes.memberId, memberId))
      .orderBy(desc(memberNotes.createdAt), desc(memberNotes.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(memberNotes).where(eq(memberNotes.memberId, memberId)),
  ]);
  return { rows, total, page, pageSize };
}
