import { DEMO, DEMO_PASSWORD, storageStateFor, test, type DemoRole } from "./fixtures";

for (const role of Object.keys(DEMO) as DemoRole[]) {
  test(`sign in as ${role}`, async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn(DEMO[role], DEMO_PASSWORD);
    await signInPage.expectSignedIn();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
