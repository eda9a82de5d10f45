import { hostname } from "node:os";
import { type PlatformAdapter, RoutingMessenger, RoutingProgramChannel } from "../app/adapter.js";
import { chosenAdapters, type Config } from "../config.js";
import type { Logger, Store } from "../core/ports/index.js";
import type { Deps } from "../core/use-cases/index.js";
import { Scheduler } from "../jobs/scheduler.js";
import { randomIds, systemClock } from "../runtime.js";
import type { SlackAdapterOptions } from "../slack/index.js";
import { GuardedStore } from "../store/guarded-store.js";
import { parseDatabaseUrl } from "../store/url.js";
import { CountingMessenger } from "./counting-messenger.js";
import { adminFactsOf, DashboardMount, dashboardBase } from "./dashboard.js";
import { OpsState, opsRoutes } from "./health.js";
import { PromMetrics } from "./metrics.js";
import { type OpenRetryOptions, openStoreWithRetry } from "./open-store.js";
import { OpsServer } from "./server.js";

export interface ServiceOptions {
  /** Overrides for the Slack adapter (tests: host and port 0). */
  slack?: Omit<SlackAdapterOptions, "customRoutes">;
  /** How opening the store is retried (tests: short waits, a signal). */
  retry?: OpenRetryOptions;
  /** Called as soon as the ops routes listen, before the database is opened (tests read the port). */
  onListening?: (service: { opsPort: number | null; state: OpsState }) => void;
}

/** A running Percolate: platforms connected, scheduler ticking, health and metrics served. */
export interface Service {
  readonly state: OpsState;
  readonly metrics: PromMetrics;
  readonly store: GuardedStore;
  readonly adapters: readonly PlatformAdapter[];
  readonly scheduler: Scheduler;
  /** Where /healthz, /readyz and /metrics answer: the separate ops server's port, or null when Slack's receiver serves them (or HTTP_PORT is empty). */
  readonly opsPort: number | null;
  /** The dashboard's base URL (its links start with it), or null when nothing serves HTTP. */
  readonly dashboardBase: string | null;
  /** Stops taking work, finishes what it holds, and closes everything. */
  stop(): Promise<void>;
}

/** The platform adapters the configuration asks for, loaded only when used. */
async function platformAdapters(config: Config, deps: Deps, slack: SlackAdapterOptions): Promise<PlatformAdapter[]> {
  const out: PlatformAdapter[] = [];
  for (const name of chosenAdapters(config)) {
    if (name === "slack") out.push((await import("../slack/index.js")).createSlackAdapter(config, deps, slack));
    if (name === "discord") out.push((await import("../discord/index.js")).createDiscordAdapter(config, deps));
  }
  return out;
}

/**
 * Starts Percolate as a service. The ops routes come first (on HTTP_PORT, unless Slack runs
 * over HTTP, whose receiver then serves them on PORT once it listens), so /healthz answers and
 * /readyz explains while the database is still being reached: opening it is retried with
 * backoff rather than crashing. Then the store (migrated, behind the fault guard), the
 * platforms and the scheduler.
 */
export async function startService(config: Config, log: Logger, opts: ServiceOptions = {}): Promise<Service> {
  const state = new OpsState();
  const metrics = new PromMetrics({ outbox: () => state.store?.outbox ?? null });
  const dashboard = new DashboardMount();
  const routes = [...opsRoutes(state, metrics), dashboard.route];
  const slackHttp = chosenAdapters(config).includes("slack") && !config.SLACK_APP_TOKEN;
  const ops = slackHttp || config.HTTP_PORT === null ? null : new OpsServer(routes);
  if (ops && config.HTTP_PORT !== null) {
    await ops.start(config.HTTP_PORT, config.HTTP_HOST);
    log.info({ port: ops.port, host: config.HTTP_HOST }, "health and metrics: /healthz /readyz /metrics");
  }
  opts.onListening?.({ opsPort: ops?.port ?? null, state });
  let inner: Store;
  try {
    inner = await openStoreWithRetry(config.DATABASE_URL, log, {
      ...opts.retry,
      onAttempt: (cause) => {
        state.opening = `unreachable: ${cause}`;
        opts.retry?.onAttempt?.(cause);
      },
    });
  } catch (e) {
    await ops?.stop();
    throw e;
  }
  const target = parseDatabaseUrl(config.DATABASE_URL);
  const store = new GuardedStore(inner, log, target.kind === "sqlite" ? { file: target.file } : {});
  state.store = store;
  state.opening = null;
  state.fault = () => store.fault();
  const deps: Deps = { store, clock: systemClock, ids: randomIds, log, metrics };
  const adapters = await platformAdapters(config, deps, { ...opts.slack, ...(slackHttp ? { customRoutes: routes } : {}) });
  state.adapters = adapters;
  // Setting the program channel (a command on any platform, or the dashboard's form) puts the front door up through its platform.
  deps.programChannel = new RoutingProgramChannel(adapters);
  const scheduler = new Scheduler(deps, new CountingMessenger(new RoutingMessenger(adapters), metrics), {
    cron: config.SCHEDULE_CRON,
    owner: `${hostname()}:${process.pid}`,
    // Each message is a round trip to the platform: eight at once (never two to the same people)
    // keep a round of every community from taking minutes to deliver.
    deliverConcurrency: config.DELIVER_CONCURRENCY,
  });
  deps.afterCommand = () => scheduler.soon();
  for (const a of adapters) await a.start();
  // The dashboard lives where HTTP is served: the ops server, else the Slack receiver; off with neither.
  const slackPort = slackHttp
    ? adapters.map((a) => ("port" in a && typeof a.port === "number" ? a.port : null)).find((p) => p !== null)
    : null;
  const served =
    ops?.port != null
      ? { host: config.HTTP_HOST, port: ops.port }
      : slackPort != null
        ? { host: opts.slack?.host ?? "127.0.0.1", port: slackPort }
        : null;
  const base = served ? dashboardBase(config.PUBLIC_URL, served.host, served.port) : null;
  if (base) {
    dashboard.open(deps, base, adminFactsOf(adapters));
    log.info({ url: `${base}/dashboard/` }, "admin dashboard served (links from admin dashboard)");
  }
  scheduler.start();
  if (slackHttp) log.info({ port: config.PORT }, "health and metrics on the Slack receiver: /healthz /readyz /metrics");
  return {
    state,
    metrics,
    store,
    adapters,
    scheduler,
    opsPort: ops?.port ?? null,
    dashboardBase: base,
    async stop() {
      // Leases left unreleased (the database is down) expire by themselves.
      await scheduler
        .stop()
        .catch((e: unknown) => log.warn({ err: e instanceof Error ? e.message : String(e) }, "could not release leases"));
      for (const a of adapters) await a.stop();
      await ops?.stop();
      await store.close();
    },
  };
}
