import type { Page } from "@playwright/test";
import { asRole, expect, newUserSession, unique } from "./fixtures";

/** With ADJUSTMENTS_SCREENSHOTS=1, full-page screenshots of each screen go to /tmp/adjustments-<name>.png (for reviewing the UI). */
async function shot(page: Page, name: string) {
  if (!process.env.ADJUSTMENTS_SCREENSHOTS) return;
  await page.screenshot({ path: `/tmp/adjustments-${name}.png`, fullPage: true });
}

asRole("member_care")(
  "a member care agent credits points above the approval threshold; a second member care user approves it from the queue and the balance shows them",
  async ({ page, browser }) => {
    const lastName = unique("Rao");
    // 1. A new member in the default programme, with no points.
    await page.goto("/members");
    await page.getByTestId("enrol-member").click();
    const enrol = page.getByRole("dialog");
    await enrol.getByLabel("External id").fill(unique("CUST"));
    await enrol.getByLabel("First name").fill("Meera");
    await enrol.getByLabel("Last name").fill(lastName);
    await enrol.getByTestId("create-member").click();
    await expect(page).toHaveURL(/\/members\/[0-9a-f-]{36}$/);
    const memberUrl = page.url();
    await expect(page.getByTestId("group-total")).toContainText("0");

    // 2. The Adjustments tab is empty; the agent asks to credit 5,000 points (above the 1,000 threshold).
    await page.getByRole("link", { name: "Adjustments" }).click();
    await expect(page.getByText("No adjustments yet")).toBeVisible();
    await shot(page, "tab-empty");
    await page.getByTestId("new-adjustment").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("review-adjustment").click();
    await expect(dialog.getByText("Choose a reason.")).toBeVisible();
    await expect(dialog.getByText("Say what happened, for the member’s record.")).toBeVisible();
    await dialog.getByLabel("Points").fill("2.5");
    await dialog.getByTestId("review-adjustment").click();
    await expect(dialog.getByText("Points are whole: no decimals.")).toBeVisible();
    await dialog.getByLabel("Points").fill("5,000");
    await expect(dialog.getByTestId("approval-notice")).toContainText("Needs approval");
    await dialog.getByTestId("adjustment-reason").selectOption({ label: "Service recovery" });
    await dialog.getByLabel("Note").fill("Lounge access refused at BOM despite Gold tier");
    await shot(page, "dialog");
    await dialog.getByTestId("review-adjustment").click();
    await expect(dialog.getByTestId("adjustment-summary")).toContainText("+5,000 points");
    await expect(dialog.getByTestId("adjustment-summary")).toContainText("0 → 5,000 points once approved");
    await shot(page, "dialog-confirm");
    await dialog.getByTestId("confirm-adjustment").click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole("row", { name: /Service recovery/ });
    await expect(row).toContainText("Awaiting approval");
    await expect(row).toContainText("+5,000");
    // Maker-checker: the requester cannot approve their own adjustment, and is told why.
    await expect(row.getByTestId("approve-adjustment")).toBeDisabled();
    await expect(row.getByTestId("maker-checker-notice")).toHaveText("You requested this: another member care user must decide.");
    await expect(page.getByText(/· 0 current points/)).toBeVisible();
    await shot(page, "tab-pending");

    // 3. A second member care user approves it from the Approvals queue.
    const checker = await newUserSession(browser, "Member care", "Kiran Checker");
    const queuePage = checker.page;
    await queuePage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" }).click();
    await expect(queuePage.getByRole("heading", { name: "Adjustment approvals" })).toBeVisible();
    const queued = queuePage.getByRole("row", { name: new RegExp(`Meera ${lastName}`) });
    await expect(queued).toContainText("+5,000");
    await shot(queuePage, "queue");
    await queued.getByTestId("approve-adjustment").click();
    await queuePage.getByRole("alertdialog").getByRole("button", { name: "Approve and credit" }).click();
    await expect(queued).toHaveCount(0);
    await checker.context.close();

    // 4. The member's balance shows the points; the adjustment is posted with its approver.
    await page.goto(memberUrl);
    await expect(page.getByTestId("group-total")).toContainText("5,000");
    await page.goto(`${memberUrl}/adjustments`);
    await expect(page.getByRole("row", { name: /Service recovery/ })).toContainText("Posted");
    await expect(page.getByText(/· 5,000 current points/)).toBeVisible();
    await expect(page.getByRole("row", { name: /Service recovery/ })).toContainText(/kiran/i);
    await shot(page, "tab-posted");
  },
);
