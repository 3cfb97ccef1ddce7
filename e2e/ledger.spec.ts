import { asRole, expect, unique } from "./fixtures";

asRole("program_manager")("a program manager sees the demo programmes, a balanced ledger, and creates a programme", async ({ page }) => {
  await page.goto("/programs");
  await expect(page.getByRole("row", { name: /Coalition Rewards/ })).toContainText("1 pt = 0.25 INR");
  await page.getByRole("link", { name: "Ledger health" }).click();
  await expect(page.getByText("Ledger balanced")).toBeVisible();

  const code = unique("E2E").replace(/[^A-Za-z0-9]/g, "").slice(0, 16).toUpperCase();
  await page.goto("/programs");
  await page.getByTestId("new-program").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Code").fill(code);
  await dialog.getByLabel("Name").fill("Weekend Cinema");
  await dialog.getByLabel("Amount").fill("0.1");
  await dialog.getByLabel("Currency").fill("INR");
  await dialog.getByLabel("Time zone").fill("Asia/Kolkata");
  await dialog.getByTestId("create-program").click();
  await expect(page.getByRole("heading", { name: "Weekend Cinema" })).toBeVisible();
  await expect(page.getByText("Never", { exact: true }).first()).toBeVisible();
});

asRole("member_care")("member care finds a demo member by phone and sees balances per programme and in total", async ({ page }) => {
  await page.goto("/members");
  await page.getByRole("combobox", { name: /Find a member/ }).fill("+91 98200 10001");
  await page.getByRole("combobox", { name: /Find a member/ }).press("Enter");
  await page.getByTestId("member-link").filter({ hasText: "CUST-100001" }).click();
  await expect(page.getByText("Asha Verma").first()).toBeVisible();
  // 4,200 + 1,250 + 3,000 awarded, 2,000 redeemed in a group redemption from the earliest-expiring lot.
  await expect(page.getByRole("row", { name: /Group total/ })).toContainText("6,450");

  // The group redemption spent the earliest-expiring lot (Coalition Rewards); reversing it puts the points back.
  const redemption = page.getByRole("row", { name: /DEMO-ORDER-1/ });
  await expect(redemption).toContainText("Group: COAL 2,000");
  await redemption.getByRole("button", { name: /Reverse the redemption/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reverse redemption" }).click();
  await expect(redemption).toContainText("Reversed");
  await expect(page.getByRole("row", { name: /Group total/ })).toContainText("8,450");
});
