import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { OpsRoute } from "./health.js";

/**
 * Whether a route serves `path`: exactly, or — for a route ending in `{/*rest}` (path-to-regexp's
 * optional wildcard, as Bolt's custom routes read it) — the route's base and everything below.
 */
export function routeMatches(route: string, path: string): boolean {
  if (!route.endsWith(WILDCARD)) return route === path;
  const base = route.slice(0, -WILDCARD.length);
  return path === base || path.startsWith(`${base}/`);
}
const WILDCARD = "{/*rest}";

/** A small HTTP server for the ops routes and the dashboard (when the Slack receiver does not serve them). */
export class OpsServer {
  private server: Server | null = null;

  constructor(private readonly routes: readonly OpsRoute[]) {}

  /** Listens on `host:port` (0 picks a free port; read `port` after). */
  async start(port: number, host: string): Promise<void> {
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const route = this.routes.find((r) => routeMatches(r.path, path));
      if (!route) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      if (!route.method.includes(req.method ?? "GET")) return void res.writeHead(405, { allow: route.method.join(", ") }).end();
      route.handler(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
  }

  get port(): number | null {
    const a = this.server?.address();
    return a && typeof a === "object" ? (a as AddressInfo).port : null;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
