import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import { adminDashboard } from "../../src/core/use-cases/index.js";
import { createDashboard } from "../../src/web/app.js";
import { dashboardPath } from "../../src/web/context.js";
import { dashboardLinks } from "../../src/web/links.js";
import { dashboardListener } from "../../src/web/listener.js";
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
 * Serves `createDashboard` through `dashboardListener` on a node http server bound to
 * 127.0.0.1:0, with `deps.dashboard` pointing links at it — the same wiring the bot's HTTP
 * server uses, minus the bot.
 */
export async function startDashboard(p: Programme): Promise<DashboardServer> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  p.deps.dashboard = dashboardLinks(base);
  handler = dashboardListener(createDashboard({ deps: p.deps, base, secureCookies: false }));
  return {
    base,
    url: (communityId, sub = "") => `${base}${dashboardPath(communityId, sub)}`,
    async link(community) {
      const r = await adminDashboard(p.deps, { actor: p.actor(community, community.admin) });
      if (!r.ok) throw new Error(`admin dashboard refused: ${r.code}`);
      return r.value.link;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
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
