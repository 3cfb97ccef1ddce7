/** Agents' notes on a member: trimmed, 1–2,000 characters, audited, listed newest first with their author. */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, memberNotes } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { addNote, listNotes } from "@/lib/members/notes";
import { actorFor, makeUser } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";

let agent: Actor;
beforeAll(async () => {
  agent = actorFor(await makeUser(["member_care"]));
});

const memberWithProgram = async () => makeMember([(await makeProgram()).id]);
const codeOf = async (work: Promise<unknown>) => work.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("member notes", () => {
  it("adds a trimmed note with its author and an audit record", async () => {
    const member = await memberWithProgram();
    const note = await addNote(getDb(), agent, { memberId: member.id, body: "  Called about missing flight points; asked for the boarding pass.  \n" });
    expect(note).toMatchObject({ memberId: member.id, authorId: agent.id, authorLabel: agent.label, body: "Called about missing flight points; asked for the boarding pass." });
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "member_note.add"), eq(auditLog.entityId, member.id)));
    expect(audits).toHaveLength(1);
  });

  it("refuses an empty or over-long note, or an unknown member, and writes nothing", async () => {
    const member = await memberWithProgram();
    expect(await codeOf(addNote(getDb(), agent, { memberId: member.id, body: "   \n " }))).toBe("validation_failed");
    expect(await codeOf(addNote(getDb(), agent, { memberId: member.id, body: "x".repeat(2001) }))).toBe("validation_failed");
    expect(await codeOf(addNote(getDb(), agent, { memberId: "6f1c1b7e-2222-4333-8444-555566667777", body: "Hello" }))).toBe("member_not_found");
    expect(await codeOf(addNote(getDb(), agent, { memberId: "nope", body: "Hello" }))).toBe("member_not_found");
    expect(await getDb().select().from(memberNotes).where(eq(memberNotes.memberId, member.id))).toHaveLength(0);
    expect(await codeOf(addNote(getDb(), agent, { memberId: member.id, body: "x".repeat(2000) }))).toBe("ok");
  });

  it("lists a member's notes newest first, paginated, and only theirs", async () => {
    const member = await memberWithProgram();
    const other = await memberWithProgram();
    await addNote(getDb(), agent, { memberId: other.id, body: "Someone else" });
    for (const body of ["first", "second", "third"]) await addNote(getDb(), agent, { memberId: member.id, body });
    const page1 = await listNotes(getDb(), member.id, { page: 1, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.rows.map((n) => n.body)).toEqual(["third", "second"]);
    expect((await listNotes(getDb(), member.id, { page: 2, pageSize: 2 })).rows.map((n) => n.body)).toEqual(["first"]);
    expect((await listNotes(getDb(), member.id, { page: 3, pageSize: 2 })).rows).toEqual([]);
  });
});
