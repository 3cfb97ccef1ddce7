/**
 * `npm run bench` (part): member care on a large data set (issue 6).
 *  1. Member search as an agent types (2–6 characters of names, emails, phone digits, external ids): p50/p95 of searchMembers.
 *  2. The timeline of the member with ~100,000 entries: first page and a page 1,000 entries deep, all kinds and
 *     redemptions only: p50/p95 of listMemberTimeline in-process (at the database).
 *  3. The member page's server response over HTTP from the production build, signed in as a member-care user.
 * Uses the data set of `npm run bench:data` when there is one; otherwise builds a small one first (and says so).
 */
import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { searchMembers } from "@/lib/members/search";
import { listMemberTimeline, type TimelineKind } from "@/lib/members/timeline";
import { createUser } from "@/lib/users";
import { buildBenchDataset, openBenchServer, readDataset } from "../scripts/lib/bench-data/database";
import { ensureProductionBuild, startProductionServer } from "./lib/app";
import { signInOverHttp } from "./lib/session";
import { fmt, percentile } from "./lib/stats";

const SMALL = { members: 50_000, postings: 500_000, heavyTimelineEntries: 100_000 };
const PAGE = 25;
const DEPTH = 1_000;
const REPEAT = 50;
const USER = { email: "member-care@bench.local", password: "bench-password-1" };
const say = (line: string) => console.log(line);

async function timeMany(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}
const summary = (times: number[], goal: string) => `p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms  (goal ${goal})`;

/** What an agent types, 2 to 6 characters at a time, for members picked by a fixed rule. */
async function typedQueries(db: Db): Promise<string[]> {
  const rows = await db.execute<{ external_id: string; first_name: string; last_name: string; email: string; phone: string }>(sql`
    select external_id, first_name, last_name, email, phone from members where phone is not null order by md5(external_id) limit 60`);
  const fields = (r: (typeof rows)[number]) => [
    r.first_name.toLowerCase(),
    r.last_name.toLowerCase(),
    r.email,
    r.phone.replace(/^\+91 /, "").replace(/\D/g, ""),
    r.external_id.toLowerCase(),
    `${r.first_name} ${r.last_name}`.toLowerCase(),
  ];
  return rows.flatMap((r, i) => {
    const field = fields(r)[i % 6]!;
    return [2, 3, 4, 5, 6].map((n) => field.slice(0, n));
  });
}

/** Timings of the first page and of the page `DEPTH` entries deep (reached by following cursors). */
async function timeline(db: Db, memberId: string, kinds?: TimelineKind[]) {
  const first = await timeMany(REPEAT, () => listMemberTimeline(db, memberId, { limit: PAGE, kinds }));
  let cursor: string | null = null;
  for (let seen = 0; seen < DEPTH; seen += PAGE) {
    cursor = (await listMemberTimeline(db, memberId, { limit: PAGE, kinds, cursor })).nextCursor;
    if (!cursor) break;
  }
  const deep = cursor ? await timeMany(REPEAT, () => listMemberTimeline(db, memberId, { limit: PAGE, kinds, cursor })) : null;
  return { first, deep, cursor };
}

async function main() {
  const server = await openBenchServer();
  let closeDb = async () => {};
  try {
    let dataset = await readDataset(server.url);
    if (dataset) {
      say(`[bench] member care on the bench:data data set: ${fmt(dataset.counts.members ?? 0)} members, ${fmt(dataset.counts.postings ?? 0)} postings (seed ${dataset.seed}, built ${dataset.generatedAt})`);
    } else {
      say(`[bench] no bench:data data set: building a small one first (${fmt(SMALL.members)} members, ${fmt(SMALL.postings)} postings and a member with ${fmt(SMALL.heavyTimelineEntries)} timeline entries).`);
      say("[bench] for the full size: npm run bench:data -- --members 1000000 --postings 10000000");
      dataset = await buildBenchDataset(server, { ...SMALL, log: (line) => say(`[bench:data] ${line}`) });
    }
    const client = createDb(server.url, { max: 4 });
    closeDb = () => client.sql.end({ timeout: 5 });
    const { db } = client;
    const heavy = dataset.heavyMember;

    // 1. Search as the agent types.
    const queries = await typedQueries(db);
    for (const q of queries.slice(0, 30)) await searchMembers(db, q); // warm-up
    const search: number[] = [];
    for (const q of queries) search.push(...(await timeMany(1, () => searchMembers(db, q))));

    // 2. The long timeline, at the database.
    await timeMany(10, () => listMemberTimeline(db, heavy.id, { limit: PAGE })); // warm-up
    const all = await timeline(db, heavy.id);
    const redemptions = await timeline(db, heavy.id, ["redemption"]);

    // 3. The member page over HTTP.
    await ensureProductionBuild();
    const web = await startProductionServer(server.url);
    const http: { path: string; times: number[] | null; status: number }[] = [];
    try {
      await createUser(db, systemActor("bench"), { email: USER.email, name: "Bench member care", password: USER.password, roles: ["member_care"] }).catch((error: unknown) => {
        if (!(error instanceof Error && "code" in error && error.code === "email_taken")) throw error;
      });
      await web.waitUntilUp();
      const cookie = await signInOverHttp(web.base, USER.email, USER.password);
      const get = async (path: string) => {
        const res = await fetch(`${web.base}${path}`, { headers: { cookie }, redirect: "manual" });
        await res.text();
        return res.status;
      };
      const paths = [
        `/members/${heavy.id}`,
        `/members/${heavy.id}/timeline`,
        ...(all.cursor ? [`/members/${heavy.id}/timeline?cursor=${all.cursor}`] : []),
        `/members/${heavy.id}/timeline?kind=redemption`,
        `/members/search?q=${encodeURIComponent(heavy.externalId.slice(0, 8).toLowerCase())}`,
      ];
      for (const path of paths) {
        const status = await get(path);
        for (let i = 0; i < 4 && status === 200; i++) await get(path); // warm-up
        http.push({ path, status, times: status === 200 ? await timeMany(REPEAT, () => get(path)) : null });
      }
    } finally {
      await web.stop();
    }

    say(`Member care benchmark (${fmt(dataset.counts.members ?? 0)} members, ${fmt(dataset.counts.postings ?? 0)} postings; member ${heavy.externalId} with ${fmt(heavy.timelineEntries)} timeline entries)`);
    say(`  member search, ${queries.length} queries of 2–6 characters (names, emails, phone digits, external ids): ${summary(search, "p95 < 20 ms")}`);
    const line = (label: string, times: number[] | null) => say(`  ${label}: ${times ? summary(times, "p95 < 50 ms at the database") : `fewer than ${fmt(DEPTH)} entries`}`);
    line(`timeline first page (${PAGE} entries)`, all.first);
    line(`timeline page ${fmt(DEPTH)} entries deep`, all.deep);
    line("timeline first page, redemptions only", redemptions.first);
    line(`timeline page ${fmt(DEPTH)} entries deep, redemptions only`, redemptions.deep);
    for (const h of http) {
      const label = h.path.replace(heavy.id, "<id>").replace(/cursor=[^&]+/, `cursor=<${fmt(DEPTH)} entries deep>`);
      const goal = label.startsWith("/members/search") ? "none: the search box's endpoint, for comparison" : "p95 < 300 ms";
      say(`  GET ${label} (${REPEAT} requests, signed in as member care): ${h.times ? summary(h.times, goal) : `answered ${h.status}, not timed`}`);
    }
  } finally {
    await closeDb();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
