"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <Card>
      <EmptyState
        icon={TriangleAlert}
        title="This page could not be loaded"
        action={
          <div className="flex gap-2">
            <Button onClick={() => retry()}>
              <RotateCcw aria-hidden="true" />
              Try again
            </Button>
            <Link href="/" className={buttonVariants({ variant: "secondary" })}>
              Go to the home page
            </Link>
          </div>
        }
      >
        <p>Something went wrong on our side. Nothing you entered was changed. Try again in a moment.</p>
        {digest && <p className="mt-2 text-xs text-slate-500">Reference for support: <code className="font-mono">{digest}</code></p>}
      </EmptyState>
    </Card>
  );
}
