import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLocalParts, localParts } from "@/lib/engine/calendar";

// Whole-hour, half-hour and 45-minute offsets; DST north and south, a 30-minute DST shift (Lord Howe),
// a zone whose midnight does not exist on DST day (Santiago), and one that changed its offset (Samoa, 2011).
const ZONES = ["UTC", "Asia/Kolkata", "Europe/London", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Apia", "Europe/Dublin"];

describe("engine calendar", () => {
  describe("localParts (offset per 15-minute window, worked out by arithmetic)", () => {
    it("agrees with Intl formatting for any instant from 1970 to 2100, in any zone", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
          expect(localParts(ms, zone)).toEqual(formatLocalParts(ms, zone));
        }),
        { numRuns: 3_000 },
      );
    });

    it("agrees second by second around DST transitions", () => {
      const around = [
        ["Europe/London", "2026-03-29T01:00:00Z"],
        ["Europe/London", "2026-10-25T01:00:00Z"],
        ["America/Santiago", "2026-09-06T04:00:00Z"],
        ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
        ["Pacific/Apia", "2011-12-30T10:00:00Z"],
      ] as const;
      for (const [zone, at] of around) {
        const t = Date.parse(at);
        for (let ms = t - 20 * 60_000; ms <= t + 20 * 60_000; ms += 997) expect(localParts(ms, zone)).toEqual(formatLocalParts(ms, zone));
      }
    });

    it("before 1970 and for unknown zones answers as Intl does", () => {
      expect(localParts(Date.UTC(1900, 0, 1, 12), "Asia/Kolkata")).toEqual(formatLocalParts(Date.UTC(1900, 0, 1, 12), "Asia/Kolkata"));
      expect(() => localParts(0, "Mars/Olympus")).toThrow(/Unknown time zone/);
    });
  });
});
