/** The cookies a response sets, as a Cookie header value (name=value; …). */
function cookiesOf(res: Response, previous = ""): string {
  const jar = new Map(previous ? previous.split("; ").map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as const) : []);
  for (const line of res.headers.getSetCookie()) {
    const pair = line.slice(0, line.indexOf(";"));
    jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/**
 * Signs in through Auth.js credentials over HTTP, as the sign-in form does: a CSRF token from
 * /api/auth/csrf, then the credentials callback. Answers the Cookie header of the session.
 */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  cookie = cookiesOf(res, cookie);
  if (!/session-token=/.test(cookie)) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.headers.get("location") ?? ""}`);
  return cookie;
}
