"use server";

import { z } from "zod";
import { badCodeMessage, CODE_PATTERN, CODES_PER_REQUEST } from "@/components/vouchers/codes";
import { createAction } from "@/lib/auth/action";
import { addVoucherCodes, createVoucherPool, generateVoucherCodes } from "@/lib/vouchers";

const PATH = "/offers/vouchers";
const poolId = z.uuid("No such voucher pool.");
const count = (n: number, one: string, other: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : other}`;

export const createVoucherPoolAction = createAction({
  permission: "offers:write",
  schema: z.object({
    name: z.string().trim().min(1, "Give the pool a name.").max(120, "At most 120 characters."),
    description: z
      .string()
      .trim()
      .max(500, "At most 500 characters.")
      .optional()
      .transform((v) => v || null),
  }),
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const pool = await createVoucherPool(db, actor, input);
    return { data: { poolId: pool.id }, message: `Voucher pool “${pool.name}” was created. Add codes to it next.` };
  },
});

/**
 * One part of an upload: the file's lines from `firstLine` on, one code per line ("" for lines
 * without one), so that a bad code is reported by its line in the file. The browser sends a large
 * file in parts of up to 10,000 codes; adding codes again is harmless (they count as duplicates).
 */
const uploadSchema = z
  .object({
    poolId,
    firstLine: z.coerce.number().int().min(1).default(1),
    codes: z.string({ error: "Choose a file of codes." }),
  })
  .transform(({ poolId: id, firstLine, codes }, ctx) => {
    const lines = codes.split("\n").map((c) => c.trim().toUpperCase());
    const present = lines.filter(Boolean);
    if (present.length === 0) ctx.addIssue({ code: "custom", path: ["codes"], message: "The file has no codes." });
    if (present.length > CODES_PER_REQUEST) ctx.addIssue({ code: "custom", path: ["codes"], message: `Send at most ${CODES_PER_REQUEST.toLocaleString("en-GB")} codes at a time.` });
    const bad = lines.findIndex((c) => c && !CODE_PATTERN.test(c));
    if (bad >= 0) ctx.addIssue({ code: "custom", path: ["codes"], message: badCodeMessage(firstLine + bad, lines[bad]!) });
    return { poolId: id, codes: present };
  });

export const uploadVoucherCodesAction = createAction({
  permission: "offers:write",
  schema: uploadSchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const result = await addVoucherCodes(db, actor, input.poolId, input.codes);
    return { data: result, message: `${count(result.added, "code", "codes")} added, ${count(result.duplicates, "duplicate", "duplicates")} skipped.` };
  },
});

export const generateVoucherCodesAction = createAction({
  permission: "offers:write",
  schema: z.object({
    poolId,
    count: z.preprocess(
      (v) => (typeof v === "string" ? v.replaceAll(",", "").trim() : v),
      z.coerce.number({ error: "Enter how many codes to generate." }).int("A whole number of codes.").min(1, "Generate at least 1 code.").max(100_000, "Generate at most 100,000 codes at a time."),
    ),
    prefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, "1–16 letters, digits or dashes, starting with a letter or digit."),
  }),
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const result = await generateVoucherCodes(db, actor, input.poolId, input.count, input.prefix);
    const clash = result.duplicates > 0 ? ` (${count(result.duplicates, "generated code was", "generated codes were")} already in the pool and skipped)` : "";
    return { data: result, message: `${count(result.added, "code", "codes")} generated${clash}.` };
  },
});
