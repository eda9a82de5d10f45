import { adminDashboard, type Actor } from "../../src/core/use-cases/index.js";
import { createDashboard } from "../../src/web/app.js";
import type { AdminFactsLookup, WebContext } from "../../src/web/context.js";
import { dashboardLinks } from "../../src/web/links.js";
import { makeVolunteer, unwrap, world } from "../core/use-cases/helpers.js";

/** The dashboard's public base in these tests: requests go to it, and forms come from it. */
export const BASE = "http://dash.test";

/**
 * A community on the in-memory store (or the one given), its dashboard app, and an admin who
 * can ask for links and sign in through real requests.
 */
export async function dashboardWorld(
  opts: Parameters<typeof world>[0] & { secureCookies?: boolean; adminFacts?: AdminFactsLookup; unnamed?: boolean } = {},
) {
  const w = world(opts);
  w.deps.dashboard = dashboardLinks(BASE);
  const ctx: WebContext = {
    deps: w.deps,
    base: BASE,
    secureCookies: opts.secureCookies ?? false,
    ...(opts.adminFacts ? { adminFacts: opts.adminFacts } : {}),
  };
  const app = createDashboard(ctx);
  const ada: Actor = { ...(await makeVolunteer(w, "ada", "python")), platformAdmin: true };
  // A community has its platform's name (a workspace's or server's); `unnamed` keeps it known by its id only, as in the shell.
  const name = opts.unnamed ? "your community" : "Test Circle";
  if (!opts.unnamed)
    await w.store.tx(async (tx) => {
      const c = await tx.getCommunity(w.communityId);
      if (c) await tx.saveCommunity({ ...c, name });
    });

  /** A fresh one-time link for `actor` (Ada by default), as `admin dashboard` gives it. */
  const link = async (actor: Actor = ada) => new URL(unwrap(await adminDashboard(w.deps, { actor })).link);

  /** A request to the dashboard, at its public origin; forms carry that Origin unless told otherwise. */
  const send = (path: string, init: { method?: string; cookie?: string; form?: Record<string, string>; origin?: string | null } = {}) => {
    const headers: Record<string, string> = {};
    if (init.cookie) headers.cookie = init.cookie;
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    if (init.origin !== null && (init.form || init.method === "POST")) headers.origin = init.origin ?? BASE;
    return app.request(`${BASE}${path}`, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
  };

  /** Posts a link's token from its confirm page: the answer, and the cookie it set ("name=value"). */
  const signInWith = async (url: URL) => {
    const res = await send(url.pathname, { form: { token: url.searchParams.get("token") ?? "" } });
    const setCookie = res.headers.get("set-cookie") ?? "";
    return { res, setCookie, cookie: setCookie.split(";")[0] ?? "" };
  };

  /** Ada signed in: her session cookie. */
  const signIn = async (actor: Actor = ada) => (await signInWith(await link(actor))).cookie;

  return { ...w, ctx, app, ada, name, link, send, signInWith, signIn };
}

/** The readable text of an HTML page: tags dropped, entities of names decoded, spaces squeezed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
