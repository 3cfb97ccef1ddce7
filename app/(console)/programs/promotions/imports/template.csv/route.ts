import { importTemplateResponse } from "@/lib/imports/http";
import { routeUser } from "../../../../transactions/imports/access";

/** An example promotional points file with every column. */
export async function GET() {
  const user = await routeUser("programs:read");
  if (user instanceof Response) return user;
  return importTemplateResponse("promotional_points", "promotional-points-template.csv");
}
