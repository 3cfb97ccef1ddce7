/**
 * `npm start` (and `npm run dev` with --dev): the whole product in one command.
 * Embedded PostgreSQL unless DATABASE_URL is set, migrations, demo data, a production build when
 * the current one is missing or stale, then the web server and the job worker. Ctrl-C stops all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createDb } from "@/db";
import { startDemoCoreBanking } from "@/lib/demo/core-banking";
import { startDemoPartnerLedger } from "@/lib/demo/partner-ledger";
import { pointDemoPartnersAt } from "@/lib/seed/partners";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed";
import { buildFingerprint, FINGERPRINT_FILE, isBuildCurrent } from "./lib/build-fingerprint";
import { authSecret, dataDir, prepareDatabase, root } from "./lib/prepare";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const say = (line: string) => process.stdout.write(`[coalition] ${line}\n`);

function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false)).once("listening", () => server.close(() => resolve(true)));
    server.listen(p, "0.0.0.0");
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  const started = Date.now();
  if (!(await portIsFree(port))) {
    say(`Port ${port} is in use. Stop what is using it, or choose another port: PORT=3100 npm start`);
    process.exit(1);
  }
  mkdirSync(path.dirname(dataDir()), { recursive: true });
  const pgLog = createWriteStream(path.join(path.dirname(dataDir()), "postgres.log"), { flags: "a" });
  say(process.env.DATABASE_URL ? "Using the database at DATABASE_URL" : `Starting embedded PostgreSQL (data in ${path.relative(root, dataDir()) || dataDir()})`);
  const database = await prepareDatabase({ log: (line) => pgLog.write(line + "\n") });
  say("Database migrated and demo data loaded");

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret(),
    PORT: String(port),
    NODE_ENV: dev ? "development" : "production",
  };

  if (!dev && !isBuildCurrent(root)) {
    say("Building the production app (first start, or the code changed)…");
    const code = await run(process.execPath, [nextBin, "build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" });
    if (code !== 0) {
      say("The build failed; see above.");
      await database.stop();
      process.exit(1);
    }
    writeFileSync(path.join(root, FINGERPRINT_FILE), buildFingerprint(root));
  }

  // The demo core-banking credit hook that cashback is sent to, unless a real one is configured.
  const coreBanking = env.COALITION_CORE_BANKING_URL ? null : await startDemoCoreBanking();
  if (coreBanking) env.COALITION_CORE_BANKING_URL = coreBanking.url;

  // The demo partner ledger that credits the demo partners' points (unless their URL was changed).
  // Secrets are encrypted with the key the web server and worker use (COALITION_ENCRYPTION_KEY, else AUTH_SECRET).
  process.env.AUTH_SECRET = env.AUTH_SECRET;
  const partnerSecret = randomBytes(24).toString("base64url");
  const partnerLedger = await startDemoPartnerLedger({ secret: partnerSecret, port: Number(process.env.COALITION_PARTNER_LEDGER_PORT ?? 0) });
  const client = createDb(database.url, { max: 1 });
  const demoPartners = await pointDemoPartnersAt(client.db, partnerLedger.url, partnerSecret).finally(() => client.sql.end({ timeout: 5 }));

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say("Stopping…");
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
    await coreBanking?.close();
    await partnerLedger.close();
    await database.stop();
    pgLog.end();
    say("Stopped.");
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const web = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], { stdio: ["ignore", "inherit", "inherit"], env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, COALITION_SERVICE: "worker" },
  });
  children.push(web, worker);
  for (const [name, child] of [["web server", web], ["worker", worker]] as const) {
    child.on("exit", (code) => {
      if (stopping) return;
      say(`The ${name} stopped unexpectedly (exit ${code}); stopping everything.`);
      void stop(1);
    });
  }

  const url = `http://localhost:${port}`;
  if (!(await waitForHttp(`${url}/sign-in`, 120_000))) {
    say("The web server did not answer within 2 minutes.");
    return stop(1);
  }
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  say(`Demo sign-ins (password for all: ${DEMO_PASSWORD})`);
  for (const user of DEMO_USERS) say(`  ${user.email.padEnd(width)}  ${user.role}`);
  if (coreBanking) say(`Demo core-banking credit hook (cashback): ${coreBanking.url}`);
  say(`Demo partner ledger (partner points): ${partnerLedger.url}${demoPartners > 0 ? ` — ${demoPartners} demo partner${demoPartners === 1 ? "" : "s"} credited through it` : ""}`);
  say("Press Ctrl-C to stop.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
