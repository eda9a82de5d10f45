import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigSchema } from "../../src/config.js";
import { type DashboardLinks, type Ids, silentLogger, type Store, type StoreTx } from "../../src/core/ports/index.js";
import type { Deps } from "../../src/core/use-cases/index.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/discord/index.js";
import { runTick } from "../../src/jobs/tick.js";
import { sequentialIds } from "../../src/runtime.js";
import { MemoryStore, openStore } from "../../src/store/index.js";
import { APPLICATION_ID, FakeDiscord, type FakeGuild, type FakeUser } from "../fakes/discord/index.js";
import { MONDAY, TestClock } from "../support/world.js";

export const G1 = "810000000000000001";
export const G2 = "820000000000000002";
export const PAIRS1 = "810000000000000010";

export const GUILDS: FakeGuild[] = [
  {
    id: G1,
    name: "Design Guild",
    channels: [
      { id: "810000000000000011", name: "general" },
      { id: PAIRS1, name: "coffee-pairs" },
    ],
  },
  {
    id: G2,
    name: "Data Guild",
    channels: [
      { id: "820000000000000011", name: "general" },
      { id: "820000000000000010", name: "coffee-pairs" },
    ],
  },
];

export const user = (id: string, name: string): FakeUser => ({ id, name });

export interface BotOptions {
  memory?: boolean;
  deferAfterMs?: number;
  slowStoreMs?: number;
  /** The dashboard's links, as a running web server gives them (`admin dashboard` is off without). */
  dashboard?: DashboardLinks;
}

/** A running bot (real discord.js) against the fake Discord, on a SQLite file (or memory) store and a test clock. */
export async function startBot(opts: BotOptions = {}) {
  const fake = new FakeDiscord(GUILDS);
  const api = await fake.start();
  const dir = mkdtempSync(join(tmpdir(), "percolate-discord-"));
  return connectBot(fake, api, dir, new TestClock(MONDAY.getTime()), sequentialIds(), opts);
}

async function connectBot(fake: FakeDiscord, api: string, dir: string, clock: TestClock, ids: Ids, opts: BotOptions) {
  const real: Store = opts.memory ? new MemoryStore() : await openStore(`file:${join(dir, "x.db")}`);
  const delay = opts.slowStoreMs;
  // A slow database, to show that answers are deferred inside Discord's window.
  const store: Store = delay
    ? Object.assign(Object.create(real) as Store, {
        tx: async <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => {
          await new Promise((r) => setTimeout(r, delay));
          return real.tx(fn);
        },
      })
    : real;
  const deps: Deps = {
    store,
    clock,
    ids,
    log: silentLogger,
    ...(opts.dashboard ? { dashboard: opts.dashboard } : {}),
  };
  const config = ConfigSchema.parse({ DISCORD_TOKEN: "fake-token", DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: api });
  const adapter: DiscordAdapter = createDiscordAdapter(config, deps, {
    pairChannels: { [G1]: PAIRS1 },
    ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
  });
  await adapter.start();
  /** What the scheduler does each minute: expire, deliver everything due now. */
  const tick = () => runTick(deps, adapter.messenger, { owner: "test", match: false, baseBackoffMs: 10 });
  const stop = async () => {
    await adapter.stop();
    await fake.stop();
    await real.close();
    rmSync(dir, { recursive: true, force: true });
  };
  /**
   * The process restarting: this client and store close, and a new discord.js client with a
   * new store on the same database file (and the same fake Discord) takes over.
   */
  const restart = async () => {
    if (opts.memory) throw new Error("a memory store does not survive a restart");
    await adapter.stop();
    await real.close();
    // Ids keep counting: the sequential ids stand in for random ones, which never repeat.
    return connectBot(fake, api, dir, clock, ids, opts);
  };
  return { fake, store, clock, deps, adapter, tick, stop, restart };
}
export type Bot = Awaited<ReturnType<typeof startBot>>;
