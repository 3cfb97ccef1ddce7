import { readFileSync } from "node:fs";
import { asRole, expect, unique } from "./fixtures";

const test = asRole("program_manager");

test("a programme manager builds a segment, sees its count, saves and exports it, and targets it from an offer", async ({ page }) => {
  const name = unique("Salaried members");
  await page.goto("/segments");
  await page.getByRole("link", { name: "New segment" }).first().click();
  await expect(page.getByRole("heading", { name: "New segment" })).toBeVisible();

  // The count follows the conditions: every member first, then only the salaried ones.
  const countText = page.getByTestId("segment-count");
  await expect(countText).toHaveText(/^[\d,]+$/);
  const everyone = Number((await countText.textContent())!.replaceAll(",", ""));
  expect(everyone).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Add attribute condition" }).click();
  await page.getByLabel("Condition 1: attribute").fill("segment");
  await page.getByLabel("Value").fill("salaried");
  await expect.poll(async () => Number((await countText.textContent())!.replaceAll(",", "") || "NaN")).toBeLessThan(everyone);
  const salaried = Number((await countText.textContent())!.replaceAll(",", ""));
  expect(salaried).toBeGreaterThan(0);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("segment-member-count")).toContainText(salaried.toLocaleString("en-GB"));
  await expect(page.getByTestId("segment-conditions")).toContainText("segment is “salaried”.");
  await expect(page.getByRole("table", { name: `Members of ${name}` }).getByRole("row")).toHaveCount(Math.min(salaried, 25) + 1);

  // Export: a CSV with a header and one line per member.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const lines = readFileSync((await (await download).path())!, "utf8").replace(/^\ufeff/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("member_id,member_external_id,first_name,last_name,email");
  expect(lines).toHaveLength(salaried + 1);

  // Target it from a new offer's member filters; the segment then lists the offer and cannot be deleted.
  await page.goto("/offers/new");
  await page.getByLabel("Name").fill(unique("Salaried bonus"));
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("offer-segments").getByLabel(new RegExp(name)).check();
  await page.getByTestId("save-draft").click();
  await expect(page).toHaveURL(/\/offers\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByTestId("offer-segments").getByLabel(new RegExp(name))).toBeChecked();

  await page.goto("/segments");
  await page.getByRole("link", { name }).click();
  await expect(page.getByText("Offers targeting it").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Salaried bonus/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByRole("alertdialog")).toContainText(/Offers target this segment/);
});
