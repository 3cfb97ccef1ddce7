import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** CPU (user + system) a process has used so far, in ms; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** A process and all its descendants' CPU so far, in ms (a server that forks workers counts them too). */
export function processTreeCpuMs(pid: number): number {
  let total = processCpuMs(pid);
  let children: string[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) children.push(...readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(" ").filter(Boolean));
  } catch {
    children = [];
  }
  for (const child of new Set(children)) total += processTreeCpuMs(Number(child));
  return total;
}

/** The CPU the database's client backends have used so far, by pid (read on this machine's /proc). */
export async function backendsCpu(db: Db): Promise<Map<number, number>> {
  const rows = await db.execute<{ pid: number }>(sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`);
  return new Map(rows.map((r) => [Number(r.pid), processCpuMs(Number(r.pid))]));
}

/** CPU the backends used between two readings, in ms (backends that started meanwhile count from zero). */
export function backendsCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
