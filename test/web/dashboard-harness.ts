import type { BrowserContext, Page } from "playwright-core";
import { adminDashboard } from "../../src/core/use-cases/index.js";
import { serveDashboard } from "../../src/ops/dashboard.js";
import { dashboardPath } from "../../src/web/context.js";
import type { BrowserGlobals } from "./dom.js";
import type { Programme } from "./program-seed.js";

/** The real dashboard app over the seeded programme, on a loopback port. */
export interface DashboardServer {
  /** http://127.0.0.1:<port>, what PUBLIC_URL would be. */
  base: string;
  /** The full URL of a page of a community's dashboard (`sub`: "", "queue", "settings", …). */
  url(communityId: string, sub?: string): string;
  /** A fresh one-time sign-in link for the community's admin, as `admin dashboard` replies with it. */
  link(community: { id: string; admin: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Serves the dashboard the way the shell does (`serveDashboard`: the ops server with the
 * dashboard mounted, on 127.0.0.1 and a free port), which also points `deps.dashboard`'s links
 * at it — the running service's wiring, minus the bot.
 */
export async function startDashboard(p: Programme): Promise<DashboardServer> {
  const served = await serveDashboard(p.deps, { port: 0, host: "127.0.0.1" });
  if (!served) throw new Error("the dashboard could not listen on 127.0.0.1");
  const { server, base } = served;
  return {
    base,
    url: (communityId, sub = "") => `${base}${dashboardPath(communityId, sub)}`,
    async link(community) {
      const r = await adminDashboard(p.deps, { actor: p.actor(community, community.admin) });
      if (!r.ok) throw new Error(`admin dashboard refused: ${r.code}`);
      return r.value.link;
    },
    close: () => server.stop(),
  };
}

/**
 * Opens a sign-in link and confirms it (the confirm page's one button), as an admin does; resolves
 * once the overview has loaded.
 */
export async function signIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith("/signin")), page.locator("main form button[type=submit]").click()]);
}

/** A fresh browser context signed in to `community`'s dashboard, and its first page (the overview). */
export async function signedIn(
  newContext: () => Promise<BrowserContext>,
  server: DashboardServer,
  community: { id: string; admin: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext();
  const page = await context.newPage();
  await signIn(page, await server.link(community));
  return { context, page };
}

/** The text of every cell of a table, row by row (header rows included), whitespace collapsed. */
export function tableText(page: Page, selector: string): Promise<string[][]> {
  return page.evaluate((sel) => {
    const rows = Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll(`${sel} tr`));
    return rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()));
  }, selector);
}
