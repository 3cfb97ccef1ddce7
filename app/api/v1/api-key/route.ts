import { isApiScope } from "@/lib/api-keys/scopes";
import { contract } from "@/lib/api/contract";
import { isoTime } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(contract.currentApiKey, async ({ key }) => ({
  status: 200,
  body: {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.filter(isApiScope),
    created_at: isoTime(key.createdAt),
  },
}));
