import type { Download } from "@playwright/test";
import { asRole, expect } from "./fixtures";

const test = asRole("program_manager");

async function text(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  return new Promise<string>((resolve) => {
    let out = "";
    stream.on("data", (c: Buffer) => (out += c.toString("utf8"))).on("end", () => resolve(out.replace(/^\ufeff/, "")));
  });
}

test("a programme manager opens an offer's performance, compares it with another and downloads the comparison", async ({ page }) => {
  // From the offer's page to its report.
  await page.goto("/offers");
  // Straight to the offer's page (a click races the list's prefetches on a busy machine).
  await page.goto((await page.getByRole("link", { name: "Big spends: slab bonus" }).getAttribute("href"))!);
  await page.getByTestId("offer-performance").click();
  await expect(page.getByRole("heading", { name: "Big spends: slab bonus", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByTestId("report-as-of")).toContainText("Figures as of");
  await expect(page.getByTestId("tile-awards")).toBeVisible();
  await expect(page.getByRole("table", { name: "Awards per day" })).toBeVisible();

  // Side by side with the programme's base earn.
  await page.getByRole("link", { name: "Compare with another offer" }).click();
  await page.getByLabel("Second offer").selectOption({ label: "Base earn — Coalition Rewards" });
  await page.getByRole("button", { name: "Show" }).click();
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("columnheader", { name: "Big spends: slab bonus" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Base earn — Coalition Rewards" })).toBeVisible();
  await expect(table.getByRole("row", { name: /Net value/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Awards per/ })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).first().click();
  const csv = await text(await download);
  const [header, ...lines] = csv.split("\r\n").filter(Boolean);
  expect(header).toBe("figure,Big spends: slab bonus,Base earn — Coalition Rewards");
  expect(lines.map((l) => l.split(",")[0])).toContain("net_value");
});
