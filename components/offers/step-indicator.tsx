"use client";

import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { STEPS, type StepNumber } from "./wizard-schema";

/** Where the wizard is: done steps can be revisited (nothing is lost), later ones are reached with Next. */
export function StepIndicator({ current, onGoTo, disabled }: { current: StepNumber; onGoTo: (step: StepNumber) => void; disabled?: boolean }) {
  return (
    <nav aria-label="Offer steps">
      <ol className="grid grid-cols-5 gap-2">
        {STEPS.map((s) => {
          const done = s.n < current;
          const here = s.n === current;
          const body = (
            <>
              <span
                className={cn(
                  "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                  done ? "bg-indigo-600 text-white" : here ? "bg-indigo-100 text-indigo-700 ring-2 ring-indigo-600" : "bg-slate-100 text-slate-500",
                )}
                aria-hidden="true"
              >
                {done ? <Check className="size-3.5" /> : s.n}
              </span>
              <span className={cn("truncate text-[13px] font-medium", here ? "text-slate-900" : done ? "text-slate-700" : "text-slate-500")}>
                <span className="sr-only">Step {s.n}: </span>
                {s.title}
                {done && <span className="sr-only"> (done)</span>}
              </span>
            </>
          );
          return (
            <li key={s.n} className={cn("border-t-4 pt-2", done || here ? "border-indigo-600" : "border-slate-200")} aria-current={here ? "step" : undefined}>
              {done ? (
                <button
                  type="button"
                  onClick={() => onGoTo(s.n)}
                  disabled={disabled}
                  className="flex w-full items-center gap-2 rounded text-left hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  {body}
                </button>
              ) : (
                <div className="flex items-center gap-2">{body}</div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
