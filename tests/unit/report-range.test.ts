import { describe, expect, it } from "vitest";
import { bucketLabel, bucketStarts, parseReportRange } from "@/lib/reports/range";

const now = new Date("2026-11-30T20:00:00Z"); // 1 December in Asia/Kolkata (01:30)

describe("report range", () => {
  it("defaults to the 30 days ending today in the reader's time zone, by day", () => {
    expect(parseReportRange({}, { now, timeZone: "UTC" })).toEqual({ ok: true, range: { from: "2026-11-01", to: "2026-11-30", grain: "day" } });
    expect(parseReportRange({}, { now, timeZone: "Asia/Kolkata" })).toEqual({ ok: true, range: { from: "2026-11-02", to: "2026-12-01", grain: "day" } });
  });

  it("refuses bad days, reversed ranges, unknown grains and ranges too long for the grain, naming the field", () => {
    expect(parseReportRange({ from: "2026-02-30" }, { now, timeZone: "UTC" })).toMatchObject({ ok: false, field: "from" });
    expect(parseReportRange({ to: "30/11/2026" }, { now, timeZone: "UTC" })).toMatchObject({ ok: false, field: "to" });
    expect(parseReportRange({ from: "2026-12-01", to: "2026-11-30" }, { now, timeZone: "UTC" })).toMatchObject({ ok: false, field: "from", message: expect.stringContaining("on or before") });
    expect(parseReportRange({ grain: "hour" }, { now, timeZone: "UTC" })).toMatchObject({ ok: false, field: "grain" });
    expect(parseReportRange({ from: "2024-01-01", to: "2026-11-30" }, { now, timeZone: "UTC" })).toMatchObject({ ok: false, field: "from", message: expect.stringContaining("a year by day") });
    expect(parseReportRange({ from: "2024-01-01", to: "2026-11-30", grain: "month" }, { now, timeZone: "UTC" })).toMatchObject({ ok: true });
  });

  it("lists every bucket of the range, weeks from Monday and months from the 1st", () => {
    expect(bucketStarts({ from: "2026-11-28", to: "2026-12-01", grain: "day" })).toEqual(["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"]);
    // 2026-11-28 is a Saturday: its week starts Monday 23 November.
    expect(bucketStarts({ from: "2026-11-28", to: "2026-12-08", grain: "week" })).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
    expect(bucketStarts({ from: "2026-01-31", to: "2026-04-01", grain: "month" })).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]);
    expect(bucketStarts({ from: "2024-12-30", to: "2025-01-05", grain: "week" })).toEqual(["2024-12-30"]);
  });

  it("labels buckets for people", () => {
    expect(bucketLabel("2026-11-23", "week")).toBe("w/c 23 Nov");
    expect(bucketLabel("2026-11-01", "month")).toBe("Nov 2026");
    expect(bucketLabel("2026-11-05", "day")).toBe("5 Nov");
  });
});
