"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { DateTime } from "@/components/ui/date-time";
import { percentDone } from "@/lib/imports/format";
import { formatCount, ImportProgressBar, ImportStatusBadge, isActive } from "./status";

/** What the progress route answers (app/(console)/transactions/imports/[importId]/status). */
export type ImportProgressData = {
  status: string;
  totalRows: number;
  processedRows: number;
  okRows: number;
  errorRows: number;
  repeatedRows: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
};

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function fetchProgress(basePath: string, importId: string): Promise<ImportProgressData> {
  const res = await fetch(`${basePath}/${importId}/status`, { cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw new HttpError(res.status);
  return (await res.json()) as ImportProgressData;
}

function duration(fromIso: string, toIso: string): string {
  const s = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: "ok" | "error"; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={tone === "error" ? "text-lg font-semibold text-red-700 tabular-nums" : tone === "ok" ? "text-lg font-semibold text-emerald-700 tabular-nums" : "text-lg font-semibold text-slate-900 tabular-nums"} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The import's state, polled every second while it is queued or running; when it ends, the page
 * is rendered again so that the error report shows every row.
 */
export function ImportProgress({ importId, initial, basePath = "/transactions/imports" }: { importId: string; initial: ImportProgressData; basePath?: string }) {
  const router = useRouter();
  const { data, isError } = useQuery({
    queryKey: ["import-progress", importId],
    queryFn: () => fetchProgress(basePath, importId),
    initialData: initial,
    refetchInterval: (query) => (isActive(query.state.data?.status ?? "done") ? 1000 : false),
    refetchIntervalInBackground: false,
  });
  const p = data ?? initial;
  const wasActive = useRef(isActive(initial.status));
  const lastRefresh = useRef(0);
  useEffect(() => {
    const active = isActive(p.status);
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [p.status, router]);
  // New errors while it runs: the report below is rendered again, at most every 5 seconds.
  useEffect(() => {
    if (!isActive(p.status) || p.errorRows === 0 || Date.now() - lastRefresh.current < 5000) return;
    lastRefresh.current = Date.now();
    router.refresh();
  }, [p.errorRows, p.status, router]);

  const pct = percentDone(p.processedRows, p.totalRows);
  const active = isActive(p.status);
  return (
    <div className="flex flex-col gap-4" data-testid="import-progress">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <ImportStatusBadge status={p.status} errorRows={p.errorRows} />
          {active && (
            <span className="inline-flex items-center gap-1.5 text-xs text-slate-500">
              <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
              {p.status === "queued" ? "Waiting for the job worker…" : "Processing…"}
            </span>
          )}
        </div>
        <p className="text-[13px] text-slate-600 tabular-nums" aria-live="polite" data-testid="import-processed">
          {formatCount(p.processedRows)} of {formatCount(p.totalRows)} rows processed ({pct} %)
        </p>
      </div>
      <ImportProgressBar total={p.totalRows} ok={p.okRows} errors={p.errorRows} size="lg" label="Rows processed" />
      <dl className="grid grid-cols-2 gap-4 border-t border-slate-100 pt-4 sm:grid-cols-4">
        <Stat label="Rows in the file" value={formatCount(p.totalRows)} />
        <Stat label="Imported" value={formatCount(p.okRows)} tone="ok" testId="import-ok" />
        <Stat label="Errors" value={formatCount(p.errorRows)} tone={p.errorRows > 0 ? "error" : undefined} testId="import-errors" />
        <Stat label="Still to process" value={formatCount(p.totalRows - p.processedRows)} />
      </dl>
      <div className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-500">
        <span>
          Started: <DateTime value={p.startedAt} withSeconds empty="not yet" />
        </span>
        {p.finishedAt && (
          <span>
            Finished: <DateTime value={p.finishedAt} withSeconds />
          </span>
        )}
        {p.startedAt && p.finishedAt && <span>Took {duration(p.startedAt, p.finishedAt)}</span>}
        {p.repeatedRows > 0 && (
          <span>
            {formatCount(p.repeatedRows)} of the imported rows had been received before (same external id): they changed nothing.
          </span>
        )}
      </div>
      {p.error && (
        <p role="alert" className="flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-[13px] text-red-800 ring-1 ring-red-200 ring-inset">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {p.error}
        </p>
      )}
      {isError && active && <p className="text-xs text-amber-700">The progress could not be refreshed; retrying…</p>}
    </div>
  );
}
