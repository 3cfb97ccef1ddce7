/**
 * `npm run bench:data -- --members 1000000 --postings 10000000 [--seed 42] [--heavy-entries 100000] [--force]`
 *
 * Builds the benchmark data set (scripts/lib/bench-data) into a persistent database: an embedded
 * PostgreSQL under `.bench-data/`, or the database `coalition_bench` on DATABASE_URL's server.
 * The same options give the same data. A data set already built with the same options is kept
 * unless --force.
 */
import { parseArgs } from "node:util";
import { buildBenchDataset, openBenchServer, readDataset } from "./lib/bench-data/database";
import { DEFAULT_SEED } from "./lib/bench-data/generate";

const say = (line: string) => process.stdout.write(`[bench:data] ${line}\n`);

function whole(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll("_", "").replaceAll(",", ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got ${value})`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      members: { type: "string" },
      postings: { type: "string" },
      seed: { type: "string" },
      "heavy-entries": { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  const options = {
    members: whole(values.members, "members", 1_000_000),
    postings: whole(values.postings, "postings", 10_000_000),
    seed: whole(values.seed, "seed", DEFAULT_SEED),
    heavyTimelineEntries: whole(values["heavy-entries"], "heavy-entries", 100_000),
  };
  const started = performance.now();
  const server = await openBenchServer();
  say(server.embedded ? `embedded PostgreSQL, data in .bench-data/pg (database ${new URL(server.url).pathname.slice(1)})` : `database ${new URL(server.url).pathname.slice(1)} on DATABASE_URL's server`);
  try {
    const existing = await readDataset(server.url);
    if (existing && !values.force && existing.seed === options.seed && existing.members === options.members && existing.postingsTarget === options.postings) {
      say(`already built with these options on ${existing.generatedAt} (use --force to rebuild)`);
      report(existing);
      return;
    }
    const clock = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`;
    const dataset = await buildBenchDataset(server, { ...options, log: (line) => say(`${clock()}  ${line}`) });
    report(dataset);
    say(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await server.stop();
  }
}

function report(dataset: Awaited<ReturnType<typeof readDataset>> & object) {
  const n = (v: number) => v.toLocaleString("en-US");
  say(`seed ${dataset.seed}: ${n(dataset.counts.members ?? 0)} members, ${n(dataset.counts.postings ?? 0)} postings, ${n(dataset.counts.journal_entries ?? 0)} journal entries`);
  for (const [table, count] of Object.entries(dataset.counts)) say(`  ${table.padEnd(20)} ${n(count).padStart(16)}`);
  say(`member with the long timeline: ${dataset.heavyMember.id} (external id ${dataset.heavyMember.externalId}), ${n(dataset.heavyMember.timelineEntries)} timeline entries`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
