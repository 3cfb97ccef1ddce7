import { toCsv } from "@/lib/imports/csv";
import { IMPORT_KIND_INFO } from "@/lib/imports/format";
import { routeUser } from "../access";

/** A small example file with every column, to start from. */
export async function GET() {
  const user = await routeUser("offers:read");
  if (user instanceof Response) return user;
  const [header, ...rows] = IMPORT_KIND_INFO.transactions.example;
  return new Response(toCsv(header!, rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="transactions-template.csv"' },
  });
}
