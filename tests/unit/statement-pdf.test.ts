import { inflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { statementPdf } from "@/lib/members/statement-pdf";
import type { MemberStatement } from "@/lib/members/statement";

const statement = (description: string, firstName: string): MemberStatement => ({
  member: { id: "m", externalId: "CUST-1", firstName, lastName: "Nair" },
  period: { from: { year: 2026, month: 11, day: 1 }, to: { year: 2026, month: 11, day: 30 } } as MemberStatement["period"],
  programs: [
    {
      programId: "p",
      programCode: "COAL",
      programName: "Coalition Rewards",
      isDefault: true,
      currency: "INR",
      timeZone: "Asia/Kolkata",
      startsAt: new Date("2026-10-31T18:30:00Z"),
      endsAt: new Date("2026-11-30T18:30:00Z"),
      opening: 0n,
      lines: [{ entryId: 1, at: new Date("2026-11-02T10:00:00Z"), movement: "earned", description, pointsIn: 125n, pointsOut: 0n, balance: 125n }],
      totalIn: 125n,
      totalOut: 0n,
      closing: 125n,
    },
  ],
});

/** The characters the PDF's fonts can be read back as (their ToUnicode maps), and the fonts' names. */
async function fontsOf(bytes: Uint8Array): Promise<{ names: string[]; characters: Set<string> }> {
  const doc = await PDFDocument.load(bytes);
  const names: string[] = [];
  const characters = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) {
      const data = object.dict.get(PDFName.of("Filter")) ? inflateSync(object.contents) : Buffer.from(object.contents);
      const text = data.toString("latin1");
      if (!text.includes("begincmap")) continue;
      // bfchar lines: <glyph> <UTF-16BE code units>
      for (const [, hex] of text.matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) {
        const units = hex!.match(/.{4}/g)!.map((u) => parseInt(u, 16));
        characters.add(String.fromCharCode(...units));
      }
    } else if ("get" in object && typeof object.get === "function") {
      const name = (object as { get: (k: PDFName) => unknown }).get(PDFName.of("BaseFont"));
      if (name) names.push(String(name));
    }
  }
  return { names, characters };
}

describe("statement PDF", () => {
  it("prints the rupee sign and non-Latin names in an embedded Unicode font", async () => {
    const bytes = await statementPdf(statement("125 points at Café Ñandú: ₹1,250.00 spent", "Zoë Ψαρράς Иван"), { now: new Date("2026-12-01T00:00:00Z") });
    const { names, characters } = await fontsOf(bytes);
    expect(names.some((n) => n.includes("DejaVuSansCondensed"))).toBe(true);
    for (const ch of ["₹", "é", "Ñ", "ë", "Ψ", "И"]) expect(characters).toContain(ch);
    // No "INR " written in place of the sign any more, and nothing became a question mark.
    expect(characters).not.toContain("?");
  });

  it("writes a character the font lacks as a question mark", async () => {
    const bytes = await statementPdf(statement("Earned at the store", "अनु"), { now: new Date("2026-12-01T00:00:00Z") });
    const { characters } = await fontsOf(bytes);
    expect(characters).toContain("?");
    expect(characters).not.toContain("अ");
  });
});
