import { z } from "zod";
import { MAX_IMPORT_BYTES } from "./format";

/**
 * The file fields every upload action takes: the browser reads the chosen file and sends its text
 * (UTF-8, byte-order mark dropped) with its name, since the action wrapper passes text fields only.
 */
export const uploadFileFields = {
  fileName: z
    .string({ error: "Choose a CSV file." })
    .trim()
    .min(1, "Choose a CSV file.")
    .max(255, "The file name is too long; rename the file.")
    .refine((name) => /\.(csv|txt)$/i.test(name), "Choose a CSV file (.csv)."),
  // Characters, not bytes: the byte limit is checked exactly by the use case.
  content: z.string({ error: "Choose a CSV file." }).min(1, "The file is empty.").max(MAX_IMPORT_BYTES, "The file is larger than 20 MB. Split it into several files."),
};
