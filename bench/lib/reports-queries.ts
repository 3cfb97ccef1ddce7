import type { Db } from "@/db";
import { reportQueries as offerQueries } from "./reports-offers";
import { reportQueries as pointsQueries } from "./reports-points";
import { reportQueries as spendQueries } from "./reports-spend";

/** A dashboard query the reports make, with realistic parameters picked from the data set. */
export type ReportQuery = { name: string; run: () => Promise<unknown> };

/** Every report area's queries (bench/lib/reports-<area>.ts), timed by bench/reports.ts. */
export const REPORT_QUERY_SETS: readonly ((db: Db) => Promise<ReportQuery[]>)[] = [pointsQueries, offerQueries, spendQueries];
