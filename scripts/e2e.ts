/**
 * `npm run test:e2e`: builds the production app when the current build is stale, then runs the
 * Playwright suite against `next start` on a free port, with a fresh embedded database (or
 * DATABASE_URL when set).
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import { buildFingerprint, FINGERPRINT_FILE, isBuildCurrent } from "./lib/build-fingerprint";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => spawn(command, args, { stdio: "inherit", env }).on("exit", (code) => resolve(code ?? 1)));
}

async function main() {
  if (!isBuildCurrent(root)) {
    console.log("[e2e] building the production app…");
    const code = await run(process.execPath, [nextBin, "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" });
    if (code !== 0) process.exit(code);
    writeFileSync(path.join(root, FINGERPRINT_FILE), buildFingerprint(root));
  }
  // Under /tmp with mode 755 so that the `postgres` user (when we are root) can write it.
  const tmp = mkdtempSync(path.join(os.tmpdir(), "coalition-e2e-"));
  chmodSync(tmp, 0o755);
  const port = await getPort({ port: 3210 });
  const code = await run(process.execPath, [path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
    ...process.env,
    E2E_PORT: String(port),
    COALITION_DATA_DIR: path.join(tmp, "pg"),
  });
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}

void main();
