import { importTemplateResponse } from "@/lib/imports/http";
import { routeUser } from "../access";

/** A small example file with every column, to start from. */
export async function GET() {
  const user = await routeUser("offers:read");
  if (user instanceof Response) return user;
  return importTemplateResponse("transactions", "transactions-template.csv");
}
