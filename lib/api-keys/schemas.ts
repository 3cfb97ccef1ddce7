import { z } from "zod";
import { API_SCOPES } from "./scopes";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after the system that will use it.").max(80, "Use at most 80 characters."),
  // An unticked checkbox group sends nothing: read that as an empty list, not a type error.
  scopes: z.preprocess((v) => v ?? [], z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope.")),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({ apiKeyId: z.string().uuid() });
