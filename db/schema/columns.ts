import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/** PostgreSQL's 64-bit transaction id, as text (it never wraps, unlike `xmin`). */
const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => "xid8",
});

/**
 * The transaction that wrote the row (`pg_current_xact_id()`): lets the report rollups (lib/reports)
 * fold in exactly the rows committed since their previous refresh, whatever order ids were taken in.
 * Rows written before the column existed are null: a first refresh reads every row.
 */
export const writtenIn = () => xid8().default(sql`pg_current_xact_id()`);
