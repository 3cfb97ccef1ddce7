/**
 * The spend rollup on a real PostgreSQL: purchases add, refunds subtract, per day, category and MCC,
 * and per member per month; a second refresh folds only what is new. Times are at noon UTC so that the
 * local day is the same in any time zone the default programme may have.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { memberSpendMonths } from "@/db/schema";
import { refreshRollups } from "@/lib/reports/refresh";
import { spendBreakdown, spendTrend } from "@/lib/reports/spend/queries";
import { spendReport } from "@/lib/reports/spend/report";
import { ingestTransaction } from "@/lib/transactions/ingest";
import { reverseTransaction } from "@/lib/transactions/reverse";
import { systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";

const db = getDb();
const NOW = new Date("2026-06-30T12:00:00Z");

async function spend(memberId: string, currency: string, day: string, type: "purchase" | "refund", amount: number, extra: { category?: string; mcc?: string } = {}) {
  await db.transaction((tx) => ingestTransaction(tx, systemTestActor, { memberId, externalId: `S-${randomUUID()}`, type, amount, currency, occurredAt: new Date(`${day}T12:00:00Z`), ...extra }, NOW));
}

const monthOf = async (memberId: string, currency: string) =>
  db.select({ month: memberSpendMonths.month, amount: memberSpendMonths.amount, count: memberSpendMonths.count }).from(memberSpendMonths).where(and(eq(memberSpendMonths.memberId, memberId), eq(memberSpendMonths.currency, currency))).orderBy(memberSpendMonths.month);

describe("spend rollup", () => {
  it("adds purchases and subtracts refunds per day, category, MCC and member month", async () => {
    const program = await makeProgram();
    const a = await makeMember([program.id]);
    const b = await makeMember([program.id]);
    await spend(a.id, "EUR", "2026-05-31", "purchase", 10_000, { category: "Groceries", mcc: "5411" });
    await spend(a.id, "EUR", "2026-06-01", "purchase", 2_500, { category: "groceries", mcc: "5411" });
    await spend(b.id, "EUR", "2026-06-01", "purchase", 7_000, { category: "dining", mcc: "5812" });
    await spend(b.id, "EUR", "2026-06-01", "refund", 1_000, { category: "dining", mcc: "5812" });
    await spend(b.id, "EUR", "2026-06-02", "purchase", 999);
    await refreshRollups(db);

    const range = { from: "2026-05-31", to: "2026-06-02", grain: "day" as const };
    const trend = await spendTrend(db, range, "EUR", ["2026-05-31", "2026-06-01", "2026-06-02"]);
    expect(trend).toEqual([
      { start: "2026-05-31", amount: 10_000, purchases: 1, refunds: 0 },
      { start: "2026-06-01", amount: 8_500, purchases: 2, refunds: 1 },
      { start: "2026-06-02", amount: 999, purchases: 1, refunds: 0 },
    ]);
    // Category names are matched case-insensitively, as offers match them; a missing one is "".
    expect(await spendBreakdown(db, "category", { from: range.from, to: range.to, currency: "EUR" })).toEqual([
      { key: "groceries", other: false, amount: 12_500, purchases: 2, refunds: 0 },
      { key: "dining", other: false, amount: 6_000, purchases: 1, refunds: 1 },
      { key: "", other: false, amount: 999, purchases: 1, refunds: 0 },
    ]);
    const byMcc = await spendBreakdown(db, "mcc", { from: "2026-06-01", to: "2026-06-01", currency: "EUR" });
    expect(byMcc.map((g) => [g.key, g.amount])).toEqual([["5812", 6_000], ["5411", 2_500]]);
    expect(await monthOf(a.id, "EUR")).toEqual([{ month: "2026-05-01", amount: 10_000, count: 1 }, { month: "2026-06-01", amount: 2_500, count: 1 }]);
    expect(await monthOf(b.id, "EUR")).toEqual([{ month: "2026-06-01", amount: 6_999, count: 1 }]);
  });

  it("folds only new transactions on the next refresh", async () => {
    const program = await makeProgram();
    const m = await makeMember([program.id]);
    await spend(m.id, "GBP", "2026-04-10", "purchase", 5_000, { category: "travel", mcc: "4511" });
    await refreshRollups(db);
    const range = { from: "2026-04-01", to: "2026-04-30", grain: "month" as const };
    expect((await spendReport(db, range, "GBP")).totals).toEqual({ amount: 5_000, purchases: 1, refunds: 0 });

    await refreshRollups(db); // nothing new: nothing changes
    expect((await spendReport(db, range, "GBP")).totals).toEqual({ amount: 5_000, purchases: 1, refunds: 0 });

    await spend(m.id, "GBP", "2026-04-11", "refund", 1_200, { category: "travel", mcc: "4511" });
    await refreshRollups(db);
    const report = await spendReport(db, range, "GBP");
    expect(report.totals).toEqual({ amount: 3_800, purchases: 1, refunds: 1 });
    expect(report.byMcc).toEqual([{ key: "4511", other: false, amount: 3_800, purchases: 1, refunds: 1 }]);
    expect(await monthOf(m.id, "GBP")).toEqual([{ month: "2026-04-01", amount: 3_800, count: 0 }]);
  });

  it("subtracts refunds and chargebacks of a purchase on the day they were made, each once", async () => {
    const program = await makeProgram();
    const m = await makeMember([program.id]);
    const purchase = await db.transaction((tx) =>
      ingestTransaction(tx, systemTestActor, { memberId: m.id, externalId: `S-${randomUUID()}`, type: "purchase", amount: 10_000, currency: "SEK", category: "fuel", mcc: "5541", occurredAt: new Date("2026-03-10T12:00:00Z") }, NOW),
    );
    await refreshRollups(db);
    await db.transaction((tx) => reverseTransaction(tx, systemTestActor, { transactionId: purchase.transactionId, amount: 4_000, reason: "refund", now: new Date("2026-03-12T12:00:00Z") }));
    await refreshRollups(db);
    await db.transaction((tx) => reverseTransaction(tx, systemTestActor, { transactionId: purchase.transactionId, amount: 6_000, reason: "chargeback", now: new Date("2026-04-02T12:00:00Z") }));
    await refreshRollups(db);
    await refreshRollups(db);

    const days = ["2026-03-10", "2026-03-11", "2026-03-12"];
    expect(await spendTrend(db, { from: "2026-03-10", to: "2026-03-12", grain: "day" }, "SEK", days)).toEqual([
      { start: "2026-03-10", amount: 10_000, purchases: 1, refunds: 0 },
      { start: "2026-03-11", amount: 0, purchases: 0, refunds: 0 },
      { start: "2026-03-12", amount: -4_000, purchases: 0, refunds: 1 },
    ]);
    const fuel = await spendBreakdown(db, "category", { from: "2026-03-01", to: "2026-04-30", currency: "SEK" });
    expect(fuel).toEqual([{ key: "fuel", other: false, amount: 0, purchases: 1, refunds: 2 }]);
    expect(await monthOf(m.id, "SEK")).toEqual([{ month: "2026-03-01", amount: 6_000, count: 0 }, { month: "2026-04-01", amount: -6_000, count: -1 }]);
  });

  it("shows the top categories and adds the rest up as Other", async () => {
    const program = await makeProgram();
    const m = await makeMember([program.id]);
    for (let i = 1; i <= 11; i++) await spend(m.id, "CHF", "2026-03-05", "purchase", i * 100, { category: `cat${String(i).padStart(2, "0")}` });
    await refreshRollups(db);
    const groups = await spendBreakdown(db, "category", { from: "2026-03-01", to: "2026-03-31", currency: "CHF" }, 8);
    expect(groups).toHaveLength(9);
    expect(groups[0]).toMatchObject({ key: "cat11", amount: 1_100 });
    expect(groups[8]).toEqual({ key: "", other: true, amount: 100 + 200 + 300, purchases: 3, refunds: 0 });
  });
});
