import type { Context, Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { FOREIGN_FORM } from "../text/dashboard.js";
import type { DashboardEnv, WebContext } from "./context.js";
import { refusalPage } from "./refusal.js";

/** Scripts, styles and images only from the dashboard itself; never framed; forms post only to it. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

/** The origin (scheme://host:port) of a base URL, or null when it is not one. */
function originOf(base: string): string | null {
  try {
    return new URL(base).origin;
  } catch {
    return null;
  }
}

/**
 * Headers on every dashboard answer (CSP, nosniff, a referrer of the origin only: never a path,
 * so never a sign-in token; not "no-referrer", with which browsers send `Origin: null` on every
 * form and the origin check below would refuse them all), pages never cached (assets set
 * their own long cache), and every POST checked for its origin: a form is accepted only when the
 * browser says it came from the dashboard's public origin (ctx.base) or the request's own origin.
 * The session cookie is SameSite=Lax as well, so a cross-site POST carries no session anyway.
 */
export function registerSecurity(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("content-security-policy", CONTENT_SECURITY_POLICY);
    c.res.headers.set("x-content-type-options", "nosniff");
    c.res.headers.set("referrer-policy", "strict-origin");
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  });
  app.use(
    "*",
    csrf({
      origin: (origin, c) => origin === originOf(ctx.base) || origin === new URL(c.req.url).origin,
      // Only the Origin header decides: Sec-Fetch-Site alone would also pass a same-site sibling.
      secFetchSite: () => false,
    }),
  );
  // Hono's csrf checks form bodies only (others need CORS, which we never grant); the dashboard
  // takes forms only, so any other POST is refused outright.
  app.use("*", async (c, next) => {
    if (c.req.method === "POST" && !FORM_TYPE.test(c.req.header("content-type") ?? "")) return foreignForm(c);
    await next();
  });
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status === 403) return foreignForm(c);
    ctx.deps.log.error({ err: err.message, path: c.req.path }, "dashboard request failed");
    return c.text("Something went wrong on our side. Try again in a moment.\n", 500);
  });
}

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

function foreignForm(c: Context<DashboardEnv>): Response | Promise<Response> {
  return refusalPage(c, FOREIGN_FORM, 403);
}
