"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { createImport } from "@/lib/imports";
import { uploadFileFields } from "@/lib/imports/upload-schema";

const uploadSchema = z.object({
  // Promotional points are uploaded from their own page, which needs programs:write.
  kind: z.enum(["transactions"], { error: "Only transactions are imported here." }).default("transactions"),
  ...uploadFileFields,
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
