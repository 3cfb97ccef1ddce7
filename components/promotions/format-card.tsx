import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatBytes, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports/format";

const number = new Intl.NumberFormat("en-GB");
const code = (text: string) => <code className="font-mono text-xs text-slate-800">{text}</code>;

const COLUMNS: [string, boolean, React.ReactNode][] = [
  ["member", true, <>A member id, or {code("ext:")} and the member’s external id, e.g. {code("ext:CUST-10042")}.</>],
  ["program", true, <>The programme’s code, e.g. {code("SKY")}. The member must be enrolled in it.</>],
  ["points", true, "A whole number above zero, without separators."],
  ["reason", true, "Why the points are given; shown on the member’s timeline."],
  ["expiry_strategy", false, "The name of one of the programme’s expiry strategies; empty: the programme’s default."],
  ["awarded_at", false, <>A date ({code("2026-03-01")}, the start of that day in the programme’s time zone) or a date and time with an offset. Not in the future; the expiry derives from it. Empty: now.</>],
  ["external_reference", false, "Your id of the award: the same reference in a programme is awarded once, whichever file it is in."],
];

/** The promotional points file format, next to the upload form. */
export function PromotionsFormatCard() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>File format</CardTitle>
        <CardDescription>CSV with a header row naming the columns, comma-separated (semicolons and tabs also work), UTF-8.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-[13px]">
        <dl className="divide-y divide-slate-100">
          {COLUMNS.map(([name, required, text]) => (
            <div key={name} className="grid grid-cols-[9.5rem_minmax(0,1fr)] gap-3 py-1.5">
              <dt className="flex flex-col">
                {code(name)}
                <span className="text-xs text-slate-500">{required ? "required" : "optional"}</span>
              </dt>
              <dd className="text-slate-600">{text}</dd>
            </div>
          ))}
        </dl>
        <ul className="list-disc space-y-1 pl-4 text-slate-600">
          <li>
            Up to {formatBytes(MAX_IMPORT_BYTES)} and {number.format(MAX_IMPORT_ROWS)} rows per file. A file already imported is refused; a row already awarded (same line of the
            same file, or same external reference) is never awarded again.
          </li>
          <li>Rows with errors are skipped and listed by line number; the other rows are awarded.</li>
        </ul>
        <div>
          <a href="/programs/promotions/imports/template.csv" className={buttonVariants({ variant: "secondary", size: "sm" })} download>
            <Download aria-hidden="true" />
            Download a template
          </a>
        </div>
      </CardContent>
    </Card>
  );
}
