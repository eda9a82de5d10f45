import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigSchema } from "../../src/config.js";
import { type DashboardLinks, silentLogger, type Store } from "../../src/core/ports/index.js";
import type { Deps } from "../../src/core/use-cases/index.js";
import { runTick, type TickReport } from "../../src/jobs/tick.js";
import { sequentialIds } from "../../src/runtime.js";
import { createSlackAdapter, type SlackAdapter } from "../../src/slack/index.js";
import { MemoryStore, openStore } from "../../src/store/index.js";
import { homeOpened, userChanged, viewSubmission } from "../fakes/slack/payloads.js";
import { FakeSlack } from "../fakes/slack/server.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { MONDAY, TestClock } from "../support/world.js";
import { slackDriver } from "./driver.js";

export interface HarnessOptions {
  mode: "http" | "socket";
  /** A fresh SQLite file instead of the in-memory store. */
  sqlite?: boolean;
  /** Web API call timeout (ms). */
  timeoutMs?: number;
  /** The dashboard's links, as a running web server gives them (`admin dashboard` is off without). */
  dashboard?: DashboardLinks;
}

/**
 * The real Bolt app (our adapter) against a fake Slack on 127.0.0.1, with a test clock for
 * the core: send commands and clicks as people would, then read what Slack received.
 */
export async function startHarness(opts: HarnessOptions) {
  const fake = new FakeSlack();
  await fake.start();
  const dir = opts.sqlite ? mkdtempSync(join(tmpdir(), "percolate-slack-")) : null;
  const store: Store = dir ? await openStore(`file:${join(dir, "x.db")}`) : new MemoryStore();
  const clock = new TestClock(MONDAY.getTime());
  const deps: Deps = { store, clock, ids: sequentialIds(), log: silentLogger, ...(opts.dashboard ? { dashboard: opts.dashboard } : {}) };
  const config = ConfigSchema.parse({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: fake.signingSecret,
    ...(opts.mode === "socket" ? { SLACK_APP_TOKEN: "xapp-test-token" } : {}),
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
  });
  const adapter: SlackAdapter = createSlackAdapter(config, deps, {
    host: "127.0.0.1",
    port: 0,
    retryConfig: { retries: 3, factor: 1, minTimeout: 20, maxTimeout: 50 },
    timeoutMs: opts.timeoutMs ?? 2_000,
  });
  await adapter.start();
  if (opts.mode === "socket") {
    fake.target = { kind: "socket" };
    await fake.connected();
  } else fake.target = { kind: "http", url: `http://127.0.0.1:${adapter.port ?? 0}/slack/events` };

  const user = (team: string, id: string, name: string, tz: string): FakeUser => {
    const u = { id, team, name, tz };
    fake.state.users.set(id, u);
    return u;
  };

  const { settle, lastResponse, messagesTo, slash, click } = slackDriver(fake, adapter);

  return {
    fake,
    deps,
    clock,
    store,
    adapter,
    user,
    slash,
    click,
    submit: (u: FakeUser, callbackId: string, values: Parameters<typeof viewSubmission>[2]) =>
      settle(fake.send("interactive", { ...viewSubmission(u, callbackId, values) })),
    home: (u: FakeUser) => settle(fake.send("events_api", homeOpened(u))),
    userChanged: (u: FakeUser, deleted: boolean) => settle(fake.send("events_api", userChanged(u, deleted))),
    lastResponse,
    messagesTo,
    /** One scheduler tick through the adapter's messenger, at the test clock's time. */
    tick: (): Promise<TickReport> =>
      runTick(deps, adapter.messenger, { owner: "test", match: false, sleep: async (ms) => clock.advance(ms) }),
    async stop() {
      await adapter.stop();
      await fake.stop();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;
