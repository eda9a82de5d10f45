import type { IncomingMessage, ServerResponse } from "node:http";
import type { PlatformAdapter } from "../app/adapter.js";
import type { Deps } from "../core/use-cases/index.js";
import { createDashboard } from "../web/app.js";
import type { AdminFactsLookup, WebContext } from "../web/context.js";
import { dashboardLinks } from "../web/links.js";
import { dashboardListener } from "../web/listener.js";
import type { OpsRoute } from "./health.js";
import { OpsServer } from "./server.js";

/** Bolt's custom routes match with path-to-regexp 8: /dashboard and everything below it. The ops server reads the same suffix as a prefix. */
export const DASHBOARD_ROUTE = "/dashboard{/*rest}";

/** The dashboard's public base: PUBLIC_URL, else the address this process listens on (local use). */
export function dashboardBase(publicUrl: string | undefined, host: string, port: number): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  const reachable = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/** Asks the adapter that owns the community (by id prefix); null when none can say. */
export function adminFactsOf(adapters: readonly PlatformAdapter[]): AdminFactsLookup {
  return async (communityId, memberId) => {
    const a = adapters.find((x) => communityId.startsWith(`${x.platform}:`));
    return (await a?.adminFacts?.(communityId, memberId)) ?? null;
  };
}

/**
 * The dashboard as one HTTP route, mounted before its dependencies exist (the ops routes
 * listen before the database is reached): it answers 503 until `open` gives it the deps and
 * the base, then serves the Hono app, and sets `deps.dashboard` so `admin dashboard` hands out
 * links under that base.
 */
export class DashboardMount {
  private listener: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;

  readonly route: OpsRoute = {
    path: DASHBOARD_ROUTE,
    method: ["GET", "HEAD", "POST"],
    handler: (req, res) => {
      if (this.listener) return this.listener(req, res);
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" }).end("The dashboard is starting.\n");
    },
  };

  open(deps: Deps, base: string, adminFacts?: AdminFactsLookup): WebContext {
    const ctx: WebContext = { deps, base, secureCookies: base.startsWith("https:"), ...(adminFacts ? { adminFacts } : {}) };
    this.listener = dashboardListener(createDashboard(ctx));
    deps.dashboard = dashboardLinks(base);
    return ctx;
  }
}

/**
 * The dashboard on its own small server (the shell, which runs no other HTTP): listens on
 * `port` (0 picks one) and sets `deps.dashboard`. When the port cannot be had (taken, not
 * allowed) it says why in the log and returns null: the caller runs on, with the dashboard off.
 */
export async function serveDashboard(
  deps: Deps,
  where: { port: number | null; host: string; publicUrl?: string | undefined },
): Promise<{ server: OpsServer; base: string } | null> {
  if (where.port === null) return null;
  const mount = new DashboardMount();
  const server = new OpsServer([mount.route]);
  try {
    await server.start(where.port, where.host);
  } catch (e) {
    deps.log.warn({ err: e instanceof Error ? e.message : String(e), port: where.port }, "dashboard off: could not listen");
    return null;
  }
  const base = dashboardBase(where.publicUrl, where.host, server.port ?? where.port);
  mount.open(deps, base);
  return { server, base };
}
