"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/auth/action";
import { memberNoteSchema } from "@/lib/members/adjustment-schemas";
import { addNote } from "@/lib/members/notes";

/** An agent's note on a member, kept with their name and the time. */
export const addNoteAction = createAction({
  permission: "members:write",
  schema: memberNoteSchema,
  handler: async ({ input, actor, db }) => {
    const note = await addNote(db, actor, input);
    revalidatePath(`/members/${note.memberId}/notes`);
    return { message: "Note added." };
  },
});
