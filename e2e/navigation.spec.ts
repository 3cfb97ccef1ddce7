import { asRole, DEMO, expect, test, type DemoRole } from "./fixtures";

const SECTIONS: Record<DemoRole, string[]> = {
  admin: ["Reports", "Settings"],
  program_manager: ["Offers", "Programmes", "Partners", "Members", "Segments", "Reports"],
  partner_manager: ["Offers", "Programmes", "Partners", "Point blocks", "Members", "Segments", "Reports"],
  member_care: ["Offers", "Programmes", "Partners", "Members", "Approvals"],
  auditor: ["Offers", "Programmes", "Partners", "Point blocks", "Members", "Segments", "Reports", "Settings"],
};

for (const role of Object.keys(DEMO) as DemoRole[]) {
  asRole(role)(`${role} sees exactly the sections the role may use`, async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: /main/i });
    await expect(nav.getByRole("link")).toHaveText(["Home", ...SECTIONS[role]]);
  });
}

asRole("member_care")("a page the role may not use answers 403, not a blank page", async ({ page }) => {
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /don.t have access/i })).toBeVisible();
});

asRole("program_manager")("the program manager cannot open the audit log either", async ({ page }) => {
  const response = await page.goto("/settings/audit");
  expect(response?.status()).toBe(403);
});

test("a signed-out visit redirects to sign-in and comes back after signing in", async ({ page, signInPage }) => {
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fusers/);
  await signInPage.signIn(DEMO.admin, "coalition-demo");
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn(DEMO.auditor, "not-the-password");
  await expect(signInPage.error("Email or password is incorrect")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

asRole("auditor")("signing out ends the session", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/members");
  await expect(page).toHaveURL(/\/sign-in/);
});
