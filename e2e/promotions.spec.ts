import type { Locator, Page } from "@playwright/test";
import { asRole, expect, unique } from "./fixtures";

/** The Travel Plus row of a member's balances: its Current cell, as a number. */
async function travelCurrent(page: Page): Promise<number> {
  const row: Locator = page.getByTestId("balances").getByRole("row", { name: /Travel Plus/ });
  const text = await row.getByRole("cell").nth(1).innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

async function openMember(page: Page, externalId: string) {
  await page.goto("/members");
  await page.getByRole("combobox", { name: /Find a member/ }).fill(externalId);
  await page.getByRole("combobox", { name: /Find a member/ }).press("Enter");
  await page.getByTestId("member-link").filter({ hasText: externalId }).click();
  await expect(page.getByTestId("balances")).toBeVisible();
}

const pm = asRole("program_manager");

pm.describe("promotional points", () => {
  pm("a programme manager imports promotional points from CSV, watches the progress and the summary, and the member has them", async ({ page }) => {
    await openMember(page, "CUST-100003");
    const before = await travelCurrent(page);

    await page.goto("/programs");
    await page.getByRole("link", { name: "Promotional points" }).click();
    await expect(page).toHaveURL(/\/programs\/promotions$/);
    await page.getByRole("link", { name: "Import from CSV" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Promotional points imports" })).toBeVisible();

    const id = unique("PROMO");
    const file = [
      "member,program,points,reason,expiry_strategy,awarded_at,external_reference",
      `ext:CUST-100003,TRVL,1234,Monsoon campaign,,,${id}-1`,
      `ext:NOBODY-${id},TRVL,50,Nobody,,,${id}-2`,
      `ext:CUST-100003,TRVL,10,From the future,,2999-01-01,${id}-3`,
    ].join("\r\n");
    await page.getByTestId("import-file").setInputFiles({ name: `${id}.csv`, mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
    await page.getByRole("button", { name: "Validate and upload" }).click();

    await expect(page).toHaveURL(/\/programs\/promotions\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("import-progress").getByTestId("import-percent")).toHaveText("100 %", { timeout: 30_000 });
    await expect(page.getByTestId("import-progress").getByTestId("import-status")).toHaveAttribute("data-status", "done");
    await expect(page.getByTestId("import-ok")).toHaveText("1");
    await expect(page.getByTestId("import-errors")).toHaveText("2");
    const report = page.getByRole("table", { name: "Rows that could not be imported" });
    await expect(report.getByTestId("error-line")).toHaveText(["3", "4"]);
    await expect(report).toContainText("member_not_found");
    await expect(report).toContainText("awarded_at_in_future");

    // The award is listed on the promotions page, and the member's balance has it.
    await page.getByRole("link", { name: "Promotional points" }).first().click();
    await expect(page.getByRole("table", { name: "Promotional awards, newest first" })).toContainText(`${id}-1`);
    await openMember(page, "CUST-100003");
    expect(await travelCurrent(page)).toBe(before + 1234);
  });
});
