import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "coalition-demo";
export const DEMO = {
  admin: "admin@coalition.demo",
  program_manager: "program-manager@coalition.demo",
  partner_manager: "partner-manager@coalition.demo",
  member_care: "member-care@coalition.demo",
  auditor: "auditor@coalition.demo",
} as const;
export type DemoRole = keyof typeof DEMO;

export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}.json`;

/** The sign-in page, as a person uses it. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** The sign-in error (Next's route announcer also has role=alert, so match the text). */
  error(text: string | RegExp) {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  async expectSignedIn() {
    await expect(this.page.getByRole("navigation", { name: /main/i })).toBeVisible();
  }
}

export const test = base.extend<{ signInPage: SignInPage }>({
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
});

/** A test that runs signed in as a demo role (state saved by auth.setup.ts). */
export const asRole = (role: DemoRole) => test.extend({ storageState: storageStateFor(role) });

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates an API key with one scope on the API keys page (as an admin) and returns its token. */
export async function createApiKeyInConsole(page: Page, scopeLabel: string): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(unique("Card switch"));
  await dialog.getByLabel(scopeLabel).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const token = (await page.getByTestId("api-key-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^ck_/);
  await page.getByRole("button", { name: "I have copied the key" }).click();
  return token;
}

/** The admin creates a user with one role (Settings → Users), who then signs in from a fresh browser. */
export async function newUserSession(browser: Browser, roleLabel: string, name: string) {
  const email = `${unique(name.split(" ")[0]!.toLowerCase())}@bank.example`;
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/settings/users");
  await adminPage.getByRole("button", { name: "New user" }).click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByLabel(roleLabel).check();
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage.getByRole("row", { name: new RegExp(email) })).toBeVisible();
  await admin.close();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signIn = new SignInPage(await context.newPage());
  await signIn.goto();
  await signIn.signIn(email, DEMO_PASSWORD);
  await signIn.expectSignedIn();
  return { context, page: signIn.page };
}

export { expect };
