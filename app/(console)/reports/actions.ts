"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { refreshRollups } from "@/lib/reports/refresh";

/**
 * "Refresh now": folds what was written since the worker's last refresh into the report rollups, at
 * once (the worker does it every minute). A refresh already running makes this one a no-op.
 */
export const refreshReportsAction = createAction({
  permission: "reports:read",
  schema: z.object({}),
  handler: async ({ db }) => {
    const result = await refreshRollups(db);
    if (result.skipped) return { message: "A refresh was already running: the figures are as of its end." };
    return { message: `Refreshed: ${result.rowsFolded.toLocaleString("en-GB")} new rows folded in ${result.durationMs.toLocaleString("en-GB")} ms.` };
  },
});
