import type { Page } from "@playwright/test";
import { asRole, expect, newUserSession, unique } from "./fixtures";

/** With PARTNERS_SCREENSHOTS=1, full-page screenshots of each screen go to /tmp/partners-<name>.png (for reviewing the UI). */
async function shot(page: Page, name: string) {
  if (!process.env.PARTNERS_SCREENSHOTS) return;
  await page.screenshot({ path: `/tmp/partners-${name}.png`, fullPage: true });
}

asRole("partner_manager")(
  "a partner manager sets up a partner and records a block; a second partner manager approves it (the first could not); the partner's key then earns from it",
  async ({ page, browser, request }) => {
    const code = unique("SKY").toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 16);
    const name = `Sky Airways ${code.slice(-4)}`;
    const reference = unique("PO");

    // 1. The partner with its currency, funded by prepaid blocks; members earn in Travel Plus.
    await page.goto("/partners");
    await shot(page, "list-before");
    await page.getByTestId("new-partner").click();
    const form = page.getByRole("form", { name: "Create partner" });
    await form.getByLabel("Code", { exact: true }).fill(code);
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Currency code").fill("SKYW");
    await form.getByLabel("Conversion rate", { exact: true }).fill("0.5");
    await form.getByLabel("Timeout (ms)").fill("50");
    await form.getByTestId("save-partner").click();
    await expect(form.getByText("Name the currency, e.g. Skyward Miles.")).toBeVisible();
    await expect(form.getByText("At least 100 ms.")).toBeVisible();
    await shot(page, "form-errors");
    await form.getByLabel("Currency name").fill("Skyward Miles");
    await form.getByLabel("Timeout (ms)").fill("3000");
    await form.getByLabel("Host programme").selectOption({ label: "Travel Plus (TRVL)" });
    // Post-paid terms appear only for a post-paid partner.
    await form.getByTestId("funding-mode").selectOption("postpaid");
    await expect(form.getByLabel("Price per point")).toBeVisible();
    await form.getByTestId("funding-mode").selectOption("prepaid");
    await expect(form.getByLabel("Price per point")).toHaveCount(0);
    await shot(page, "form");
    await form.getByTestId("save-partner").click();
    await expect(page).toHaveURL(/\/partners\/[0-9a-f-]{36}$/);
    const partnerUrl = page.url();
    const partnerId = partnerUrl.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByTestId("available-points")).toHaveText("0");

    // 2. It records a purchase of 10,000 points; they wait for approval.
    await page.getByTestId("record-block").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("save-block").click();
    await expect(dialog.getByText("Enter the purchase reference (invoice or PO number).")).toBeVisible();
    await dialog.getByLabel("Points").fill("10000");
    await dialog.getByLabel("Price (minor units)").fill("350000");
    await expect(dialog.getByTestId("price-preview")).toHaveText("= ₹3,500.00");
    await dialog.getByLabel("Reference").fill(reference);
    await shot(page, "record-block");
    await dialog.getByTestId("save-block").click();
    await expect(page.getByTestId("pending-points")).toHaveText("10,000");
    await expect(page.getByTestId("available-points")).toHaveText("0");

    // 3. Its recorder cannot approve it: the button is disabled and says why.
    await page.goto(`/point-blocks?partnerId=${partnerId}`);
    const row = page.getByRole("row", { name: new RegExp(reference) });
    await expect(row.getByTestId("block-status")).toContainText("Pending approval");
    await expect(row.getByTestId("approve-block")).toBeDisabled();
    await expect(row.getByTestId("maker-checker-notice")).toContainText("another partner manager must approve it");
    await shot(page, "blocks-own");

    // 4. A second partner manager approves it, after a confirmation.
    const checker = await newUserSession(browser, "Partner manager", "Priya Checker");
    await checker.page.goto(`/point-blocks?partnerId=${partnerId}`);
    const theirRow = checker.page.getByRole("row", { name: new RegExp(reference) });
    await theirRow.getByTestId("approve-block").click();
    await expect(checker.page.getByRole("alertdialog")).toContainText("Approve 10,000 points");
    await shot(checker.page, "approve-confirm");
    await checker.page.getByRole("alertdialog").getByRole("button", { name: "Approve block" }).click();
    await expect(theirRow.getByTestId("block-status")).toContainText("Active");
    await expect(theirRow).toContainText("Approved by Priya Checker");
    await checker.context.close();

    // 5. The partner's key, created on its page and shown once.
    await page.goto(partnerUrl);
    await expect(page.getByTestId("available-points")).toHaveText("10,000");
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByTestId("new-partner-key").click();
    await page.getByRole("dialog").getByLabel("Name").fill(`${name} POS`);
    await page.getByTestId("create-partner-key").click();
    const token = (await page.getByTestId("api-key-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^ck_/);
    await page.getByRole("button", { name: "I have copied the key" }).click();
    await expect(page.getByRole("row", { name: new RegExp(`${name} POS`) })).toContainText("partner_transactions:write");
    await shot(page, "keys");

    // 6. A partner transaction through the API earns, funded from the block.
    const externalId = unique("SKY-TX");
    const res = await request.post(`/api/v1/partners/${partnerId}/transactions`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { external_id: externalId, member_id: "ext:CUST-100002", points: 1500, reason: "Flight BOM-DEL" },
    });
    expect(res.status(), await res.text()).toBe(201);

    // 7. The block shows the points used, and its history the transaction.
    await page.goto(`/point-blocks?partnerId=${partnerId}`);
    const used = page.getByRole("row", { name: new RegExp(reference) });
    await expect(used.getByTestId("block-used")).toHaveText("1,500 used");
    await expect(used.getByTestId("block-left")).toHaveText("8,500 left");
    await shot(page, "blocks");
    await used.getByTestId("block-link").click();
    await expect(page.getByRole("row", { name: new RegExp(externalId) })).toContainText("−1,500");
    await shot(page, "block-detail");
    await page.goto(partnerUrl);
    await expect(page.getByTestId("available-points")).toHaveText("8,500");
    await shot(page, "partner");
  },
);

asRole("partner_manager")("a post-paid partner's billing tab shows the open cycle and asks before closing it", async ({ page }) => {
  const code = unique("HTL").toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 16);
  await page.goto("/partners/new");
  const form = page.getByRole("form", { name: "Create partner" });
  await form.getByLabel("Code", { exact: true }).fill(code);
  await form.getByLabel("Name", { exact: true }).fill(`Grand Stay ${code.slice(-4)}`);
  await form.getByLabel("Type").selectOption("hotel");
  await form.getByLabel("Currency code").fill("GSTAY");
  await form.getByLabel("Currency name").fill("Stay Points");
  await form.getByTestId("funding-mode").selectOption("postpaid");
  await form.getByLabel("Price per point").fill("0.35");
  await form.getByTestId("save-partner").click();
  await expect(page).toHaveURL(/\/partners\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "Billing" }).click();
  await expect(page.getByTestId("cycle-count")).toHaveText("0");
  await expect(page.getByTestId("close-cycle")).toBeDisabled();
  await expect(page.getByText("No statements yet")).toBeVisible();
  await shot(page, "billing-empty");
});
