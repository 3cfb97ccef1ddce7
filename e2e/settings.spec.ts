import type { Browser, Page } from "@playwright/test";
import { asRole, DEMO_PASSWORD, expect, SignInPage, unique } from "./fixtures";

const admin = asRole("admin");

/** Creates a console user through the Users page and returns their row. */
async function createUser(page: Page, user: { name: string; email: string; role: string }) {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(user.name);
  await dialog.getByLabel("Email").fill(user.email);
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByLabel(user.role).check();
  await dialog.getByRole("button", { name: "Create user" }).click();
  const row = page.getByRole("row", { name: new RegExp(user.email) });
  await expect(row).toBeVisible();
  return row;
}

/** Signs a person in from their own, fresh browser. */
async function signInElsewhere(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signIn = new SignInPage(await context.newPage());
  await signIn.goto();
  await signIn.signIn(email, DEMO_PASSWORD);
  await signIn.expectSignedIn();
  return { context, signIn, page: signIn.page };
}

admin("an admin creates an API key, uses it against the API, and a revoked key gets 401", async ({ page, request }) => {
  const name = unique("POS terminal");
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Read members and balances").check();
  await dialog.getByRole("button", { name: "Create key" }).click();

  const token = (await page.getByTestId("api-key-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^ck_[a-z0-9]{12}_/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();

  const ok = await request.get("/api/v1/api-key", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ name, scopes: ["members:read"] });

  const row = page.getByRole("row", { name: new RegExp(name) });
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();

  const refused = await request.get("/api/v1/api-key", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
});

admin("a deactivated user is signed out and cannot sign in again", async ({ page, browser }) => {
  const email = `${unique("agent")}@bank.example`;
  const row = await createUser(page, { name: "Asha Agent", email, role: "Member care" });
  const theirs = await signInElsewhere(browser, email);

  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();

  // Their open session ends at the next request, and signing in again is refused.
  await theirs.page.goto("/members");
  await expect(theirs.page).toHaveURL(/\/sign-in/);
  await theirs.signIn.signIn(email, DEMO_PASSWORD);
  await expect(theirs.signIn.error("Email or password is incorrect")).toBeVisible();
  await theirs.context.close();
});

asRole("auditor")("the auditor reads users, keys and the audit log but has no buttons that change them", async ({ page }) => {
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New user" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("button", { name: "New API key" })).toHaveCount(0);
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "user.sign_in" }).first()).toBeVisible();
});

admin("resetting a password ends the person's open session and the new password works", async ({ page, browser }) => {
  const email = `${unique("reset")}@bank.example`;
  const row = await createUser(page, { name: "Ravi Reset", email, role: "Auditor" });
  const theirs = await signInElsewhere(browser, email);

  await row.getByRole("button", { name: /reset password/i }).click();
  await page.getByRole("dialog").getByLabel(/new password/i).fill("a-brand-new-password");
  await page.getByRole("dialog").getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await theirs.page.goto("/members");
  await expect(theirs.page).toHaveURL(/\/sign-in/);
  await theirs.signIn.signIn(email, "a-brand-new-password");
  await theirs.signIn.expectSignedIn();
  await theirs.context.close();
});
