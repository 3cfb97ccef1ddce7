/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL when set, otherwise an embedded
 * server in a fresh temporary directory. A template database is migrated once; every test file
 * gets its own copy (tests/support/database.ts).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { maintenanceUrl, startEmbeddedPostgres, type RunningDatabase } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";

export default async function setup(project: TestProject) {
  let database: RunningDatabase;
  let tmp: string | undefined;
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    database = { url, adminUrl: maintenanceUrl(url), embedded: false, stop: async () => {} };
  } else {
    // Under /tmp so that the `postgres` user (when we are root) can write it.
    tmp = mkdtempSync(path.join(os.tmpdir(), "coalition-test-pg-"));
    chmodSync(tmp, 0o755);
    database = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), database: "postgres" });
  }
  const template = `coalition_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(database.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  const templateUrl = new URL(database.adminUrl);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());
  await admin.end();

  project.provide("adminUrl", database.adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    const cleanup = postgres(database.adminUrl, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists "${template}" with (force)`).catch(() => {});
    await cleanup.end();
    await database.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}
