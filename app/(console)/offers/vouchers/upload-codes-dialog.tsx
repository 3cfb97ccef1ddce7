"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { badCodeMessage, chunkLines, MAX_CODES_PER_FILE, MAX_FILE_BYTES, parseCodeFile, type ParsedCodes } from "@/components/vouchers/codes";
import { CodeFilePreview } from "@/components/vouchers/code-file-preview";
import { uploadVoucherCodesAction } from "./actions";

const n = (value: number) => value.toLocaleString("en-GB");
const plural = (value: number, one: string, other: string) => `${n(value)} ${value === 1 ? one : other}`;

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; sent: number }
  | { kind: "done"; added: number; duplicates: number }
  | { kind: "failed"; message: string; added: number; duplicates: number };

/** Upload a CSV or text file of codes into a pool: read and checked in the browser, previewed, then sent in parts. */
export function UploadCodesDialog({ pool }: { pool: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Upload codes to ${pool.name}`} data-testid="upload-codes">
          <Upload aria-hidden="true" />
          Upload
        </Button>
      </DialogTrigger>
      {open && <UploadForm pool={pool} onBusy={setBusy} onClose={() => setOpen(false)} />}
    </Dialog>
  );
}

function UploadForm({ pool, onBusy, onClose }: { pool: { id: string; name: string }; onBusy: (busy: boolean) => void; onClose: () => void }) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; parsed: ParsedCodes } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    setPhase({ kind: "idle" });
    setFile(null);
    setFileError(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) return setFileError(`The file is too large (${n(Math.ceil(chosen.size / 1024 / 1024))} MB). Upload at most ${n(MAX_CODES_PER_FILE)} codes at a time.`);
    const parsed = parseCodeFile(await chosen.text());
    if (parsed.count === 0) return setFileError("The file has no codes: put one code per line, or the codes in the first column.");
    if (parsed.count > MAX_CODES_PER_FILE) return setFileError(`The file has ${n(parsed.count)} codes; upload at most ${n(MAX_CODES_PER_FILE)} at a time (split the file).`);
    setFile({ name: chosen.name, parsed });
    if (parsed.problem) setFileError(badCodeMessage(parsed.problem.line, parsed.problem.code));
  }

  async function upload() {
    if (!file) return;
    const chunks = chunkLines(file.parsed.lines);
    let added = 0;
    let duplicates = 0;
    onBusy(true);
    setPhase({ kind: "uploading", sent: 0 });
    try {
      for (const chunk of chunks) {
        const data = new FormData();
        data.set("poolId", pool.id);
        data.set("firstLine", String(chunk.firstLine));
        data.set("codes", chunk.lines.join("\n"));
        const result = await uploadVoucherCodesAction(undefined, data).catch(() => ({
          success: false as const,
          message: "The server could not be reached. Check your connection and try again.",
          errors: undefined,
          data: undefined,
        }));
        if (!result.success || !result.data) {
          setPhase({ kind: "failed", message: result.errors?.codes?.join(" ") ?? result.message ?? "The codes could not be added.", added, duplicates });
          return;
        }
        added += result.data.added;
        duplicates += result.data.duplicates;
        setPhase({ kind: "uploading", sent: added + duplicates });
      }
      setPhase({ kind: "done", added, duplicates });
      toast.success(`${plural(added, "code", "codes")} added to “${pool.name}”, ${plural(duplicates, "duplicate", "duplicates")} skipped.`);
    } finally {
      onBusy(false);
      router.refresh();
    }
  }

  const uploading = phase.kind === "uploading";
  const canUpload = file !== null && !file.parsed.problem && phase.kind !== "done" && !uploading;
  return (
    <DialogContent size="lg" onInteractOutside={(event) => uploading && event.preventDefault()} onEscapeKeyDown={(event) => uploading && event.preventDefault()}>
      <DialogHeader>
        <DialogTitle>Upload codes to “{pool.name}”</DialogTitle>
        <DialogDescription>Codes are added to the pool and cannot be removed from it. Codes already in the pool are skipped and counted as duplicates.</DialogDescription>
      </DialogHeader>
      <DialogBody>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={inputId}>File of codes</Label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={choose}
            disabled={uploading}
            aria-describedby={`${inputId}-hint`}
            aria-invalid={fileError ? true : undefined}
            data-testid="codes-file"
            className="block w-full text-[13px] text-slate-700 file:mr-3 file:h-8 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-[13px] file:font-medium file:text-slate-800 hover:file:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          />
          <p id={`${inputId}-hint`} className="text-xs text-slate-500">
            CSV or text: one code per line, or the codes in the first column; a header line such as “code” is skipped. Up to {n(MAX_CODES_PER_FILE)} codes, 3–64 letters, digits or dashes each.
          </p>
        </div>
        {fileError && <FormMessage message={fileError} />}
        {file && <CodeFilePreview name={file.name} parsed={file.parsed} />}
        {phase.kind === "uploading" && (
          <p role="status" className="text-[13px] text-slate-700">
            Adding codes… {n(phase.sent)} of {n(file?.parsed.count ?? 0)} done.
          </p>
        )}
        {phase.kind === "failed" && (
          <FormMessage
            message={`${phase.message}${phase.added + phase.duplicates > 0 ? ` ${plural(phase.added, "code was", "codes were")} added before this. Fix the file and upload it again: codes already added count as duplicates.` : " Nothing was added."}`}
          />
        )}
        {phase.kind === "done" && (
          <div role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-[13px] text-emerald-900 ring-1 ring-emerald-200 ring-inset" data-testid="upload-result">
            <strong className="font-semibold">{plural(phase.added, "code", "codes")} added</strong>, {plural(phase.duplicates, "duplicate", "duplicates")} skipped
            {phase.duplicates > 0 ? " (already in the pool, or repeated in the file)" : ""}.
          </div>
        )}
      </DialogBody>
      <DialogFooter>
        {phase.kind === "done" ? (
          <Button onClick={onClose}>Done</Button>
        ) : (
          <>
            <Button onClick={upload} disabled={!canUpload} loading={uploading} data-testid="add-codes">
              {file && !file.parsed.problem ? `Add ${plural(file.parsed.count, "code", "codes")}` : "Add codes"}
            </Button>
            <Button variant="secondary" onClick={onClose} disabled={uploading}>
              Cancel
            </Button>
          </>
        )}
      </DialogFooter>
    </DialogContent>
  );
}
