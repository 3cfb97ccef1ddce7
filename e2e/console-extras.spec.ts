import type { APIRequestContext, Page } from "@playwright/test";
import { asRole, createApiKeyInConsole, expect, storageStateFor, unique } from "./fixtures";

/** With EXTRAS_SCREENSHOTS=1, full-page screenshots go to /tmp/extras-<name>.png (for reviewing the UI). */
async function shot(page: Page, name: string) {
  if (!process.env.EXTRAS_SCREENSHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/extras-${name}.png`, fullPage: true });
}

/** Posts a ₹2,000 purchase for a seeded member with the given MCC; answers the transaction id. */
async function purchase(request: APIRequestContext, token: string, mcc: string, merchant: string): Promise<string> {
  const res = await request.post("/api/v1/transactions", {
    headers: { Authorization: `Bearer ${token}` },
    data: { external_id: unique(`E2E-${mcc}`), member_id: "ext:CUST-100003", type: "purchase", amount: 200_000, currency: "INR", occurred_at: new Date().toISOString(), mcc, merchant_name: merchant },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { transaction_id: string; awards: unknown[] };
  expect(body.awards.length).toBeGreaterThan(0);
  return body.transaction_id;
}

// First in this file: its cashback is delivered through the demo hook before the integrations test points the hook elsewhere.
// CUST-100003 is a seeded member whose balances no other spec checks.
asRole("admin")("the member page lists a member's new fulfilments with their states and history", async ({ page, request, browser }) => {
  const token = await createApiKeyInConsole(page, "Send and reverse transactions");
  const dining = await purchase(request, token, "5812", "Spice Route");
  await purchase(request, token, "5411", "FreshMart");
  await purchase(request, token, "7832", "PVR Cinemas");
  const refund = await request.post(`/api/v1/transactions/${dining}/reverse`, { headers: { Authorization: `Bearer ${token}` }, data: { amount: 200_000 } });
  expect(refund.status(), await refund.text()).toBe(200);

  // Member care, who explains every point to the member, reads them.
  const context = await browser.newContext({ storageState: storageStateFor("member_care") });
  const care = await context.newPage();
  await care.goto("/members?q=CUST-100003");
  await care.getByTestId("member-link").filter({ hasText: "CUST-100003" }).click();
  await care.getByRole("link", { name: "Fulfilments" }).click();
  await expect(care.getByRole("heading", { name: "Fulfilments", level: 2 })).toBeVisible();

  const diningOffer = care.getByRole("row", { name: /Dining: 5 % back in points/ });
  await expect(diningOffer).toContainText("Reversed");
  await expect(diningOffer).toContainText(/[\d,]+ points reversed/);
  await expect(diningOffer.getByRole("link", { name: "Dining: 5 % back in points" })).toHaveAttribute("href", /\/offers\/[0-9a-f-]{36}$/);
  await expect(care.getByRole("row", { name: /Base earn rule/ }).first()).toBeVisible();

  const voucher = care.getByRole("row", { name: /Entertainment: a free movie ticket/ });
  await expect(voucher).toContainText("Posted");
  await expect(voucher.getByRole("list", { name: "Voucher codes" })).toContainText(/MOVIE-[A-Z0-9]{8}/);

  // Cashback is pending until the worker delivers it to the demo hook; the list updates by itself.
  const cashback = care.getByRole("row", { name: /Groceries: 2 % cashback/ });
  await expect(cashback).toContainText("₹40.00");
  await expect(cashback).toContainText("Posted", { timeout: 30_000 });
  await shot(care, "member-fulfilments");

  await diningOffer.getByRole("button", { name: /History of reward points/ }).click();
  const history = care.getByRole("dialog").getByTestId("fulfilment-events");
  await expect(history).toContainText("Created as posted");
  await expect(history).toContainText("Posted → Reversed");
  await expect(history).toContainText("taken back");
  await shot(care, "fulfilment-history");
  await care.keyboard.press("Escape");
  await context.close();
});

asRole("program_manager")("a program manager creates a voucher pool, uploads codes from a CSV and sees its stock", async ({ page }) => {
  await page.goto("/offers");
  await page.getByRole("link", { name: "Voucher pools" }).click();
  await expect(page.getByRole("heading", { name: "Voucher pools", level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: /Movie tickets \(demo\)/ })).toBeVisible();

  const name = unique("Coffee vouchers");
  await page.getByRole("button", { name: "New pool" }).click();
  const create = page.getByRole("dialog");
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Description (optional)").fill("A free filter coffee at partner cafés");
  await create.getByRole("button", { name: "Create pool" }).click();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("No codes yet");

  // A CSV with a header, a second column, a blank line and one code twice.
  const tag = Date.now().toString(36).toUpperCase();
  const csv = `code,value\nCOF-${tag}-1,100\nCOF-${tag}-2,100\n\ncof-${tag}-2,100\n`;
  await row.getByRole("button", { name: `Upload codes to ${name}` }).click();
  const upload = page.getByRole("dialog");
  await upload.getByLabel("File of codes").setInputFiles({ name: "coffee.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(upload.getByTestId("codes-count")).toHaveText("3 codes");
  await expect(upload.getByTestId("codes-preview")).toContainText("Skipped the header line and 1 blank line");
  await shot(page, "voucher-upload-preview");
  await upload.getByRole("button", { name: "Add 3 codes" }).click();
  await expect(upload.getByTestId("upload-result")).toContainText("2 codes added, 1 duplicate skipped");
  await upload.getByRole("button", { name: "Done" }).click();
  await expect(row.getByRole("cell").nth(1)).toHaveText("2"); // total
  await expect(row.getByRole("cell").nth(3)).toContainText("2"); // left
  await expect(row).toContainText("In stock");

  // A bad code is reported by its line in the file, before anything is sent.
  await row.getByRole("button", { name: `Upload codes to ${name}` }).click();
  await page.getByRole("dialog").getByLabel("File of codes").setInputFiles({ name: "bad.txt", mimeType: "text/plain", buffer: Buffer.from(`COF-${tag}-3\nnot a code!\n`) });
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("Line 2: “NOT A CODE!” is not a valid code");
  await expect(page.getByRole("dialog").getByRole("button", { name: "Add codes" })).toBeDisabled();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  await row.getByRole("button", { name: `Generate codes for ${name}` }).click();
  const generate = page.getByRole("dialog");
  await generate.getByLabel("How many").fill("18");
  await generate.getByLabel("Prefix").fill("cof");
  await generate.getByRole("button", { name: "Generate 18 codes" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(row.getByRole("cell").nth(1)).toHaveText("20");
  await shot(page, "voucher-pools");
});

asRole("admin")("an admin saves the core-banking hook URL, and a test of an unreachable URL reports why it failed", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Integrations" }).click();
  const inUse = page.getByTestId("settings-in-use");
  await expect(inUse).toContainText("Environment variable");
  const url = page.getByLabel("Hook URL");
  const timeout = page.getByLabel("Timeout (ms)");
  const demoHook = await url.inputValue(); // the demo hook `npm start` runs, from COALITION_CORE_BANKING_URL
  expect(demoHook).toMatch(/^http:\/\//);
  await shot(page, "integrations");

  await url.fill("ftp://corebank.example");
  await timeout.fill("500");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a full URL that starts with http:// or https://")).toBeVisible();
  await expect(page.getByText("At least 1,000 ms (1 second).")).toBeVisible();

  await url.fill("http://127.0.0.1:4/bank");
  await timeout.fill("2,000");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(inUse).toContainText("http://127.0.0.1:4/bank");
  await expect(inUse).toContainText("Saved in the console");
  await expect(inUse).toContainText("2,000 ms");

  await page.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByTestId("connection-result");
  await expect(result).toContainText("Connection failed.");
  await expect(result).toContainText("Connection refused: nothing is listening at 127.0.0.1:4.");
  await expect(result).toContainText("GET http://127.0.0.1:4/bank/health");
  await shot(page, "integrations-failed");

  // Back to the demo hook, which answers.
  await url.fill(demoHook);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(inUse).toContainText(demoHook);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(result).toContainText("Connection OK.");
});

asRole("auditor")("the auditor reads voucher pools and integrations but cannot change them", async ({ page }) => {
  await page.goto("/offers/vouchers");
  await expect(page.getByRole("row", { name: /Movie tickets \(demo\)/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "New pool" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Upload codes/ })).toHaveCount(0);
  await page.goto("/settings/integrations");
  await expect(page.getByTestId("settings-in-use")).toBeVisible();
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  await expect(page.getByText("Only an administrator can change or test these settings.")).toBeVisible();
});
