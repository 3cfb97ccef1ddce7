import { describe, expect, it } from "vitest";
import { prefixUpperBound, searchTerms } from "@/lib/members/search";

describe("member search terms", () => {
  it("reads a phone number typed any way as its digits, and text as a lower-case prefix", () => {
    expect(searchTerms("+91 98450 22334")).toEqual({ memberId: null, prefix: "+91 98450 22334", phoneDigits: "919845022334" });
    expect(searchTerms(" (98450) 22-334 ")).toMatchObject({ phoneDigits: "9845022334" });
    expect(searchTerms("Kavya")).toEqual({ memberId: null, prefix: "kavya", phoneDigits: null });
    expect(searchTerms("CUST-1000")).toMatchObject({ prefix: "cust-1000", phoneDigits: null });
  });

  it("needs three digits before a query is a phone search, and finds nobody for blanks", () => {
    expect(searchTerms("98")).toMatchObject({ phoneDigits: null, prefix: "98" });
    expect(searchTerms("   ")).toEqual({ memberId: null, prefix: null, phoneDigits: null });
  });

  it("recognises a member id", () => {
    expect(searchTerms("DEE23C64-6BC9-42F9-997B-1E0A71FA1675").memberId).toBe("dee23c64-6bc9-42f9-997b-1e0a71fa1675");
  });
});

describe("prefix ranges", () => {
  it("bounds every string that starts with the prefix, and nothing else", () => {
    const upper = prefixUpperBound("kav");
    expect(upper).toBe("kaw");
    for (const s of ["kav", "kavya", "kav\u{10ffff}", "kavzzz"]) expect(s >= "kav" && s < upper).toBe(true);
    for (const s of ["kaw", "kb", "ka", "kau~"]) expect(s >= "kav" && s < upper).toBe(false);
  });

  it("carries past the last code point and the surrogate range", () => {
    expect(prefixUpperBound("a\u{10ffff}")).toBe("b");
    expect(prefixUpperBound("\ud7ff")).toBe("\ue000");
    expect(prefixUpperBound("")).toBe("\u{10ffff}");
  });
});
