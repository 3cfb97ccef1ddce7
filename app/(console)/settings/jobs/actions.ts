"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { requestJobRun } from "@/lib/jobs/run-now";

/** "Run now": queues the job for a worker; refused (coded) when it runs or waits already. */
export const runJobNowAction = createAction({
  permission: "jobs:run",
  schema: z.object({ jobName: z.string({ error: "Choose a job." }).trim().min(1, "Choose a job.").max(200) }),
  revalidate: ["/settings/jobs"],
  handler: async ({ input, actor, db }) => {
    await requestJobRun(db, actor, input.jobName);
    return { message: "Queued: a worker starts it within seconds." };
  },
});
