"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { createImport } from "@/lib/imports";
import { MAX_IMPORT_BYTES } from "@/lib/imports/format";

/**
 * The browser reads the chosen file and sends its text (UTF-8, byte-order mark dropped) with its
 * name: the action wrapper passes text fields only.
 */
const uploadSchema = z.object({
  // Promotional points are uploaded from their own page, which needs programs:write.
  kind: z.enum(["transactions"], { error: "Only transactions are imported here." }).default("transactions"),
  fileName: z
    .string({ error: "Choose a CSV file." })
    .trim()
    .min(1, "Choose a CSV file.")
    .max(255, "The file name is too long; rename the file.")
    .refine((name) => /\.(csv|txt)$/i.test(name), "Choose a CSV file (.csv)."),
  // Characters, not bytes: the byte limit is checked exactly by the use case.
  content: z.string({ error: "Choose a CSV file." }).min(1, "The file is empty.").max(MAX_IMPORT_BYTES, "The file is larger than 20 MB. Split it into several files."),
});

export const uploadImportAction = createAction({
  permission: "offers:write",
  schema: uploadSchema,
  revalidate: ["/transactions/imports"],
  handler: async ({ input, user, actor, db }) => {
    const created = await createImport(db, actor, { kind: input.kind, fileName: input.fileName, content: input.content, createdBy: user.id });
    const rows = `${created.totalRows.toLocaleString("en-GB")} row${created.totalRows === 1 ? "" : "s"}`;
    return {
      data: { importId: created.id },
      message: created.invalidRows ? `Uploaded ${rows}; ${created.invalidRows.toLocaleString("en-GB")} cannot be imported (see the error report).` : `Uploaded ${rows}.`,
    };
  },
});
