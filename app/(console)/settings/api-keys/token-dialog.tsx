"use client";

import { Check, Copy, TriangleAlert } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/**
 * Shows a new API key's token, the only time it can be seen. It does not close on an outside
 * click, so it is not lost by a stray click; Escape and the button close it.
 */
export function TokenDialog({ name, token, onClose }: { name: string; token: string; onClose: () => void }) {
  const labelId = useId();
  const tokenRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      // Clipboard refused (insecure origin or permissions): select the text so Ctrl+C works.
      if (tokenRef.current) window.getSelection()?.selectAllChildren(tokenRef.current);
      setCopied("failed");
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        size="lg"
        hideClose
        onInteractOutside={(event) => event.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>Copy the key for “{name}”</DialogTitle>
          <DialogDescription>Give it to the system as the bearer token: <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>.</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <div className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-[13px] text-amber-900 ring-1 ring-amber-200 ring-inset" role="note">
            <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden="true" />
            <p>
              <strong className="font-semibold">This key cannot be shown again.</strong> Copy it now and keep it in your secrets store. If it is lost, revoke it and create a new one.
            </p>
          </div>
          <div className="flex flex-col gap-1.5">
            <p id={labelId} className="text-[13px] font-medium text-slate-700">
              API key
            </p>
            <div className="flex items-start gap-2">
              <code
                ref={tokenRef}
                aria-labelledby={labelId}
                className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-[13px] break-all text-slate-900 select-all"
                data-testid="api-key-token"
              >
                {token}
              </code>
              <Button variant="secondary" className="h-9" onClick={copy} data-testid="copy-api-key">
                {copied === "yes" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
                {copied === "yes" ? "Copied" : "Copy"}
              </Button>
            </div>
            <p className="text-xs text-slate-500" aria-live="polite">
              {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying was blocked by the browser: the key is selected, press Ctrl+C (⌘C)." : "\u00a0"}
            </p>
          </div>
        </DialogBody>
        <DialogFooter>
          <Button onClick={onClose} data-testid="api-key-done">
            I have copied the key
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
