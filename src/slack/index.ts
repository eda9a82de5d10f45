import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type CustomRoute, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from "@slack/bolt";
import type { PlatformAdapter } from "../app/adapter.js";
import { Intake } from "../app/intake.js";
import { WorkQueue } from "../app/work-queue.js";
import { type Config, slackOAuth } from "../config.js";
import type { Deps } from "../core/use-cases/index.js";
import { SlackDirectory } from "./actor.js";
import { communityOf, userOf } from "./ids.js";
import { boltLogger } from "./bolt-logger.js";
import type { SlackContext } from "./context.js";
import { type ClientsFor, webClientsWith, workspaceClients } from "./install/clients.js";
import { oauthReceiverOptions } from "./install/oauth.js";
import { fixedToken, InstalledTokens, type SlackTokens } from "./install/tokens.js";
import { registerListeners } from "./listeners/index.js";
import { SlackMessenger } from "./messenger.js";
import { SlackProgramChannel } from "./program-channel.js";
import { EVENTS_PATH, makeReceiver } from "./receiver.js";
import { guardReceiver } from "./webhook/guard.js";
import { guardSocketEvents } from "./webhook/socket.js";

export interface SlackAdapterOptions {
  /** Where the HTTP receiver listens; 127.0.0.1 in tests. All interfaces by default. */
  host?: string;
  /** Overrides config.PORT (0 picks a free port; read `port` after start). */
  port?: number;
  /** How the Web API client retries 5xx and timeouts; a few quick tries by default. */
  retryConfig?: webApi.RetryOptions;
  /** Per-call timeout for the Web API, in ms. */
  timeoutMs?: number;
  /** How many commands' work runs at once after their acks (1 on SQLite, where a use case is CPU work in this process; 8 on PostgreSQL). */
  concurrency?: number;
  /** How long a kept request stays with this process before another may take it over (ms); INBOX_LEASE_SECONDS by default. */
  inboxLeaseMs?: number;
  /** Bolt's own log level (its messages go through Percolate's logger). */
  boltLogLevel?: LogLevel;
  /** Extra HTTP routes the receiver serves beside /slack/events (health and metrics); HTTP mode only. */
  customRoutes?: CustomRoute[];
  /** The clock request timestamps are checked against (the wall clock by default). */
  now?: () => number;
  /** "Add to Slack": Slack's authorize page the install route redirects to (a fake's in tests). */
  authorizationUrl?: string;
}

const BOLT_LEVEL: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

/**
 * Percolate on Slack through Bolt: HTTP with signature verification on PORT (/slack/events),
 * or Socket Mode when SLACK_APP_TOKEN is set. Every Web API call, the app token's included,
 * goes to SLACK_API_URL. Each request acts in its own workspace's community (team id).
 * One workspace runs on SLACK_BOT_TOKEN; with SLACK_CLIENT_ID (and its companions) any number
 * of workspaces install it with "Add to Slack" (/slack/install), and every call for a
 * workspace uses that workspace's own token (src/slack/install).
 */
export class SlackAdapter implements PlatformAdapter {
  readonly platform = "slack" as const;
  readonly messenger: SlackMessenger;
  /** Posts, updates and pins the front door in a workspace's program channel. */
  readonly programChannel: SlackProgramChannel;
  readonly app: App;
  /** Where requests are kept before their ack and run from; `idle()`/`stop()` wait for it. */
  readonly intake: Intake;
  private readonly queue: WorkQueue;
  private server: Server | null = null;
  private readonly socketMode: boolean;
  private readonly deps: Deps;
  private readonly directory: SlackDirectory;
  private socketUp = false;
  /** Each workspace's bot token: the configured one, or its installation's. */
  readonly tokens: SlackTokens;
  /** Each workspace's Web API clients, with its token. */
  readonly clients: ClientsFor;

  constructor(
    private readonly config: Config,
    deps: Deps,
    private readonly opts: SlackAdapterOptions = {},
  ) {
    const token = config.SLACK_BOT_TOKEN;
    const oauth = slackOAuth(config);
    if (!token && !oauth)
      throw new Error(
        'SLACK_BOT_TOKEN: set it to the bot token (xoxb-…) from your Slack app\'s OAuth & Permissions page, or set SLACK_CLIENT_ID for "Add to Slack"',
      );
    const clientOptions: webApi.WebClientOptions = {
      slackApiUrl: config.SLACK_API_URL,
      retryConfig: opts.retryConfig ?? { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8_000, randomize: true },
      timeout: opts.timeoutMs ?? 10_000,
    };
    const logLevel = opts.boltLogLevel ?? BOLT_LEVEL[config.LOG_LEVEL] ?? LogLevel.ERROR;
    this.socketMode = config.SLACK_APP_TOKEN !== undefined;
    const logger = boltLogger(deps.log, logLevel);
    const install = oauth
      ? oauthReceiverOptions(config, deps, {
          clientOptions: { ...clientOptions, logger },
          ...(opts.authorizationUrl ? { authorizationUrl: opts.authorizationUrl } : {}),
          onStored: ({ installation }) => this.tokens.forget(installation.team?.id),
        })
      : null;
    const receiver = makeReceiver({
      config,
      logger,
      logLevel,
      socketClientOptions: clientOptions,
      customRoutes: opts.customRoutes,
      oauth: install?.options,
    });
    if (receiver instanceof SocketModeReceiver) {
      receiver.client.on("connected", () => {
        this.socketUp = true;
      });
      receiver.client.on("disconnected", () => {
        this.socketUp = false;
      });
    }
    if (receiver instanceof HTTPReceiver)
      guardReceiver(receiver, {
        signingSecret: config.SLACK_SIGNING_SECRET ?? "",
        endpoints: [EVENTS_PATH],
        log: deps.log,
        ...(opts.now ? { now: opts.now } : {}),
      });
    // No conversation store: Percolate keeps its own state, and Bolt's costs time on every request.
    // In "Add to Slack" mode the App has no token of its own: Bolt authorizes each request from its installation.
    this.app = new App({
      ...(token ? { token } : {}),
      receiver,
      clientOptions,
      logger,
      logLevel,
      convoStore: false,
      ...(this.socketMode ? { socketMode: true, appToken: config.SLACK_APP_TOKEN } : {}),
    });
    if (this.socketMode) guardSocketEvents(this.app, deps.log);
    // Listener arguments' `client` is the App's own in single-token mode: its 429s count too.
    this.app.client.on(webApi.WebClientEvent.RATE_LIMITED, () => deps.metrics?.rateLimited("slack"));
    this.deps = deps;
    this.queue = new WorkQueue(opts.concurrency ?? (config.DATABASE_URL.startsWith("postgres") ? 8 : 1), deps.log);
    this.intake = new Intake({ deps, queue: this.queue, name: "slack", leaseMs: opts.inboxLeaseMs ?? config.INBOX_LEASE_SECONDS * 1000 });
    const installer = receiver instanceof HTTPReceiver ? receiver.installer : undefined;
    if (!token && !installer) throw new Error('SLACK_APP_TOKEN: unset it — "Add to Slack" needs the HTTP receiver, not Socket Mode');
    this.tokens = token ? fixedToken(token) : new InstalledTokens(installer as NonNullable<typeof installer>, deps);
    // One client pair per workspace: Slack's rate limits are per workspace, and a client pauses its queue on a 429.
    this.clients = workspaceClients(
      this.tokens,
      webClientsWith({ ...clientOptions, logger }, () => deps.metrics?.rateLimited("slack")),
    );
    this.messenger = new SlackMessenger(this.clients, deps.log);
    this.programChannel = new SlackProgramChannel(this.clients);
    const clientFor = async (teamId: string) => (await this.clients(teamId)).client;
    this.directory = new SlackDirectory(clientFor, deps.log);
    const ctx: SlackContext = {
      deps,
      log: deps.log,
      directory: this.directory,
      later: (what, work) => this.queue.later(what, work),
      intake: this.intake,
      clientFor,
      tokens: this.tokens,
    };
    registerListeners(this.app, ctx);
    this.app.error(async (e) => {
      // No installation for the workspace: the receiver answers it in words (install/not-installed.ts).
      if (install && e.code === "slack_bolt_authorization_error") throw e;
      deps.log.error({ err: e.message, code: e.code }, "slack listener failed");
    });
  }

  /** The HTTP receiver's port once started (null in Socket Mode). */
  get port(): number | null {
    const a = this.server?.address();
    return a && typeof a === "object" ? (a as AddressInfo).port : null;
  }

  /** Resolves when all work started after acks so far has finished (tests, graceful stop). */
  async idle(): Promise<void> {
    await this.intake.idle();
    await this.queue.idle();
  }

  /** Starts receiving, then answers what a stopped process had acknowledged and not answered. */
  async start(): Promise<void> {
    if (this.socketMode) await this.app.start();
    else {
      const port = this.opts.port ?? this.config.PORT;
      const started: unknown = await this.app.start(this.opts.host ? { port, host: this.opts.host } : port);
      this.server = started as Server;
      this.timeAcks(this.server);
    }
    await this.intake.start();
  }

  /** A Slack member's admin flag now (users.info, cached for an hour); null for another platform's ids or when Slack can't say. */
  async adminFacts(communityId: string, memberId: string): Promise<{ platformAdmin: boolean; roles: string[] } | null> {
    const who = userOf(memberId);
    if (!who || communityOf(who.teamId) !== communityId) return null;
    return this.directory.facts(who.teamId, who.userId);
  }

  /** Whether Slack can reach us: the HTTP receiver listening, or the Socket Mode connection up. */
  connected(): boolean {
    return this.socketMode ? this.socketUp : this.server?.listening === true;
  }

  /** Ack latency as Slack sees it: from a request to /slack/events arriving to its response being sent. */
  private timeAcks(server: Server): void {
    const metrics = this.deps.metrics;
    if (!metrics) return;
    server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== "POST" || !req.url?.startsWith(EVENTS_PATH)) return;
      const began = performance.now();
      res.once("finish", () => {
        if (res.statusCode === 200) metrics.acked("slack", (performance.now() - began) / 1000);
      });
    });
  }

  /** Stops receiving (new requests are refused, so Slack retries them elsewhere), then finishes every kept request this process holds. */
  async stop(): Promise<void> {
    await this.app.stop();
    await this.intake.stop();
    this.server = null;
  }
}

/** The Slack adapter for `npm start`. */
export function createSlackAdapter(config: Config, deps: Deps, opts: SlackAdapterOptions = {}): SlackAdapter {
  return new SlackAdapter(config, deps, opts);
}
