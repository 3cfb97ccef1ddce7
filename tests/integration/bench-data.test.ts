import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db";
import { checkLedgerIntegrity } from "@/lib/ledger/health";
import { listMemberTimeline } from "@/lib/members/timeline";
import { searchMembers } from "@/lib/members/search";
import { datasetCounts, generateBenchData, type BenchDataset } from "@/scripts/lib/bench-data/generate";

const TINY = { members: 200, postings: 3_000, heavyTimelineEntries: 400, seed: 7 };
const admin = postgres(inject("adminUrl"), { max: 1, onnotice: () => {} });
const extra: string[] = [];

/** Another empty, migrated database on the test server (copied from the template). */
async function freshDatabase(): Promise<string> {
  const name = `coalition_benchdata_${process.pid}_${extra.length}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.unsafe(`create database "${name}" template "${inject("templateDatabase")}"`);
  extra.push(name);
  const url = new URL(inject("adminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function countsOf(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await datasetCounts(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

afterAll(async () => {
  for (const name of extra) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe("bench data set", () => {
  let dataset: BenchDataset;

  it("builds a ledger the integrity check passes, with every kind of history and a member with a long timeline", async () => {
    dataset = await generateBenchData(process.env.DATABASE_URL!, TINY);
    const report = await checkLedgerIntegrity(getDb());
    expect(report).toMatchObject({ ok: true, unbalancedEntries: 0, balanceMismatches: 0, lotMismatches: 0, lotMovementMismatches: 0 });

    const c = dataset.counts;
    const [generated] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from members where external_id like 'CUST-2%'`);
    expect(generated!.n).toBe(TINY.members); // besides the demo seed's members
    expect(c.postings).toBeGreaterThan(TINY.postings * 0.8);
    expect(c.postings).toBeLessThan(TINY.postings * 1.2);
    for (const kind of ["transactions", "fulfilments", "fulfilment_events", "redemptions", "group_redemptions", "transfers", "expiries", "lot_movements"]) {
      expect(c[kind], kind).toBeGreaterThan(0);
    }
    expect(c.member_tier_changes).toBeGreaterThanOrEqual(c.member_programs!); // one 'Enrolled' row per enrolment, and upgrades
    expect(dataset.heavyMember.timelineEntries).toBeGreaterThan(TINY.heavyTimelineEntries * 0.9);
    expect(dataset.heavyMember.timelineEntries).toBeLessThan(TINY.heavyTimelineEntries * 1.1);

    // The app reads it: the member is found by external id and their timeline pages through to the end.
    const [found] = await searchMembers(getDb(), dataset.heavyMember.externalId.toLowerCase());
    expect(found?.id).toBe(dataset.heavyMember.id);
    let seen = 0;
    let cursor: string | null = null;
    do {
      const page = await listMemberTimeline(getDb(), dataset.heavyMember.id, { limit: 100, cursor });
      seen += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toBe(dataset.heavyMember.timelineEntries);
  });

  it("is the same data for the same seed, and other data for another seed", async () => {
    const again = await freshDatabase();
    const same = await generateBenchData(again, TINY);
    expect(await countsOf(again)).toEqual(dataset.counts);
    expect(same.heavyMember).toEqual(dataset.heavyMember);

    const other = await freshDatabase();
    await generateBenchData(other, { ...TINY, seed: 8 });
    const otherCounts = await countsOf(other);
    expect(otherCounts.sum_lifetime).not.toBe(dataset.counts.sum_lifetime);
  });
});
