"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { refreshReportsAction } from "@/app/(console)/reports/actions";

/** Refreshes the rollups now and re-renders the report with the new figures. */
export function RefreshReportsButton() {
  const router = useRouter();
  const [state, action, pending] = useFormAction(refreshReportsAction, { onSuccess: () => router.refresh() });
  useEffect(() => {
    if (!state.success && state.message) toast.error(state.message);
  }, [state]);
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" size="sm" loading={pending}>
        <RefreshCw aria-hidden="true" />
        Refresh now
      </Button>
    </form>
  );
}
