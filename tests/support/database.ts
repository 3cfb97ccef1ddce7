/**
 * Gives each integration test file its own database, copied from the migrated template, and points
 * DATABASE_URL (and so getDb()) at it. Dropped when the file ends.
 */
import { afterAll, inject } from "vitest";
import postgres from "postgres";
import { closeDb } from "@/db";

const adminUrl = inject("adminUrl");
const template = inject("templateDatabase");
const name = `coalition_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}" template "${template}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.BCRYPT_COST ??= "4";

afterAll(async () => {
  await closeDb();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});
