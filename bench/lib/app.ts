import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import getPort from "get-port";
import { buildFingerprint, FINGERPRINT_FILE, isBuildCurrent } from "../../scripts/lib/build-fingerprint";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Builds the production app when the current build is missing or stale (exits on a failed build). */
export async function ensureProductionBuild(): Promise<void> {
  if (isBuildCurrent(root)) return;
  console.log("[bench] building the production app…");
  const code = await new Promise<number>((resolve) =>
    spawn(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } }).on("exit", (c) => resolve(c ?? 1)),
  );
  if (code !== 0) process.exit(code);
  writeFileSync(path.join(root, FINGERPRINT_FILE), buildFingerprint(root));
}

export type ProductionServer = { base: string; pid: number | undefined; waitUntilUp: () => Promise<void>; stop: () => Promise<void> };

/** Starts `next start` on a free port against `databaseUrl`; `waitUntilUp` resolves once /api/v1/health answers. */
export async function startProductionServer(databaseUrl: string): Promise<ProductionServer> {
  const port = await getPort();
  const web = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "bench-secret-bench-secret-bench-secret", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    pid: web.pid,
    async waitUntilUp() {
      let up = false;
      for (let i = 0; i < 240 && web.exitCode === null && !(up = await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 500));
      if (!up) throw new Error("the production server did not start (see above)");
    },
    async stop() {
      if (web.exitCode !== null) return;
      const exited = new Promise((r) => web.once("exit", r));
      web.kill("SIGTERM");
      await exited;
    },
  };
}
