"use client";

import { Toaster as Sonner } from "sonner";

export { toast } from "sonner";

/** Where success and failure notices appear; polite live region, keyboard-dismissible. */
export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      richColors
      duration={5000}
      toastOptions={{ className: "text-[13px]" }}
    />
  );
}
