import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PageSizes, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { memberName } from "@/components/members/member-name";
import { MOVEMENT_LABELS, type MemberStatement, type ProgramStatement } from "./statement";
import { formatCivil } from "./statement-period";

/**
 * A statement as a PDF (pdf-lib). Every page has the header (the bank's programme, the member, the
 * period) and "Page n of N"; each programme has its opening balance, its movements (the table's header
 * repeats on a new page) and its closing balance with the totals.
 *
 * The text is set in DejaVu Sans Condensed (the `dejavu-fonts-ttf` package, free licence), embedded as
 * a subset of the characters used: "₹", accented Latin, Greek and Cyrillic names print as they are.
 * A character the font does not have (Devanagari, for one) becomes "?".
 */

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

/**
 * Text widths from the font's advance widths, cached per character. pdf-lib's widthOfTextAtSize runs
 * fontkit's whole layout (substitutions, positioning) on every call, which made fitting and wrapping
 * the cells eight times slower than the rest of the statement; pdf-lib draws the glyphs without
 * kerning, so the advance widths are exactly the width drawn.
 */
type Measure = (text: string, size: number) => number;
function measureWith(bytes: Uint8Array): Measure {
  const font = fontkit.create(bytes);
  const advances = new Map<number, number>();
  return (text, size) => {
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let advance = advances.get(cp);
      if (advance === undefined) advances.set(cp, (advance = font.glyphForCodePoint(cp).advanceWidth));
      units += advance;
    }
    return (units * size) / font.unitsPerEm;
  };
}

/**
 * One glyph per character, as measured: no ligatures, contextual forms or kerning (pdf-lib would drop
 * the kerning anyway), and no OpenType lookups to run for every string drawn.
 */
const PLAIN = Object.fromEntries(["liga", "clig", "calt", "rlig", "dlig", "ccmp", "locl", "kern", "mark", "mkmk"].map((f) => [f, false]));

type FontFile = { bytes: Uint8Array; measure: Measure };
let fontFiles: Promise<{ regular: FontFile; bold: FontFile }> | null = null;
/** The two font files, read and measured once per process. */
const loadFontFiles = () =>
  (fontFiles ??= Promise.all([readFile(path.join(FONT_DIR, "DejaVuSansCondensed.ttf")), readFile(path.join(FONT_DIR, "DejaVuSansCondensed-Bold.ttf"))]).then(
    ([regular, bold]) => ({ regular: { bytes: regular, measure: measureWith(regular) }, bold: { bytes: bold, measure: measureWith(bold) } }),
    (error: unknown) => {
      fontFiles = null;
      throw error;
    },
  ));

const [PAGE_W, PAGE_H] = PageSizes.A4;
const MARGIN = 40;
const BOTTOM = 56;
const SIZE = 8.5;
const LINE = 11;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.4, 0.43, 0.48);
const RULE = rgb(0.82, 0.84, 0.87);

type Column = { title: string; width: number; align: "left" | "right" };
// 485 points of columns and 5 gaps of 6 fill the 515 between the margins of an A4 page.
const COLUMNS: Column[] = [
  { title: "Date", width: 76, align: "left" },
  { title: "Movement", width: 90, align: "left" },
  { title: "Description", width: 145, align: "left" },
  { title: "Points in", width: 54, align: "right" },
  { title: "Points out", width: 54, align: "right" },
  { title: "Balance", width: 66, align: "right" },
];
const GAP = 6;

const points = new Intl.NumberFormat("en-GB");
const civilLabel = (d: { year: number; month: number; day: number }) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(d.year, d.month - 1, d.day));

export async function statementPdf(statement: MemberStatement, options: { now: Date; title?: string }): Promise<Uint8Array> {
  const files = await loadFontFiles();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(files.regular.bytes, { subset: true, features: PLAIN });
  const bold = await doc.embedFont(files.bold.bytes, { subset: true, features: PLAIN });
  const width = (text: string, size: number, font: PDFFont = regular) => (font === bold ? files.bold : files.regular).measure(text, size);
  const printable = new Set(regular.getCharacterSet());
  const safe = (text: string) => [...text.replace(/\s+/g, " ")].map((ch) => (printable.has(ch.codePointAt(0)!) ? ch : "?")).join("");
  const brand = options.title ?? statement.programs.find((p) => p.isDefault)?.programName ?? statement.programs[0]?.programName ?? "Coalition";
  doc.setTitle(safe(`Points statement ${statement.member.externalId} ${formatCivil(statement.period.from)} to ${formatCivil(statement.period.to)}`));
  doc.setCreator("Coalition");
  doc.setCreationDate(options.now);

  let page: PDFPage;
  let y = 0;
  const text = (value: string, x: number, at: number, o: { font?: PDFFont; size?: number; color?: typeof INK; width?: number; align?: "left" | "right" } = {}) => {
    const font = o.font ?? regular;
    const size = o.size ?? SIZE;
    let s = safe(value);
    if (s === "") return; // an empty cell: nothing to lay out
    if (o.width !== undefined) s = fit(s, (t) => width(t, size, font), o.width);
    const dx = o.align === "right" && o.width !== undefined ? o.width - width(s, size, font) : 0;
    page.drawText(s, { x: x + dx, y: at, size, font, color: o.color ?? INK });
  };
  const rule = (at: number, thickness = 0.5) => page.drawLine({ start: { x: MARGIN, y: at }, end: { x: PAGE_W - MARGIN, y: at }, thickness, color: RULE });

  const newPage = () => {
    page = doc.addPage([PAGE_W, PAGE_H]);
    y = PAGE_H - MARGIN;
    text(brand, MARGIN, y - 12, { font: bold, size: 14 });
    text("Points statement", PAGE_W - MARGIN - 160, y - 12, { font: bold, size: 12, width: 160, align: "right" });
    y -= 30;
    const name = memberName(statement.member);
    text(name ? `${name} · member ${statement.member.externalId}` : `Member ${statement.member.externalId}`, MARGIN, y, { size: 10, font: bold });
    text(`Period: ${civilLabel(statement.period.from)} to ${civilLabel(statement.period.to)}`, PAGE_W - MARGIN - 240, y, { size: 10, width: 240, align: "right" });
    y -= 10;
    rule(y, 1);
    y -= 18;
  };
  const ensure = (height: number, onBreak?: () => void) => {
    if (y - height >= BOTTOM) return;
    newPage();
    onBreak?.();
  };
  const columnsHeader = () => {
    let x = MARGIN;
    for (const c of COLUMNS) {
      text(c.title, x, y, { font: bold, size: 8, color: MUTED, width: c.width, align: c.align });
      x += c.width + GAP;
    }
    y -= 5;
    rule(y);
    y -= LINE;
  };

  newPage();
  if (statement.programs.length === 0) text("The member is not enrolled in any programme.", MARGIN, y);
  for (const p of statement.programs) drawProgram(p);

  function drawProgram(p: ProgramStatement) {
    ensure(LINE * 6);
    const heading = `${p.programName} (${p.programCode})`;
    text(heading, MARGIN, y, { font: bold, size: 11 });
    text(`Points · worth ${p.currency} when redeemed · times in ${p.timeZone}`, PAGE_W - MARGIN - 280, y, { size: 8, color: MUTED, width: 280, align: "right" });
    y -= LINE + 4;
    text(`Opening balance on ${civilLabel(statement.period.from)}`, MARGIN, y, { font: bold });
    text(points.format(p.opening), PAGE_W - MARGIN - 120, y, { font: bold, width: 120, align: "right" });
    y -= LINE + 6;
    if (p.lines.length === 0) {
      text("No movements in this period.", MARGIN, y, { color: MUTED });
      y -= LINE + 4;
    } else {
      columnsHeader();
      const dateOf = new Intl.DateTimeFormat("en-GB", { timeZone: p.timeZone, day: "2-digit", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      for (const l of p.lines) {
        const description = wrap(safe(l.description), (t) => width(t, SIZE), COLUMNS[2]!.width, 2);
        ensure(LINE * description.length + 2, () => {
          text(`${heading}, continued`, MARGIN, y, { font: bold, size: 9 });
          y -= LINE + 4;
          columnsHeader();
        });
        const cells = [dateOf.format(l.at).replace(",", ""), MOVEMENT_LABELS[l.movement], description[0] ?? "", l.pointsIn > 0n ? points.format(l.pointsIn) : "", l.pointsOut > 0n ? points.format(l.pointsOut) : "", points.format(l.balance)];
        let x = MARGIN;
        COLUMNS.forEach((c, i) => {
          text(cells[i]!, x, y, { width: c.width, align: c.align, color: i === 0 ? MUTED : INK });
          if (i === 2) description.slice(1).forEach((more, k) => text(more, x, y - LINE * (k + 1), { width: c.width }));
          x += c.width + GAP;
        });
        y -= LINE * description.length + 2;
      }
      rule(y + LINE - 4);
      y -= 4;
    }
    ensure(LINE * 3);
    const totalsX = MARGIN + COLUMNS[0]!.width + COLUMNS[1]!.width + COLUMNS[2]!.width + 3 * GAP;
    text(`Totals: ${p.lines.length} ${p.lines.length === 1 ? "movement" : "movements"}`, MARGIN, y, { color: MUTED });
    text(points.format(p.totalIn), totalsX, y, { width: COLUMNS[3]!.width, align: "right" });
    text(points.format(p.totalOut), totalsX + COLUMNS[3]!.width + GAP, y, { width: COLUMNS[4]!.width, align: "right" });
    y -= LINE + 2;
    text(`Closing balance on ${civilLabel(statement.period.to)}`, MARGIN, y, { font: bold });
    text(points.format(p.closing), PAGE_W - MARGIN - 120, y, { font: bold, width: 120, align: "right" });
    y -= LINE * 2.5;
  }

  const pages = doc.getPages();
  const generated = `Generated ${options.now.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  pages.forEach((p, i) => {
    page = p;
    rule(BOTTOM - 20);
    text(generated, MARGIN, BOTTOM - 32, { size: 8, color: MUTED });
    text(`Page ${i + 1} of ${pages.length}`, PAGE_W - MARGIN - 100, BOTTOM - 32, { size: 8, color: MUTED, width: 100, align: "right" });
  });
  return doc.save();
}

/** The text cut to fit a width, with an ellipsis when it had to be cut. */
function fit(s: string, widthOf: (text: string) => number, width: number): string {
  if (widthOf(s) <= width) return s;
  let cut = s;
  while (cut.length > 0 && widthOf(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Words wrapped to a width, at most `maxLines` lines (the last one cut to fit). */
function wrap(s: string, widthOf: (text: string) => number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of s.split(" ")) {
    const next = current ? `${current} ${word}` : word;
    if (widthOf(next) <= width || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.length ? lines : [""];
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(" ")}`, widthOf, width);
  return kept;
}
