/** The p-th percentile (nearest rank) of some timings. */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
export const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

/**
 * Runs `count` calls of `call(i)` from `clients` concurrent callers; answers the latency of each (ms)
 * and the rate (calls/s) over the whole run.
 */
export async function runConcurrently(count: number, clients: number, call: (i: number) => Promise<unknown>): Promise<{ latencies: number[]; rate: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, rate: count / ((performance.now() - started) / 1000) };
}
