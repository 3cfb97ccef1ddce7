/**
 * Where to go after signing in: only a path on this site ("/members?q=1"), never another origin
 * ("//evil.example", "https://…", "/\\evil"), and never back to the sign-in page.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  try {
    const url = new URL(value, "http://coalition.invalid");
    if (url.origin !== "http://coalition.invalid" || url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
