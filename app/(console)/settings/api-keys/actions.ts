"use server";

import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { apiKeyIdSchema, createApiKeySchema } from "@/lib/api-keys/schemas";
import { createAction } from "@/lib/auth/action";

const PATH = "/settings/api-keys";

/** The token is in `data` of this one answer only; it is never stored or shown again. */
export const createApiKeyAction = createAction({
  permission: "api_keys:write",
  schema: createApiKeySchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const { apiKey, token } = await createApiKey(db, actor, input);
    return { data: { token, name: apiKey.name }, message: `API key “${apiKey.name}” was created.` };
  },
});

export const revokeApiKeyAction = createAction({
  permission: "api_keys:write",
  schema: apiKeyIdSchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const apiKey = await revokeApiKey(db, actor, input);
    return { message: `API key “${apiKey.name}” was revoked.` };
  },
});
