"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { diffStates, type DiffLine } from "./json-diff";
import type { AuditRow } from "./audit-table";

/** Before and after of one audit entry, side by side, changed keys highlighted. */
export function AuditDetailsDialog({ entry }: { entry: AuditRow }) {
  const lines = diffStates(entry.before, entry.after);
  const changed = lines.filter((l) => l.changed).length;
  const hasBefore = entry.before !== null && entry.before !== undefined;
  const hasAfter = entry.after !== null && entry.after !== undefined;
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="-my-1 text-indigo-700" aria-label={`Details of ${entry.action} #${entry.id}`} data-testid="audit-details">
          Details
        </Button>
      </DialogTrigger>
      <DialogContent size="xl">
        <DialogHeader>
          <DialogTitle>
            <code className="font-mono">{entry.action}</code> <span className="font-normal text-slate-500">#{entry.id}</span>
          </DialogTitle>
          <DialogDescription>
            <DateTime value={entry.at} withSeconds /> by {entry.actorLabel} ({entry.actorType}) on {entry.entityType}{" "}
            <code className="font-mono text-xs">{entry.entityId ?? "—"}</code>
            {hasBefore && hasAfter && ` · ${changed === 0 ? "no key changed" : changed === 1 ? "1 key changed" : `${changed} keys changed`}`}
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <div className="grid grid-cols-2 gap-3 text-xs">
            <StatePanel title="Before" lines={lines} side="before" emptyText={hasAfter ? "Nothing before: this entry created it." : "No state recorded."} present={hasBefore} />
            <StatePanel title="After" lines={lines} side="after" emptyText={hasBefore ? "Nothing after: this entry removed it." : "No state recorded."} present={hasAfter} />
          </div>
          {hasBefore && hasAfter && (
            <p className="flex items-center gap-2 text-xs text-slate-500">
              <span className="inline-block size-3 rounded-sm bg-amber-100 ring-1 ring-amber-300" aria-hidden="true" /> Changed keys are highlighted and marked “changed”.
            </p>
          )}
        </DialogBody>
      </DialogContent>
    </Dialog>
  );
}

function StatePanel({ title, lines, side, emptyText, present }: { title: string; lines: DiffLine[]; side: "before" | "after"; emptyText: string; present: boolean }) {
  return (
    <section aria-label={title} className="min-w-0 overflow-hidden rounded-md border border-slate-200">
      <h3 className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-semibold text-slate-700">{title}</h3>
      {!present ? (
        <p className="px-3 py-4 text-slate-500 italic">{emptyText}</p>
      ) : (
        <dl className="divide-y divide-slate-100 font-mono">
          {lines
            .filter((l) => (side === "before" ? l.inBefore : l.inAfter))
            .map((l) => (
              <div key={l.key} className={cn("grid grid-cols-[minmax(0,9rem)_1fr] gap-3 px-3 py-1.5", l.changed && (side === "before" ? "bg-amber-50" : "bg-amber-100/70"))}>
                <dt className="truncate text-slate-600" title={l.key}>
                  {l.key}
                  {l.changed && <span className="sr-only"> (changed)</span>}
                </dt>
                <dd className="break-words whitespace-pre-wrap text-slate-900">
                  {side === "before" ? l.before : l.after}
                  {l.changed && side === "after" && <span className="ml-2 rounded bg-amber-200 px-1 font-sans text-[10px] font-medium text-amber-900" aria-hidden="true">changed</span>}
                </dd>
              </div>
            ))}
        </dl>
      )}
    </section>
  );
}
