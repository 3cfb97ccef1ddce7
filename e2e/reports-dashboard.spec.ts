import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { asRole, expect } from "./fixtures";

/** With EXTRAS_SCREENSHOTS=1, full-page screenshots go to /tmp/reports-dashboard-<name>.png (for reviewing the UI). */
async function shot(page: Page, name: string) {
  if (!process.env.EXTRAS_SCREENSHOTS) return;
  await page.screenshot({ path: `/tmp/reports-dashboard-${name}.png`, fullPage: true });
}

asRole("program_manager")("a programme manager reads the points dashboard, changes its grain and downloads a table", async ({ page }) => {
  await page.goto("/reports");
  await page.getByRole("link", { name: /Programme dashboard/ }).click();
  await expect(page.getByRole("heading", { name: "Programme dashboard", level: 1 })).toBeVisible();
  // The figures come from the rollups: bring them up to date, then read them.
  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByTestId("report-as-of")).toContainText("Figures as of");

  await expect(page.getByTestId("tile-outstanding")).toContainText(/Outstanding points\s*[1-9][\d,]*/);
  await expect(page.getByTestId("tile-liability")).toContainText("₹");
  const movements = page.getByRole("table", { name: "Points movements" });
  await expect(movements.getByRole("columnheader", { name: "Issued" })).toBeVisible();
  await expect(movements.getByRole("row")).not.toHaveCount(1);
  await shot(page, "group-by-day");

  // A year of the default programme, by month.
  await page.getByLabel("Programme").selectOption({ label: "Coalition Rewards (COAL)" });
  const to = await page.getByLabel("To", { exact: true }).inputValue();
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  await page.getByLabel("From", { exact: true }).fill(from.toISOString().slice(0, 10));
  await page.getByLabel("By", { exact: true }).selectOption("month");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/grain=month/);
  const months = page.getByRole("table", { name: "Points movements" }).getByRole("row");
  await expect(months).toHaveCount(1 + 12 + (from.getUTCDate() === 1 ? 0 : 1));
  await expect(page.getByRole("table", { name: "Tier distribution" }).getByRole("columnheader", { name: "Tier" })).toBeVisible();
  await shot(page, "programme-by-month");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the points movements as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^points-movements-COAL-.*-month\.csv$/);
  const text = await readFile((await file.path())!, "utf8");
  expect(text.replace(/^\ufeff/, "").split(/\r?\n/)[0]).toBe(
    "period_start,issued,redeemed,expired,other,net_change,awarded,adjusted_in,adjusted_out,taken_back,redeemed_gross,redemption_reversed,transferred_in,transferred_out,other_in,other_out",
  );
});
