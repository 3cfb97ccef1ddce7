/**
 * The chaos test: 1,000 partner-points credits, a partner that fails 30 % of calls (503s, and
 * calls that hang past the timeout), and real worker processes killed (SIGKILL) and restarted during
 * the run. At the end every credit is posted or failed, and the partner's ledger holds exactly one
 * credit per posted fulfilment and none for a failed one.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";
import { makeMember, makeProgram } from "../support/ledger";
import { killOutboxWorker, startOutboxWorker, type OutboxWorker } from "@/scripts/lib/outbox-workers";
import { makeApiPartner, PARTNER_SECRET, pendingPartnerCredits } from "../support/partners";

const CREDITS = 1000;
// A partner timeout of 1 s (calls that hang are dropped unprocessed, after 1.5 s): a normal call on a
// loaded machine stays well inside it, so a timeout means "not credited". Short lease margin and backoff, so a killed worker's rows come back within seconds.
const WORKER_ENV = { COALITION_OUTBOX_LEASE_MARGIN_MS: "1500", COALITION_OUTBOX_BACKOFF_MS: "50", COALITION_OUTBOX_IDLE_MS: "100" };

let ledger: DemoPartnerLedger;
const workers: OutboxWorker[] = [];
beforeAll(async () => {
  ledger = await startDemoPartnerLedger({ secret: PARTNER_SECRET });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => killOutboxWorker(w)));
  await ledger.close();
});

const settled = async (partnerId: string) =>
  Object.fromEntries((await getDb().execute<{ state: string; n: string }>(sql`select state, count(*)::text as n from fulfilments where partner_id = ${partnerId} group by state`)).map((r) => [r.state, Number(r.n)]));

it("delivers 1,000 credits exactly once through failures, timeouts and killed workers", { timeout: 110_000 }, async () => {
  const started = Date.now();
  const program = await makeProgram();
  const partner = await makeApiPartner(program.id, { url: `${ledger.url}/SKY`, timeoutMs: 1000 });
  const member = await makeMember([program.id]);
  await pendingPartnerCredits(member.id, partner.id, CREDITS, 250);
  Object.assign(ledger.behaviour, { failShare: 0.15, timeoutShare: 0.18, hangMs: 1500, delayMs: 2 });

  workers.push(await startOutboxWorker(WORKER_ENV), await startOutboxWorker(WORKER_ENV));
  let kills = 0;
  let claimedAtKill = 0;
  for (let round = 0; round < 5; round++) {
    await new Promise((r) => setTimeout(r, 1200));
    const victim = workers.shift()!;
    const [{ n }] = (await getDb().execute<{ n: string }>(sql`select count(*)::text as n from outbox where done_at is null and available_at > now() and attempts > 0`)) as unknown as [{ n: string }];
    claimedAtKill += Number(n);
    await killOutboxWorker(victim);
    kills++;
    workers.push(await startOutboxWorker(WORKER_ENV));
  }

  while (Date.now() - started < 100_000) {
    const s = await settled(partner.id);
    if ((s.posted ?? 0) + (s.failed ?? 0) === CREDITS) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const s = await settled(partner.id);
  console.info(`chaos: ${JSON.stringify(s)} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${ledger.calls.length} partner calls, ${claimedAtKill} rows leased at the kills`);
  expect(kills).toBe(5);
  expect(claimedAtKill).toBeGreaterThan(0); // rows were leased (in flight or backing off) when workers died
  expect((s.posted ?? 0) + (s.failed ?? 0)).toBe(CREDITS);

  const rows = await getDb().execute<{ id: string; state: string; external_reference: string | null }>(sql`select id::text, state, external_reference from fulfilments where partner_id = ${partner.id}`);
  const creditsByFulfilment = new Map<string, number>();
  for (const c of ledger.credits.values()) creditsByFulfilment.set(c.fulfilmentId!, (creditsByFulfilment.get(c.fulfilmentId!) ?? 0) + 1);
  for (const f of rows) {
    if (f.state === "posted") {
      expect(creditsByFulfilment.get(f.id)).toBe(1);
      expect(ledger.credits.get(`partner-credit-${f.id}`)!.reference).toBe(f.external_reference);
    } else {
      expect(creditsByFulfilment.get(f.id)).toBeUndefined();
    }
  }
  expect(ledger.credits.size).toBe(s.posted);
  expect(ledger.balance(member.externalId, "SKY")).toBe(250 * s.posted!);
  // The partner really failed: many more calls than credits.
  expect(ledger.calls.filter((c) => c.path === "/SKY/credits").length).toBeGreaterThan(CREDITS * 1.2);
  expect(Date.now() - started).toBeLessThan(110_000);
});
