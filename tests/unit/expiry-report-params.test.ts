import { describe, expect, it } from "vitest";
import { parseExpiringParams } from "@/lib/expiry/report-params";

const programs = [
  { id: "a", isDefault: false },
  { id: "b", isDefault: true },
];

describe("expiring-points report parameters", () => {
  it("defaults to the default programme and 30 days", () => {
    expect(parseExpiringParams({}, programs)).toEqual({ ok: true, programId: "b", days: 30 });
    expect(parseExpiringParams({ program: " ", days: "" }, programs)).toEqual({ ok: true, programId: "b", days: 30 });
    expect(parseExpiringParams({}, [{ id: "x", isDefault: false }])).toMatchObject({ programId: "x" });
    expect(parseExpiringParams({}, [])).toEqual({ ok: true, programId: null, days: 30 });
  });

  it("takes a chosen programme and window", () => {
    expect(parseExpiringParams({ program: "a", days: "90" }, programs)).toEqual({ ok: true, programId: "a", days: 90 });
    expect(parseExpiringParams({ days: "60" }, programs)).toMatchObject({ days: 60 });
  });

  it("refuses an unknown programme or another window, naming the field", () => {
    expect(parseExpiringParams({ program: "zzz" }, programs)).toMatchObject({ ok: false, field: "program" });
    for (const days of ["45", "30.0", "-30", "abc", "1e2"]) {
      expect(parseExpiringParams({ days }, programs)).toMatchObject({ ok: false, field: "days", message: "The window must be 30, 60, 90 days." });
    }
  });
});
