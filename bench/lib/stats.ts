/** The p-th percentile (nearest rank) of some timings. */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
export const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
