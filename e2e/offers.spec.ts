import type { Browser, Locator, Page } from "@playwright/test";
import { asRole, createApiKeyInConsole, expect, newUserSession, storageStateFor, unique } from "./fixtures";

/** With OFFERS_SCREENSHOTS=1, full-page screenshots of each screen go to /tmp/offers-<name>.png (for reviewing the UI). */
async function shot(page: Page, name: string) {
  if (!process.env.OFFERS_SCREENSHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/offers-${name}.png`, fullPage: true });
}

/** The five-step offer wizard, as a programme manager uses it. */
class OfferWizard {
  constructor(readonly page: Page) {}

  stepTitle() {
    return this.page.getByTestId("wizard-step-title");
  }

  async expectStep(title: string) {
    await expect(this.stepTitle()).toContainText(title);
  }

  async next(title: string) {
    await this.page.getByTestId("wizard-next").click();
    await this.expectStep(title);
  }

  async back(title: string) {
    await this.page.getByRole("button", { name: "Back", exact: true }).click();
    await this.expectStep(title);
  }

  async saveDraft() {
    await this.page.getByTestId("save-draft").click();
  }

  /** A text input by its exact label (a label such as "Rate" also appears in radio descriptions). */
  textbox(name: string) {
    return this.page.getByRole("textbox", { name, exact: true });
  }

  radio(name: string | RegExp) {
    return this.page.getByRole("radio", { name });
  }

  previewResult(): Locator {
    return this.page.getByTestId("preview-result");
  }
}

/** The offer's page: status, approval, versions. */
class OfferPage {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByRole("heading", { level: 1 }).getByTestId("offer-status");
  }

  async approve() {
    await this.page.getByTestId("approve-offer").click();
    await this.page.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
  }
}

/** The admin creates a second programme manager (the seed has one per role), who signs in from a fresh browser. */
const checkerSession = (browser: Browser) => newUserSession(browser, "Program manager", "Chitra Checker");

asRole("program_manager")(
  "a programme manager builds a 2 % cashback offer in the wizard and submits it; only another user can approve it, and then it is active",
  async ({ page, browser, request }) => {
    const name = unique("Dining cashback");
    const wizard = new OfferWizard(page);
    await page.goto("/offers");
    await shot(page, "list-before");
    await page.getByTestId("new-offer").click();

    // 1. Basics: the demo default programme is preselected and the offer starts today.
    await wizard.expectStep("Basics");
    await page.getByTestId("wizard-next").click();
    await expect(page.getByText("Name the offer.")).toBeVisible();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Description (optional)").fill("2 % back on dining, up to ₹500 a purchase.");
    await shot(page, "step-1-basics");
    await wizard.next("Eligibility");

    // 2. Eligibility: purchases of at least ₹500.00 (typed in rupees, stored in paise).
    await page.getByLabel("Minimum amount").fill("500.005");
    await page.getByTestId("wizard-next").click();
    await expect(page.getByText("At most 2 decimal places.")).toBeVisible();
    await page.getByLabel("Minimum amount").fill("500");
    // The first save creates the draft and moves to its edit page, at the same step.
    await wizard.saveDraft();
    await expect(page).toHaveURL(/\/offers\/[0-9a-f-]{36}\/edit$/);
    await wizard.expectStep("Eligibility");
    await expect(page.getByLabel("Minimum amount")).toHaveValue("500.00");
    await shot(page, "step-2-eligibility");
    await wizard.next("Outcome");

    // 3. Outcome: 2 % cashback in INR, capped at ₹500 a purchase, with a budget.
    await wizard.radio(/^Cashback/).check();
    await page.getByLabel("Cashback currency").fill("INR");
    await wizard.radio(/^Percentage/).check();
    await wizard.textbox("Rate").fill("2");
    await page.getByLabel("Cap per transaction (optional)").fill("500");
    await page.getByLabel("Budget (optional)").fill("1,00,000");
    await wizard.next("Posting");
    // Going back keeps what was typed.
    await wizard.back("Outcome");
    await expect(wizard.textbox("Rate")).toHaveValue("2");
    await wizard.radio(/^Slab/).check();
    await wizard.textbox("Band 1 from").fill("0");
    await wizard.textbox("To").fill("5000");
    await wizard.textbox("Rate").fill("1");
    await page.getByRole("button", { name: "Add band" }).click();
    await wizard.textbox("Rate").nth(1).fill("2");
    await expect(page.getByText(/Worked example: a purchase of ₹7,500.00/)).toBeVisible();
    await expect(page.getByText(/Banded.*earns ₹100.00 cashback/)).toBeVisible();
    await shot(page, "step-3-outcome-slab");
    await wizard.radio(/^Percentage/).check();
    await wizard.textbox("Rate").fill("2");
    await shot(page, "step-3-outcome");
    await wizard.next("Posting");

    // 4. Posting: an unknown placeholder is flagged as it is typed.
    await page.getByLabel("Narration template").fill("Cashback {value} at {shop}");
    await expect(page.getByText("Not a known placeholder: {shop}")).toBeVisible();
    await page.getByTestId("wizard-next").click();
    await expect(page.getByText(/Unknown placeholder \{shop\}/)).toBeVisible();
    await page.getByLabel("Narration template").fill("Cashback {value} at {merchant}");
    await shot(page, "step-4-posting");
    await wizard.next("Review");

    // 5. Review: the summary, and the example says exactly what a ₹1,000.00 purchase earns.
    await expect(page.getByTestId("offer-summary")).toContainText("Earns 2 % of the amount as cashback in INR, up to ₹500.00 per transaction");
    await page.getByTestId("preview-amount").fill("1000");
    await page.getByLabel("Merchant", { exact: true }).fill("Spice Route");
    await expect(wizard.previewResult()).toContainText("Earns ₹20.00 cashback");
    await expect(wizard.previewResult()).toContainText("2 % of ₹1,000.00 = ₹20.00 cashback");
    await expect(wizard.previewResult()).toContainText("Cashback 20.00 at Spice Route");
    await page.getByTestId("preview-amount").fill("400");
    await expect(wizard.previewResult()).toContainText("Earns nothing");
    await page.getByTestId("preview-amount").fill("1000");
    await shot(page, "step-5-review");
    await page.getByTestId("submit-offer").click();

    // The offer page: awaiting approval, and its author may not approve it.
    const offer = new OfferPage(page);
    await expect(page).toHaveURL(/\/offers\/[0-9a-f-]{36}$/);
    const offerUrl = page.url();
    await expect(offer.status()).toContainText("Awaiting approval");
    await expect(page.getByTestId("maker-checker-notice")).toContainText("Another user must approve what you submitted.");
    await expect(page.getByTestId("approve-offer")).toBeDisabled();
    await expect(page.getByRole("row", { name: /v1/ })).toContainText("Awaiting approval");
    await shot(page, "detail-awaiting");

    // Another programme manager approves it; it is active at once and in the list.
    const checker = await checkerSession(browser);
    await checker.page.goto(offerUrl);
    const theirs = new OfferPage(checker.page);
    await expect(checker.page.getByTestId("maker-checker-notice")).toHaveCount(0);
    await theirs.approve();
    await expect(theirs.status()).toContainText("Active");
    await expect(checker.page.getByRole("row", { name: /v1/ })).toContainText("Chitra Checker");
    await expect(checker.page.getByTestId("offer-budget")).toContainText("₹0.00 of ₹100,000.00");
    await shot(checker.page, "detail-active");
    await checker.context.close();

    await page.goto("/offers?status=active");
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Cashback");
    await expect(row).toContainText("v1");
    await shot(page, "list");

    // A card transaction through the API earns exactly what the preview said: 2 % of ₹1,000.00 = ₹20.00.
    const offerId = offerUrl.split("/").pop()!;
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const token = await createApiKeyInConsole(await admin.newPage(), "Send and reverse transactions");
    await admin.close();
    const res = await request.post("/api/v1/transactions", {
      headers: { Authorization: `Bearer ${token}` },
      // Not CUST-100001: ledger.spec.ts checks that member's balances.
      data: { external_id: unique("E2E-OFFER"), member_id: "ext:CUST-100002", type: "purchase", amount: 100_000, currency: "INR", occurred_at: new Date().toISOString(), merchant_name: "Spice Route", country: "IN" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const awards = ((await res.json()) as { awards: { offer_id: string | null; outcome_type: string; amount?: number; currency?: string; narration: string }[] }).awards;
    expect(awards.filter((a) => a.offer_id === offerId)).toEqual([expect.objectContaining({ outcome_type: "cashback", amount: 2_000, currency: "INR", narration: "Cashback 20.00 at Spice Route" })]);

    // The member's fulfilments show it.
    await page.goto("/members?q=CUST-100002");
    await page.getByTestId("member-link").filter({ hasText: "CUST-100002" }).click();
    await page.getByRole("link", { name: "Fulfilments" }).click();
    const earned = page.getByRole("row", { name: new RegExp(name) });
    await expect(earned).toContainText("₹20.00");
    await expect(earned).toContainText("Cashback 20.00 at Spice Route");

    // Pausing is one click; ending asks first and is final.
    await page.goto(offerUrl);
    await page.getByTestId("pause-offer").click();
    await expect(offer.status()).toContainText("Paused");
    await page.getByTestId("end-offer").click();
    await expect(page.getByRole("alertdialog")).toContainText("cannot be resumed");
    await page.getByRole("alertdialog").getByRole("button", { name: "End offer" }).click();
    await expect(offer.status()).toContainText("Ended");
    await expect(page.getByTestId("edit-offer")).toHaveCount(0);
  },
);

asRole("program_manager")(
  "a programme manager builds a banded slab of Skyward Miles; once another user approves it, a transaction earns exactly the previewed miles",
  async ({ page, browser, request }) => {
    const name = unique("Miles slab");
    const wizard = new OfferWizard(page);
    await page.goto("/offers/new");
    await page.getByLabel("Name").fill(name);
    await wizard.next("Eligibility");
    await wizard.next("Outcome");

    // Partner points from the partners set up under Partners; bands of 1 % up to ₹5,000 and 2 % above, band by band.
    await wizard.radio(/^Partner points/).check();
    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Skyward Airlines (Skyward Miles)" });
    await wizard.radio(/^Slab/).check();
    await wizard.radio(/^Banded/).check();
    await wizard.textbox("Band 1 from").fill("0");
    await wizard.textbox("To").fill("5000");
    await wizard.textbox("Rate").fill("1");
    await page.getByRole("button", { name: "Add band" }).click();
    await wizard.textbox("Rate").nth(1).fill("2");
    await expect(page.getByText(/Worked example/)).toBeVisible();
    await shot(page, "partner-step-3-outcome");
    await wizard.next("Posting");
    await page.getByLabel("Narration template").fill("{points} Skyward Miles at {merchant}");
    await wizard.next("Review");

    // ₹7,500.00: 1 % of the first ₹5,000.00 and 2 % of the next ₹2,500.00.
    await expect(page.getByTestId("offer-summary")).toContainText("Skyward Miles");
    await page.getByTestId("preview-amount").fill("7500");
    await page.getByLabel("Merchant", { exact: true }).fill("Sky Lounge");
    await expect(wizard.previewResult()).toContainText("Earns 10,000 Skyward Miles");
    await expect(wizard.previewResult()).toContainText("10,000 Skyward Miles at Sky Lounge");
    await shot(page, "partner-step-5-review");
    await page.getByTestId("submit-offer").click();
    await expect(page).toHaveURL(/\/offers\/[0-9a-f-]{36}$/);
    const offerUrl = page.url();
    await expect(page.getByTestId("approve-offer")).toBeDisabled();

    const checker = await checkerSession(browser);
    await checker.page.goto(offerUrl);
    await new OfferPage(checker.page).approve();
    await expect(new OfferPage(checker.page).status()).toContainText("Active");
    await checker.context.close();

    const offerId = offerUrl.split("/").pop()!;
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const token = await createApiKeyInConsole(await admin.newPage(), "Send and reverse transactions");
    await admin.close();
    const res = await request.post("/api/v1/transactions", {
      headers: { Authorization: `Bearer ${token}` },
      data: { external_id: unique("E2E-MILES"), member_id: "ext:CUST-100002", type: "purchase", amount: 750_000, currency: "INR", occurred_at: new Date().toISOString(), merchant_name: "Sky Lounge", country: "IN" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const awards = ((await res.json()) as { awards: { offer_id: string | null; outcome_type: string; points?: number; narration: string }[] }).awards;
    expect(awards.filter((a) => a.offer_id === offerId)).toEqual([expect.objectContaining({ outcome_type: "partner_points", points: 10_000, narration: "10,000 Skyward Miles at Sky Lounge" })]);

    // The worker credits Skyward's (demo) ledger; member care sees the credit posted on the member's Fulfilments tab.
    await page.goto("/members?q=CUST-100002");
    await page.getByTestId("member-link").filter({ hasText: "CUST-100002" }).click();
    await page.getByRole("link", { name: "Fulfilments" }).click();
    const earned = page.getByRole("row", { name: new RegExp(name) });
    await expect(earned).toContainText("10,000 Skyward Miles");
    await expect(earned).toContainText("Skyward Airlines");
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(/Posted/i, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await shot(page, "partner-fulfilments");

    // End it, so that other specs' purchases by this member do not earn it.
    await page.goto(offerUrl);
    await page.getByTestId("end-offer").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "End offer" }).click();
    await expect(new OfferPage(page).status()).toContainText("Ended");
  },
);

asRole("auditor")("the auditor reads the offers list but cannot create or change offers", async ({ page }) => {
  await page.goto("/offers");
  await expect(page.getByRole("heading", { name: "Offers", level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "Filter offers" })).toBeVisible();
  await expect(page.getByTestId("new-offer")).toHaveCount(0);
  const response = await page.goto("/offers/new");
  expect(response?.status()).toBe(403);
});

