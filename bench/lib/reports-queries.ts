import type { Db } from "@/db";

/** A dashboard query the reports make, with realistic parameters picked from the data set. */
export type ReportQuery = { name: string; run: () => Promise<unknown> };

/** Every report area's queries (bench/lib/reports-<area>.ts), timed by bench/reports.ts. */
export const REPORT_QUERY_SETS: readonly ((db: Db) => Promise<ReportQuery[]>)[] = [];
