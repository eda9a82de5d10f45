import type { IncomingMessage, ServerResponse } from "node:http";
import type { PlatformAdapter } from "../app/adapter.js";
import type { Store } from "../core/ports/index.js";
import type { PromMetrics } from "./metrics.js";

/** One readiness check: passing or not, with a line saying why. */
export interface Check {
  ok: boolean;
  detail: string;
}

/** A route in Bolt's CustomRoute shape, so the Slack receiver can serve it too. */
export interface OpsRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** How long the database check may take before it counts as unreachable. */
const DB_CHECK_MS = 2_000;

/**
 * What the health routes look at, filled in as the process starts: the store once it is open
 * and migrated (null before, with the last reason it could not be opened), the platform
 * adapters, and the store's current fault (a read-only or full disk, a replaced file).
 */
export class OpsState {
  store: Store | null = null;
  /** Why the store is not open yet (the last start-up error), or null. */
  opening: string | null = "opening the database";
  adapters: PlatformAdapter[] = [];
  /** The store's current fault as one line, or null when it works. */
  fault: () => string | null = () => null;

  /** Database reachable, migrations done, each platform connected. */
  async readiness(): Promise<{ ready: boolean; checks: Record<string, Check> }> {
    const checks: Record<string, Check> = {
      database: await this.database(),
      migrations: this.store ? { ok: true, detail: "applied" } : { ok: false, detail: "waiting for the database" },
    };
    for (const a of this.adapters) {
      const up = a.connected?.() ?? true;
      checks[a.platform] = { ok: up, detail: up ? "connected" : "not connected" };
    }
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }

  private async database(): Promise<Check> {
    const store = this.store;
    if (!store) return { ok: false, detail: this.opening ?? "not open" };
    const fault = this.fault();
    if (fault) return { ok: false, detail: fault };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DB_CHECK_MS} ms`)), DB_CHECK_MS);
    });
    try {
      await Promise.race([store.outbox.stats(), late]);
      return { ok: true, detail: "reachable" };
    } catch (e) {
      return { ok: false, detail: `unreachable: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` };
    } finally {
      clearTimeout(timer);
    }
  }
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(`${JSON.stringify(body)}\n`);
};

/** The paths the ops routes answer; the Dockerfile's HEALTHCHECK uses HEALTH_PATH. */
export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";
export const METRICS_PATH = "/metrics";

/**
 * `/healthz` (the process is alive and its event loop answers: always 200), `/readyz` (200
 * when every check passes, else 503; the body lists each check) and `/metrics` (Prometheus
 * text format).
 */
export function opsRoutes(state: OpsState, metrics: PromMetrics): OpsRoute[] {
  const method = ["GET", "HEAD"];
  return [
    { path: HEALTH_PATH, method, handler: (_req, res) => json(res, 200, { status: "ok" }) },
    {
      path: READY_PATH,
      method,
      handler: (_req, res) =>
        void state.readiness().then(
          (r) => json(res, r.ready ? 200 : 503, { status: r.ready ? "ready" : "not ready", checks: r.checks }),
          (e: unknown) => json(res, 503, { status: "not ready", error: e instanceof Error ? e.message : String(e) }),
        ),
    },
    {
      path: METRICS_PATH,
      method,
      handler: (_req, res) =>
        void metrics.scrape().then(
          ({ contentType, body }) => {
            res.writeHead(200, { "content-type": contentType });
            res.end(body);
          },
          (e: unknown) => {
            res.writeHead(500, { "content-type": "text/plain" });
            res.end(`metrics unavailable: ${e instanceof Error ? e.message : String(e)}\n`);
          },
        ),
    },
  ];
}
