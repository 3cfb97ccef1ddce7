import { cn } from "@/components/ui/cn";

/** The Coalition mark: three overlapping rings (partners joined in one programme) and the name. */
export function Logo({ size = "md", withName = false }: { size?: "md" | "lg"; withName?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span
        className={cn("flex items-center justify-center rounded-lg bg-indigo-600 text-white shadow-xs", size === "lg" ? "size-11" : "size-7")}
        aria-hidden="true"
      >
        <svg viewBox="0 0 24 24" className={size === "lg" ? "size-7" : "size-[18px]"} fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="9" cy="10" r="5" />
          <circle cx="15" cy="10" r="5" />
          <circle cx="12" cy="15" r="5" />
        </svg>
      </span>
      {withName && <span className="text-[15px] font-semibold tracking-tight text-slate-900">Coalition</span>}
    </span>
  );
}
