import { contract } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/route";
import { programJson } from "@/lib/api/views";
import { listPrograms } from "@/lib/programs";

export const GET = apiRoute(contract.listPrograms, async ({ db }) => ({ status: 200, body: { programs: (await listPrograms(db)).map(programJson) } }));
