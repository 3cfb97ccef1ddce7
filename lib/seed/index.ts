import "server-only";
import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { createUser } from "@/lib/users";
import { seedDemoHistory } from "./history";
import { seedDemoSegments } from "./segments";
import { seedDemoLedger } from "./ledger";
import { seedMemberCareDemo } from "./member-care";
import { seedDemoOffers } from "./offers";
import { seedDemoPartners } from "./partners";

export const DEMO_PASSWORD = "coalition-demo";

/** One demo sign-in per role. */
export const DEMO_USERS: { email: string; name: string; role: Role }[] = ROLES.map((role) => ({
  email: `${role.replace("_", "-")}@coalition.demo`,
  name: `Demo ${ROLE_LABELS[role].toLowerCase()}`,
  role,
}));

/**
 * Loads the demo data. Idempotent: what exists is left as it is (passwords and roles that were
 * changed in the console stay changed).
 */
export async function seedDemoData(db: Db, options: { history?: boolean } = {}): Promise<{ created: string[] }> {
  const created: string[] = [];
  const actor = systemActor("seed");
  for (const demo of DEMO_USERS) {
    const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${demo.email}`);
    if (existing) continue;
    await createUser(db, actor, { email: demo.email, name: demo.name, password: DEMO_PASSWORD, roles: [demo.role] }).catch((error: unknown) => {
      // A concurrent seed created it first: that is fine.
      if (!(error instanceof Error && "code" in error && error.code === "email_taken")) throw error;
    });
    created.push(demo.email);
  }
  if (await seedDemoLedger(db)) created.push("demo programmes and members");
  if (await seedDemoOffers(db)) created.push("demo earn rules and offers");
  // After the other offers: seedDemoOffers only seeds a database without any offer.
  if (await seedDemoPartners(db)) created.push("demo partners and their offers");
  if (await seedMemberCareDemo(db)) created.push("the member care demo member");
  // Last: its transactions earn through the demo offers.
  if (options.history !== false && (await seedDemoHistory(db))) created.push("six months of programme history for the reports");
  if (options.history !== false && (await seedDemoSegments(db))) created.push("saved segments");
  return { created };
}
