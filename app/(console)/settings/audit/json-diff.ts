export type DiffLine = { key: string; before?: string; after?: string; changed: boolean; inBefore: boolean; inAfter: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/**
 * The top-level keys of a before / after pair, each with its two values as formatted JSON and
 * whether it changed. Non-object states are compared as one value under "(value)".
 */
export function diffStates(before: unknown, after: unknown): DiffLine[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) {
    const b = hasBefore ? show(before) : undefined;
    const a = hasAfter ? show(after) : undefined;
    return [{ key: "(value)", before: b, after: a, changed: b !== a, inBefore: hasBefore, inAfter: hasAfter }];
  }
  const b = (hasBefore ? before : {}) as Record<string, unknown>;
  const a = (hasAfter ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => {
    const inBefore = key in b;
    const inAfter = key in a;
    const bv = inBefore ? show(b[key]) : undefined;
    const av = inAfter ? show(a[key]) : undefined;
    return { key, before: bv, after: av, changed: hasBefore && hasAfter ? bv !== av : false, inBefore, inAfter };
  });
}
