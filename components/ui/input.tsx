import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look of text-like controls; aria-invalid turns the border red. */
export const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 " +
  "focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600/30 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 " +
  "aria-invalid:border-red-500 aria-invalid:focus-visible:outline-red-500/30";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(controlClass, "h-9", className)} {...props} />;
}
