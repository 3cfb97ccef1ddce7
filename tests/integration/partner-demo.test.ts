/** The demo partners: seeded once, pointed at the demo partner ledger, credited by their milestone offers. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";
import { dispatchOutbox } from "@/lib/outbox/dispatch";
import { seedDemoData } from "@/lib/seed";
import { pointDemoPartnersAt } from "@/lib/seed/partners";
import { makeMember } from "../support/ledger";
import { PARTNER_SECRET } from "../support/partners";
import { call, purchase, useApiKey } from "../support/transactions";

let ledger: DemoPartnerLedger;
beforeAll(async () => {
  await useApiKey();
  ledger = await startDemoPartnerLedger({ secret: PARTNER_SECRET });
});
afterAll(() => ledger.close());
const db = () => getDb();

describe("demo partners", () => {
  it("are seeded once, point at the demo ledger, and their international milestone offers credit both partners", async () => {
    await seedDemoData(db());
    expect((await seedDemoData(db())).created).toEqual([]);
    const blocks = await db().execute<{ code: string; kind: string; status: string }>(sql`select p.code, b.kind, b.status from point_blocks b join partners p on p.id = b.partner_id order by b.kind`);
    expect(blocks).toEqual([{ code: "SKYW", kind: "prepaid", status: "active" }, { code: "SKYW", kind: "reserve", status: "active" }]);
    expect(await pointDemoPartnersAt(db(), ledger.url, PARTNER_SECRET)).toBe(2);
    await db().execute(sql`update partners set api_base_url = 'https://api.stay.example/loyalty' where code = 'STAYPTS'`);
    expect(await pointDemoPartnersAt(db(), ledger.url, PARTNER_SECRET)).toBe(1); // a real URL is left alone
    await pointDemoPartnersAt(db(), ledger.url, PARTNER_SECRET);
    await db().execute(sql`update partners set api_base_url = ${`${ledger.url}/STAYPTS`} where code = 'STAYPTS'`);

    const [travel] = await db().execute<{ id: string }>(sql`select id::text from programs where code = 'TRVL'`);
    const member = await makeMember([travel!.id]);
    const t = (await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 25_000_000, { country: "SG" }) })).body;
    const partnerAwards = t.awards.filter((a: { outcome_type: string }) => a.outcome_type === "partner_points");
    expect(partnerAwards).toHaveLength(2);
    await dispatchOutbox(db());
    expect(ledger.balance(member.externalId, "SKYW")).toBe(5000);
    expect(ledger.balance(member.externalId, "STAYPTS")).toBe(2000);
  });
});
