import { asRole, expect } from "./fixtures";

asRole("member_care")(
  "an agent finds a member by phone, filters the timeline to redemptions, sees the group redemption's breakup, and sends a refused partner credit again",
  async ({ page }) => {
    await page.goto("/members");
    const search = page.getByRole("combobox", { name: /Find a member/ });
    await search.fill("98450 22334");
    // Results appear as the agent types; arrow down and Enter open the member.
    await expect(page.getByTestId("member-suggestion").filter({ hasText: "Kavya Nair" })).toBeVisible();
    await search.press("ArrowDown");
    await search.press("Enter");
    await expect(page.getByRole("heading", { name: "Kavya Nair" })).toBeVisible();
    await expect(page.getByTestId("expiring-points")).toContainText("600");

    await page.getByRole("link", { name: "Timeline" }).click();
    await expect(page.locator("[data-testid=timeline-entry][data-kind=transaction]")).toContainText(["DEMO-POS-4004"]);
    await page.getByLabel("Kind").selectOption({ label: "Redemptions" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/kind=redemption/);
    const entries = page.getByTestId("timeline-entry");
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText("Group redemption");
    await expect(entries.first().getByTestId("redemption-breakup")).toHaveText("COAL 1,800 · DINE 1,200");
    await expect(entries.first()).toContainText("−3,000");

    await page.getByRole("link", { name: "Fulfilments" }).click();
    const credit = page.getByRole("row", { name: /Skyward Miles/ });
    await expect(credit).toContainText("Failed");
    await credit.getByRole("button", { name: /^Send .* again$/ }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByLabel("Reason").fill("Member linked the Skyward account today");
    await confirm.getByRole("button", { name: "Send again" }).click();
    // The worker delivers it to the demo partner ledger, which now accepts it; the page refreshes while pending.
    await expect(credit).toContainText("Posted", { timeout: 30_000 });

    // The retry and the delivery are on the timeline, with the agent's reason.
    await page.getByRole("link", { name: "Timeline" }).click();
    await page.getByLabel("Kind").selectOption({ label: "Fulfilment changes" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("timeline-entry").filter({ hasText: "Member linked the Skyward account today" })).toBeVisible();
  },
);
