/**
 * Operators' command line, against the embedded database or DATABASE_URL:
 *   npm run admin -- user create --email E --password P --role R [--role R2] [--name N]
 *   npm run admin -- user deactivate --email E
 *   npm run admin -- api-key create --name N --scopes S1,S2   (prints the key once, on its own line)
 *   npm run admin -- api-key create --name N --partner PARTNER_ID   (a partner's key; scopes default to its earn and member lookups)
 *   npm run admin -- api-key revoke --id ID
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "@/db";
import { resolveDatabase } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { systemActor } from "@/lib/actor";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { API_SCOPES, PARTNER_KEY_SCOPES } from "@/lib/api-keys/scopes";
import { ROLES } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { createUser, findUserByEmail, setUserActive } from "@/lib/users";
import { createUserSchema } from "@/lib/users/schemas";
import { dataDir } from "./lib/prepare";

const USAGE = `Usage:
  npm run admin -- user create --email E --password P --role R [--role R2] [--name N]
  npm run admin -- user deactivate --email E
  npm run admin -- api-key create --name N --scopes S1,S2
  npm run admin -- api-key create --name N --partner PARTNER_ID [--scopes S1,S2]
  npm run admin -- api-key revoke --id ID
Roles: ${ROLES.join(", ")}
Scopes: ${API_SCOPES.join(", ")}`;

class UsageError extends Error {}

function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new UsageError(result.error.issues.map((i) => `--${String(i.path[0] ?? "input")}: ${i.message}`).join("\n"));
  return result.data;
}

async function main() {
  const [entity, verb, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
      scopes: { type: "string" },
      id: { type: "string" },
      partner: { type: "string" },
    },
    strict: true,
  });
  const database = await resolveDatabase({ dataDir: dataDir() });
  const client = createDb(database.url, { max: 2 });
  const actor = systemActor("admin-cli");
  try {
    await runMigrations(database.url);
    if (entity === "user" && verb === "create") {
      const roles = (values.role ?? []).flatMap((r) => r.split(",")).map((r) => r.trim()).filter(Boolean);
      const input = parsed(createUserSchema, { email: values.email, password: values.password, name: values.name ?? values.email?.split("@")[0], roles });
      const user = await createUser(client.db, actor, input);
      console.log(`Created user ${user.email} (${user.roles.join(", ")}), id ${user.id}`);
    } else if (entity === "user" && verb === "deactivate") {
      const user = values.email ? await findUserByEmail(client.db, values.email) : undefined;
      if (!user) throw new UsageError(`No user with the email ${values.email ?? "(missing --email)"}.`);
      await setUserActive(client.db, actor, { userId: user.id, active: false });
      console.log(`Deactivated ${user.email}`);
    } else if (entity === "api-key" && verb === "create") {
      const partnerId = values.partner === undefined ? null : parsed(z.object({ partner: z.uuid("Give the partner's id (a UUID).") }), { partner: values.partner }).partner;
      const listed = (values.scopes ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const scopes = partnerId && listed.length === 0 ? [...PARTNER_KEY_SCOPES] : listed;
      const input = parsed(createApiKeySchema, { name: values.name, scopes });
      const { apiKey, token } = await createApiKey(client.db, actor, { ...input, partnerId });
      const owner = apiKey.partnerId ? ` for partner ${apiKey.partnerId}` : "";
      console.error(`Created API key "${apiKey.name}"${owner} (${apiKey.scopes.join(", ")}), id ${apiKey.id}. The key is shown once:`);
      console.log(token);
    } else if (entity === "api-key" && verb === "revoke") {
      const id = parsed(z.string().uuid("Give the key's id with --id."), values.id);
      await revokeApiKey(client.db, actor, { apiKeyId: id });
      console.log(`Revoked API key ${id}`);
    } else {
      throw new UsageError(USAGE);
    }
  } finally {
    await client.sql.end({ timeout: 5 });
    await database.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || isDomainError(error) || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
