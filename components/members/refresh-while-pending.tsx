"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const EVERY_MS = 5_000;
/** About two minutes: a delivery still pending after that is retrying with backoff; reload to check again. */
const MAX_REFRESHES = 24;

/**
 * While some outcomes are being delivered by the worker (cashback, partner points), re-renders the
 * page every few seconds so their state changes appear without a reload; stops when none is left.
 */
export function RefreshWhilePending({ active }: { active: boolean }) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const polling = active && count < MAX_REFRESHES;
  useEffect(() => {
    if (!polling) return;
    const timer = setTimeout(() => {
      setCount((n) => n + 1);
      router.refresh();
    }, EVERY_MS);
    return () => clearTimeout(timer);
  }, [polling, count, router]);
  if (!active) return null;
  return (
    <p className="inline-flex items-center gap-1.5 text-xs text-slate-500" role="status">
      <RefreshCw className={polling ? "size-3.5 animate-spin [animation-duration:3s]" : "size-3.5"} aria-hidden="true" />
      {polling ? "Deliveries are under way: this list updates by itself." : "Some deliveries are still retrying. Reload the page to see their latest state."}
    </p>
  );
}
