/** The URL for the same list with some query parameters changed (undefined or "" removes one). */
export function hrefWith(pathname: string, params: Record<string, string | undefined>, changes: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== "") search.set(key, value);
  }
  const query = search.toString();
  return query ? `${pathname}?${query}` : pathname;
}
