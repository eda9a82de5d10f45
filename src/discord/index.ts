import { Client, GatewayIntentBits, Events, REST, RESTEvents } from "discord.js";
import { discordAdminFacts } from "./admin-facts.js";
import type { PlatformAdapter } from "../app/adapter.js";
import type { Intake } from "../app/intake.js";
import type { Config } from "../config.js";
import type { Deps } from "../core/use-cases/index.js";
import { reconcileGuilds, watchGuilds } from "./guilds.js";
import { guardInteractions } from "./inbound.js";
import { InteractionRouter } from "./interactions.js";
import { DiscordMessenger } from "./messenger.js";
import { DiscordProgramChannel } from "./program-channel.js";

export { DiscordMessenger, nonceOf } from "./messenger.js";
export { registerCommands, coffeeCommand } from "./commands.js";
export { parseSlash, parseForm } from "./parse.js";

export interface DiscordAdapterOptions {
  /** Guild id → the channel where pair threads open. A guild without one uses its system channel. */
  pairChannels?: Readonly<Record<string, string>>;
  /** Defer an interaction when its answer is not ready by then (ms). */
  deferAfterMs?: number;
  /** Commands worked on at once: 2 on SQLite (a use case is CPU work in this process), 8 on PostgreSQL (mostly waiting on the database), as on Slack. */
  concurrency?: number;
  /** How long a kept interaction stays with this process before another may take it over (ms); INBOX_LEASE_SECONDS by default. */
  inboxLeaseMs?: number;
}

/** "guild:channel,guild:channel" → a map; malformed entries are skipped. */
export function parsePairChannels(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? "").split(",")) {
    const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(part);
    if (m?.[1] && m[2]) out[m[1]] = m[2];
  }
  return out;
}

/** The Discord adapter, with its messenger exposed for the scheduler and its counters. */
export interface DiscordAdapter extends PlatformAdapter {
  readonly platform: "discord";
  readonly messenger: DiscordMessenger;
  /** Posts, edits and pins the front door in a guild's program channel. */
  readonly programChannel: DiscordProgramChannel;
  readonly client: Client;
  /** Where interactions are kept before they are acknowledged (recovery, draining). */
  readonly intake: Intake;
}

/**
 * The Discord adapter (discord.js): slash commands, buttons, menus, forms and autocomplete
 * through the core, and the Messenger over REST. Uses only the non-privileged Guilds intent;
 * interactions arrive regardless of intents. One process serves every guild that installed
 * the bot, each its own community. `DISCORD_API_URL` moves REST (and so the gateway lookup).
 */
export function createDiscordAdapter(config: Config, deps: Deps, options: DiscordAdapterOptions = {}): DiscordAdapter {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error("DISCORD_TOKEN: set it to your bot's token (Developer Portal → Bot → Reset Token)");
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_URL } });
  client.rest.setToken(token);
  const pairChannels = options.pairChannels ?? parsePairChannels(config.DISCORD_PAIR_CHANNELS);
  const messenger = new DiscordMessenger({
    rest: client.rest,
    store: deps.store,
    log: deps.log,
    clock: deps.clock,
    // The community's own setting (admin settings pairChannelId) wins, then the deployment's map, then the guild's system channel.
    pairChannel: async (guildId) =>
      (await deps.store.tx((tx) => tx.getCommunity(`discord:${guildId}`)))?.settings.pairChannelId ??
      pairChannels[guildId] ??
      client.guilds.cache.get(guildId)?.systemChannelId ??
      null,
  });
  const hookRest = new REST({ api: config.DISCORD_API_URL, globalRequestsPerSecond: 10_000 });
  const router = new InteractionRouter({
    deps,
    messenger,
    hookRest,
    rest: client.rest,
    log: deps.log,
    leaseMs: options.inboxLeaseMs ?? config.INBOX_LEASE_SECONDS * 1000,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    concurrency: options.concurrency ?? (config.DATABASE_URL.startsWith("postgres") ? 8 : 2),
  });
  watchRest(client, hookRest, deps);
  // Unreadable payloads are refused before discord.js builds (and throws on) them.
  guardInteractions(client, hookRest, deps.log);
  client.on(Events.InteractionCreate, (i) => void router.route(i));
  client.on(Events.Error, (e) => deps.log.error({ err: e.message }, "discord client error"));
  watchGuilds(client, deps);
  return {
    platform: "discord",
    messenger,
    programChannel: new DiscordProgramChannel(client.rest),
    client,
    intake: router.intake,
    async start() {
      // The ready listener goes on before login(), or a fast READY is missed.
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      deps.log.info({ guilds: client.guilds.cache.size }, "discord connected");
      const changed = await reconcileGuilds(client, deps);
      if (changed.removed + changed.restored > 0) deps.log.info(changed, "servers joined or left while offline");
      await router.intake.start();
    },
    // New interactions are left unanswered (Discord tells the person it failed; nothing was
    // kept), the kept ones are finished while still connected, then the gateway closes.
    async stop() {
      router.close();
      await router.intake.stop();
      await client.destroy();
    },
    connected: () => client.isReady(),
    adminFacts: discordAdminFacts(client, deps.log),
  };
}

/** Keep at most this many arrival times of interactions not yet acknowledged. */
const ARRIVALS_MAX = 10_000;

/**
 * Feeds the metrics from REST traffic: each interaction's acknowledgement latency (arrival on
 * the gateway to Discord's answer to the first callback) and every 429, on both REST clients.
 */
function watchRest(client: Client, hookRest: REST, deps: Deps): void {
  const metrics = deps.metrics;
  if (!metrics) return;
  const arrivals = new Map<string, number>();
  // Registered before the router's listener, so the arrival is stamped before any work.
  client.on(Events.InteractionCreate, (i) => {
    arrivals.set(i.id, performance.now());
    if (arrivals.size > ARRIVALS_MAX) arrivals.delete(arrivals.keys().next().value ?? "");
  });
  const callback = /^\/interactions\/(\d+)\/[^/]+\/callback/;
  for (const rest of [client.rest, hookRest]) {
    rest.on(RESTEvents.Response, (request, response) => {
      if (response.status === 429) metrics.rateLimited("discord");
      const id = callback.exec(String(request.path))?.[1];
      const began = id === undefined ? undefined : arrivals.get(id);
      if (id === undefined || began === undefined || !response.ok) return;
      arrivals.delete(id);
      metrics.acked("discord", (performance.now() - began) / 1000);
    });
  }
}
