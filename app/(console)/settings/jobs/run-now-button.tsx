"use client";

import { Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { runJobNowAction } from "./actions";

export function RunNowButton({ job, disabledReason }: { job: { name: string; description: string }; disabledReason: string | null }) {
  if (disabledReason) {
    return (
      <Button variant="secondary" size="sm" disabled title={disabledReason} aria-label={`Run ${job.description} now (${disabledReason})`}>
        <Play aria-hidden="true" />
        Run now
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" data-testid={`run-now-${job.name}`} aria-label={`Run ${job.description} now`}>
          <Play aria-hidden="true" />
          Run now
        </Button>
      }
      title={`Run “${job.description}” now?`}
      consequence="A worker runs the job within seconds, as its schedule would, and the run is recorded below. Its schedule does not change."
      confirmLabel="Run now"
      confirmVariant="primary"
      action={runJobNowAction}
      fields={{ jobName: job.name }}
      successMessage="Queued: a worker starts it within seconds."
    />
  );
}
