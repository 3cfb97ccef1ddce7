/** Real outbox worker processes (scripts/outbox-worker.ts) that the chaos test and the benchmark start and kill. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type OutboxWorker = { child: ChildProcess; exited: Promise<number | null> };

/** Starts a worker on DATABASE_URL (or `env.DATABASE_URL`) and resolves once it delivers. */
export async function startOutboxWorker(env: Record<string, string> = {}): Promise<OutboxWorker> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "outbox-worker.ts")], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "error", COALITION_SERVICE: "worker", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("outbox worker ready")) resolve();
    });
    void exited.then((code) => reject(new Error(`The outbox worker exited (${code}) before it was ready`)));
  });
  return { child, exited };
}

/** Kills a worker as a crash would: no chance to finish its round. */
export async function killOutboxWorker(w: OutboxWorker, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill(signal);
  await w.exited;
}
