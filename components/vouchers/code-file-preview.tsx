import { FileText } from "lucide-react";
import type { ParsedCodes } from "./codes";

const n = (value: number) => value.toLocaleString("en-GB");

/** What a chosen file holds, before anything is sent: how many codes, what was skipped, the first few. */
export function CodeFilePreview({ name, parsed }: { name: string; parsed: ParsedCodes }) {
  const skipped = [
    parsed.header ? "the header line" : null,
    parsed.blank > 0 ? `${n(parsed.blank)} blank ${parsed.blank === 1 ? "line" : "lines"}` : null,
  ].filter(Boolean);
  const repeated = parsed.count - parsed.distinct;
  return (
    <div className="flex gap-3 rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2.5 text-[13px]" data-testid="codes-preview">
      <FileText className="mt-0.5 size-4 shrink-0 text-slate-500" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="text-slate-900">
          <strong className="font-semibold tabular-nums" data-testid="codes-count">
            {n(parsed.count)} {parsed.count === 1 ? "code" : "codes"}
          </strong>{" "}
          in <span className="break-all">{name}</span>
        </p>
        <p className="text-xs text-slate-600">
          {repeated > 0 ? `${n(parsed.distinct)} distinct; ${n(repeated)} repeated in the file will count as duplicates.` : "No code is repeated in the file."}
          {skipped.length > 0 && ` Skipped ${skipped.join(" and ")}.`}
        </p>
        {parsed.sample.length > 0 && (
          <p className="mt-1.5 flex flex-wrap items-center gap-1 text-xs text-slate-500">
            First codes:
            {parsed.sample.map((code) => (
              <code key={code} className="rounded bg-white px-1 font-mono text-[11px] text-slate-700 ring-1 ring-slate-200">
                {code}
              </code>
            ))}
          </p>
        )}
      </div>
    </div>
  );
}
