"use client";

import { FileSpreadsheet, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import type { FormAction, FormState } from "@/components/forms/use-form-action";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-field";
import { toast } from "@/components/ui/toaster";
import { formatBytes, IMPORT_KIND_PATHS, MAX_IMPORT_BYTES, type ImportKindName } from "@/lib/imports/format";

type Uploaded = { importId: string };
const initial: FormState<Uploaded> = { success: false };

/** What the browser can tell before sending anything. */
function checkFile(file: File | null): string | undefined {
  if (!file || file.size === 0) return file ? "The file is empty." : "Choose a CSV file.";
  if (!/\.(csv|txt)$/i.test(file.name)) return "Choose a CSV file (.csv).";
  if (file.size > MAX_IMPORT_BYTES) return `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split it into several files.`;
  return undefined;
}

/**
 * Choose a CSV file and upload it: the browser reads it as text (the action takes text fields) and
 * sends it with its name; the server checks the header, the size, the rows and whether the file
 * was imported before, then queues it. On success, the import's page shows its progress.
 */
export function ImportUploadForm({ kind, action }: { kind: ImportKindName; action: FormAction<Uploaded> }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [file, setFile] = useState<File | null>(null);
  const [state, formAction, pending] = useActionState<FormState<Uploaded>, FormData>(async (prev, form) => {
    const chosen = form.get("file");
    const picked = chosen instanceof File && chosen.name ? chosen : null;
    const problem = checkFile(picked);
    if (problem || !picked) return { success: false, code: "validation_failed", errors: { file: [problem ?? "Choose a CSV file."] } };
    const body = new FormData();
    body.set("kind", kind);
    body.set("fileName", picked.name);
    body.set("content", await picked.text());
    let result: FormState<Uploaded>;
    try {
      result = await action(prev, body);
    } catch {
      return {
        success: false,
        code: "upload_failed",
        message:
          "The file did not reach Coalition: the connection failed, or the file is larger than this server accepts. Try again; if it fails again, split the file into smaller ones.",
      };
    }
    if (result.success && result.data) {
      toast.success(result.message ?? "File uploaded.");
      router.push(`${IMPORT_KIND_PATHS[kind]}/${result.data.importId}`);
    }
    return result;
  }, initial);

  // Submitted by hand rather than through the form's action, so that React does not clear the chosen file when the server refuses it.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };

  const clientError = file ? checkFile(file) : undefined;
  const fileErrors = state.success ? undefined : (state.errors?.file ?? state.errors?.content ?? state.errors?.fileName);
  const formMessage = !state.success && !fileErrors ? state.message : undefined;
  const shownError = clientError ?? fileErrors?.join(" ");
  const errorId = shownError ? `${inputId}-error` : undefined;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="import-upload-form">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-[13px] font-medium text-slate-700">
          CSV file
        </label>
        <div
          className={cn(
            "flex flex-col gap-3 rounded-lg border border-dashed bg-slate-50/60 p-4 sm:flex-row sm:items-center",
            shownError ? "border-red-300" : "border-slate-300",
          )}
        >
          <div className="flex size-10 shrink-0 items-center justify-center rounded-full bg-white text-slate-500 ring-1 ring-slate-200">
            <FileSpreadsheet className="size-5" aria-hidden="true" />
          </div>
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1.5">
            <input
              id={inputId}
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-invalid={shownError ? true : undefined}
              aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              className="peer sr-only"
              data-testid="import-file"
            />
            {/* The visible button; the input itself is hidden but keeps the focus, shown on this label. */}
            <label
              htmlFor={inputId}
              aria-hidden="true"
              className={buttonVariants({
                variant: "secondary",
                size: "sm",
                className: "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600",
              })}
            >
              {file ? "Choose another file" : "Choose a file"}
            </label>
            <p id={hintId} className="min-w-0 text-xs text-slate-500" data-testid="import-file-info" aria-live="polite">
              {file ? (
                <>
                  <span className="font-medium break-all text-slate-800">{file.name}</span> · {formatBytes(file.size)}
                </>
              ) : (
                `No file chosen. A .csv file with a header row, up to ${formatBytes(MAX_IMPORT_BYTES)} and 100,000 rows.`
              )}
            </p>
          </div>
        </div>
        {errorId && (
          <p id={errorId} className="text-xs font-medium text-red-600" data-testid="import-file-error">
            {shownError}
          </p>
        )}
      </div>
      <FormMessage message={formMessage} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={pending} disabled={Boolean(clientError)} data-testid="import-upload">
          {!pending && <Upload aria-hidden="true" />}
          {pending ? "Validating…" : "Validate and upload"}
        </Button>
        <p className="text-xs text-slate-500">Files are processed in the background: you can leave the page once the upload is done.</p>
      </div>
    </form>
  );
}
