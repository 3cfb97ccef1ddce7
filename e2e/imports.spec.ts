import type { Page } from "@playwright/test";
import { asRole, expect, unique } from "./fixtures";

/** With IMPORTS_SCREENSHOTS=1, full-page screenshots go to /tmp/imports-<name>.png (for reviewing the UI). */
async function shot(page: Page, name: string) {
  if (!process.env.IMPORTS_SCREENSHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/imports-${name}.png`, fullPage: true });
}

/** The transaction imports page, as a programme manager uses it. */
class ImportsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/offers");
    await this.page.getByTestId("import-transactions-link").click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Transaction imports" })).toBeVisible();
  }

  async choose(name: string, content: string) {
    await this.page.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await expect(this.page.getByTestId("import-file-info")).toContainText(name);
  }

  async upload() {
    await this.page.getByRole("button", { name: "Validate and upload" }).click();
  }
}

const pm = asRole("program_manager");

pm.describe("transaction imports", () => {
  pm("a programme manager uploads a CSV, watches it reach 100 % and reads the error report", async ({ page }) => {
    const imports = new ImportsPage(page);
    await imports.goto();
    await shot(page, "list-empty");

    // Not CUST-100001: ledger.spec.ts checks that member's balances.
    const id = unique("E2E");
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const file = [
      "external_id,member_id,type,amount,currency,occurred_at,merchant_name,country",
      `${id}-1,ext:CUST-100002,purchase,125000,INR,${at},"Cafe, Coffee Day",IN`,
      `${id}-2,ext:CUST-100002,purchase,89900,INR,${at},Croma,IN`,
      `${id}-3,ext:CUST-100003,purchase,45000,INR,${at},,`,
      `${id}-4,ext:CUST-100002,purchase,-500,INR,${at},Croma,IN`,
    ].join("\r\n");
    const name = `${id}.csv`;
    await imports.choose(name, file);
    await shot(page, "chosen");
    await imports.upload();

    // The import's page: progress to the end, then the one bad line in the report.
    await expect(page).toHaveURL(/\/transactions\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("import-progress").getByTestId("import-percent")).toHaveText("100 %", { timeout: 30_000 });
    await expect(page.getByTestId("import-progress").getByTestId("import-status")).toHaveAttribute("data-status", "done");
    await expect(page.getByTestId("import-processed")).toContainText("4 of 4 rows processed (100 %)");
    await expect(page.getByTestId("import-ok")).toHaveText("3");
    await expect(page.getByTestId("import-errors")).toHaveText("1");
    const report = page.getByRole("table", { name: "Rows that could not be imported" });
    await expect(report.getByRole("row")).toHaveCount(2);
    await expect(report.getByTestId("error-line")).toHaveText(["5"]);
    await expect(report).toContainText(`${id}-4`);
    await expect(report).toContainText("validation_failed");
    await expect(report).toContainText(/amount: /);
    await shot(page, "detail");

    const download = page.waitForEvent("download");
    await page.getByTestId("download-errors").click();
    const csv = await (await download).createReadStream();
    const text = await new Promise<string>((resolve) => {
      let out = "";
      csv.on("data", (c: Buffer) => (out += c.toString("utf8"))).on("end", () => resolve(out));
    });
    expect(text.replace(/^\ufeff/, "").split("\r\n")[0]).toBe("line,external_id,code,message");
    expect(text).toContain(`5,${id}-4,validation_failed,`);

    // The list shows it done, with its counts; the same file again is refused.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Transaction imports" }).click();
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row.getByTestId("import-status")).toHaveAttribute("data-status", "done");
    await expect(row).toContainText("4 of 4");
    await expect(row.getByTestId("import-percent")).toHaveText("100 %");
    await imports.choose(`copy-of-${name}`, file);
    await imports.upload();
    await expect(page.getByTestId("import-file-error")).toContainText(`already uploaded on`);
    await expect(page.getByTestId("import-file-error")).toContainText(`“${name}”`);
    await shot(page, "list");
  });

  pm("a file with a wrong header is refused, naming the columns", async ({ page }) => {
    const imports = new ImportsPage(page);
    await imports.goto();
    await imports.choose("wrong.csv", "external_id,member,type,amount,occurred_at\r\nX-1,ext:CUST-100001,purchase,100,2026-03-01T10:00:00Z\r\n");
    await imports.upload();
    const error = page.getByTestId("import-file-error");
    await expect(error).toContainText("missing columns: member_id, currency");
    await expect(error).toContainText("unknown column: member");
    await shot(page, "bad-header");
  });
});

asRole("auditor")("an auditor sees the imports but cannot upload", async ({ page }) => {
  await page.goto("/transactions/imports");
  await expect(page.getByRole("heading", { level: 1, name: "Transaction imports" })).toBeVisible();
  await expect(page.getByTestId("import-upload-form")).toHaveCount(0);
});
