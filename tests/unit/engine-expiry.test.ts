import fc from "fast-check";
import { engineErrorCode } from "../support/engine";
import { describe, expect, it } from "vitest";
import { daysFromCivil, expiryDate, type ExpiryStrategy, isExpired, localDate, localParts } from "@/lib/engine";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const days = (amount: number): ExpiryStrategy => ({ kind: "days", amount });
const months = (amount: number): ExpiryStrategy => ({ kind: "months", amount });
const endOfMonth = (amount: number): ExpiryStrategy => ({ kind: "end_of_month_after_months", amount });
const endOfYear = (amount: number): ExpiryStrategy => ({ kind: "end_of_year_after_months", amount });


describe("engine expiry", () => {
  describe("expiryDate", () => {
    describe("days", () => {
      it("expires at the local midnight ending award date + N", () => {
        expect(iso(expiryDate(new Date("2026-01-01T10:00:00Z"), days(30), "UTC"))).toBe("2026-02-01T00:00:00.000Z");
      });
      it("uses the local award date, not the UTC one (Asia/Kolkata, +05:30)", () => {
        // 2026-01-01T20:00Z is already 2026-01-02 01:30 in Kolkata.
        expect(iso(expiryDate(new Date("2026-01-01T20:00:00Z"), days(30), "Asia/Kolkata"))).toBe("2026-02-01T18:30:00.000Z");
        expect(iso(expiryDate(new Date("2026-01-01T10:00:00Z"), days(30), "Asia/Kolkata"))).toBe("2026-01-31T18:30:00.000Z");
      });
      it("America/New_York: an evening award belongs to the local day", () => {
        // 2026-01-02T03:00Z is 2026-01-01 22:00 EST.
        expect(iso(expiryDate(new Date("2026-01-02T03:00:00Z"), days(1), "America/New_York"))).toBe("2026-01-03T05:00:00.000Z");
      });
    });

    describe("Europe/London across DST", () => {
      it("spring forward: expiry after the March change is at midnight BST", () => {
        // Clocks go forward on 2026-03-29. Expiry day 2026-03-31 ends at 2026-04-01T00:00 BST = 03-31T23:00Z.
        expect(iso(expiryDate(new Date("2026-03-01T12:00:00Z"), days(30), "Europe/London"))).toBe("2026-03-31T23:00:00.000Z");
      });
      it("the day of the March change starts at 00:00 GMT and the next at 00:00 BST", () => {
        expect(iso(expiryDate(new Date("2026-03-27T12:00:00Z"), days(1), "Europe/London"))).toBe("2026-03-29T00:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-03-28T12:00:00Z"), days(1), "Europe/London"))).toBe("2026-03-29T23:00:00.000Z");
      });
      it("fall back: expiry after the October change is at midnight GMT", () => {
        // Clocks go back on 2026-10-25.
        expect(iso(expiryDate(new Date("2026-10-23T12:00:00Z"), days(1), "Europe/London"))).toBe("2026-10-24T23:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-10-24T12:00:00Z"), days(1), "Europe/London"))).toBe("2026-10-26T00:00:00.000Z");
      });
      it("an award just after local midnight in summer counts for that day", () => {
        // 2026-07-09T23:30Z is 2026-07-10 00:30 BST.
        expect(iso(expiryDate(new Date("2026-07-09T23:30:00Z"), days(1), "Europe/London"))).toBe("2026-07-11T23:00:00.000Z");
      });
    });

    describe("America/New_York across DST", () => {
      it("spring forward on 2026-03-08", () => {
        expect(iso(expiryDate(new Date("2026-03-06T15:00:00Z"), days(1), "America/New_York"))).toBe("2026-03-08T05:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-03-07T15:00:00Z"), days(1), "America/New_York"))).toBe("2026-03-09T04:00:00.000Z");
      });
      it("fall back on 2026-11-01", () => {
        expect(iso(expiryDate(new Date("2026-10-31T15:00:00Z"), days(1), "America/New_York"))).toBe("2026-11-02T05:00:00.000Z");
      });
    });

    describe("a zone whose midnight is skipped (America/Santiago)", () => {
      it("expires when the day actually starts (01:00 local)", () => {
        // 2024-09-08 00:00 does not exist in Santiago: clocks jump from 24:00 (-04) to 01:00 (-03).
        expect(iso(expiryDate(new Date("2024-09-06T15:00:00Z"), days(1), "America/Santiago"))).toBe("2024-09-08T04:00:00.000Z");
      });
    });

    describe("months", () => {
      it("adds calendar months", () => {
        expect(iso(expiryDate(new Date("2026-01-15T12:00:00Z"), months(1), "UTC"))).toBe("2026-02-16T00:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-11-15T12:00:00Z"), months(3), "UTC"))).toBe("2027-02-16T00:00:00.000Z");
      });
      it("clamps to the last day of a shorter month", () => {
        expect(iso(expiryDate(new Date("2026-01-31T12:00:00Z"), months(1), "UTC"))).toBe("2026-03-01T00:00:00.000Z");
        expect(iso(expiryDate(new Date("2028-01-31T12:00:00Z"), months(1), "UTC"))).toBe("2028-03-01T00:00:00.000Z"); // Feb 29 ends
        expect(iso(expiryDate(new Date("2026-03-31T12:00:00Z"), months(1), "UTC"))).toBe("2026-05-01T00:00:00.000Z"); // Apr 30 ends
        expect(iso(expiryDate(new Date("2028-02-29T12:00:00Z"), months(12), "UTC"))).toBe("2029-03-01T00:00:00.000Z");
      });
      it("works on the local date (Kolkata)", () => {
        // 2026-01-30T19:00Z is 2026-01-31 00:30 IST → Feb 28 → expires 2026-03-01T00:00 IST.
        expect(iso(expiryDate(new Date("2026-01-30T19:00:00Z"), months(1), "Asia/Kolkata"))).toBe("2026-02-28T18:30:00.000Z");
      });
    });

    describe("end_of_month_after_months", () => {
      it("0 means the end of this month", () => {
        expect(iso(expiryDate(new Date("2026-02-10T12:00:00Z"), endOfMonth(0), "UTC"))).toBe("2026-03-01T00:00:00.000Z");
      });
      it("N months on, to the end of that month", () => {
        expect(iso(expiryDate(new Date("2026-01-31T12:00:00Z"), endOfMonth(1), "UTC"))).toBe("2026-03-01T00:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-11-05T12:00:00Z"), endOfMonth(2), "UTC"))).toBe("2027-02-01T00:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-05-05T12:00:00Z"), endOfMonth(12), "Europe/London"))).toBe("2027-05-31T23:00:00.000Z");
      });
    });

    describe("end_of_year_after_months", () => {
      it("0 means the end of this year", () => {
        expect(iso(expiryDate(new Date("2026-06-10T12:00:00Z"), endOfYear(0), "UTC"))).toBe("2027-01-01T00:00:00.000Z");
      });
      it("ends the year containing award date + N months", () => {
        expect(iso(expiryDate(new Date("2026-06-10T12:00:00Z"), endOfYear(6), "UTC"))).toBe("2027-01-01T00:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-07-10T12:00:00Z"), endOfYear(6), "UTC"))).toBe("2028-01-01T00:00:00.000Z");
        expect(iso(expiryDate(new Date("2026-03-10T12:00:00Z"), endOfYear(12), "Asia/Kolkata"))).toBe("2027-12-31T18:30:00.000Z");
      });
      it("uses the local year: New Year's Eve in UTC is already next year in Kolkata", () => {
        expect(iso(expiryDate(new Date("2026-12-31T20:00:00Z"), endOfYear(0), "Asia/Kolkata"))).toBe("2027-12-31T18:30:00.000Z");
        expect(iso(expiryDate(new Date("2026-12-31T20:00:00Z"), endOfYear(0), "UTC"))).toBe("2027-01-01T00:00:00.000Z");
      });
    });

    describe("never", () => {
      it("returns null", () => {
        expect(expiryDate(new Date("2026-01-01T00:00:00Z"), { kind: "never", amount: null }, "UTC")).toBeNull();
      });
    });

    describe("invalid input", () => {
      it.each([
        days(0), days(-1), days(1.5), months(0), endOfMonth(-1), endOfYear(0.5),
        { kind: "days", amount: null }, { kind: "weeks", amount: 1 }, days(Number.MAX_SAFE_INTEGER),
      ] as ExpiryStrategy[])("rejects %j", (strategy) => {
        expect(engineErrorCode(() => expiryDate(new Date("2026-01-01T00:00:00Z"), strategy, "UTC"))).toBe("invalid_expiry_strategy");
      });
      it("rejects an unknown time zone and an invalid date", () => {
        expect(engineErrorCode(() => expiryDate(new Date("2026-01-01T00:00:00Z"), days(1), "Mars/Olympus"))).toBe("invalid_time_zone");
        expect(engineErrorCode(() => expiryDate(new Date(NaN), days(1), "UTC"))).toBe("invalid_date");
      });
    });
  });

  describe("isExpired", () => {
    const expiresAt = new Date("2026-02-01T00:00:00.000Z");
    it("is expired exactly at expiresAt", () => {
      expect(isExpired(expiresAt, new Date("2026-02-01T00:00:00.000Z"))).toBe(true);
    });
    it("is not expired one millisecond before", () => {
      expect(isExpired(expiresAt, new Date("2026-01-31T23:59:59.999Z"))).toBe(false);
    });
    it("never expires without an expiry", () => {
      expect(isExpired(null, new Date("9999-01-01T00:00:00Z"))).toBe(false);
    });
  });

  describe("properties", () => {
    const zones = ["UTC", "Europe/London", "Asia/Kolkata", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham"];
    const strategy = fc.oneof(
      fc.integer({ min: 1, max: 3650 }).map(days),
      fc.integer({ min: 1, max: 240 }).map(months),
      fc.integer({ min: 0, max: 240 }).map(endOfMonth),
      fc.integer({ min: 0, max: 240 }).map(endOfYear),
    );
    // From 1990: earlier zone changes (e.g. Kathmandu moving to +05:45 at midnight on 1986-01-01) removed local midnights.
    const awardedAt = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });

    it("expires after the award, at a local midnight in the zone, ending the expiry day", () => {
      fc.assert(
        fc.property(awardedAt, strategy, fc.constantFrom(...zones), (at, s, zone) => {
          const expiresAt = expiryDate(at, s, zone);
          expect(expiresAt).not.toBeNull();
          const t = expiresAt!.getTime();
          expect(t).toBeGreaterThan(at.getTime());
          expect(localParts(t, zone)).toMatchObject({ hour: 0, minute: 0, second: 0 });
          expect(t % 1000).toBe(0);
          // the instant before is still the previous local day: expiresAt starts a day
          const lastDay = localDate(new Date(t - 1), zone);
          expect(lastDay).not.toEqual(localDate(expiresAt!, zone));
          const awardDay = localDate(at, zone);
          const monthIndex = (d: { year: number; month: number }) => d.year * 12 + d.month;
          if (s.kind === "days") expect(daysFromCivil(lastDay) - daysFromCivil(awardDay)).toBe(s.amount);
          if (s.kind === "months" || s.kind === "end_of_month_after_months") {
            expect(monthIndex(lastDay) - monthIndex(awardDay)).toBe(s.amount);
          }
          if (s.kind === "end_of_year_after_months") expect(lastDay).toMatchObject({ month: 12, day: 31 });
        }),
        { numRuns: 500 },
      );
    });
  });
});
