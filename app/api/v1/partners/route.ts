import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { partnerJson } from "@/lib/api/views";
import { listPartners } from "@/lib/partners";

export const GET = apiRoute(contract.listPartners, async ({ db }) => ({ status: 200, body: { partners: (await listPartners(db)).map(partnerJson) } }));
