import { randomUUID } from "node:crypto";
import { ConfigSchema } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/index.js";
import type { Deps } from "../../src/core/use-cases/index.js";
import { runTick, type TickReport } from "../../src/jobs/tick.js";
import { sequentialIds } from "../../src/runtime.js";
import { createSlackAdapter, type SlackAdapter } from "../../src/slack/index.js";
import { MemoryStore } from "../../src/store/index.js";
import { FakeSlack } from "../fakes/slack/server.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { MONDAY, TestClock } from "../support/world.js";
import { slackDriver } from "./driver.js";

/** The key installations are sealed with in these tests (32 bytes, base64). */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");

/** What a browser saw at the end of an install: the page's status and words. */
export interface InstallPage {
  status: number;
  html: string;
}

/**
 * The real Bolt app in "Add to Slack" mode (its HTTP receiver, OAuth routes and installation
 * store over a MemoryStore) against a fake Slack that knows several workspaces and their tokens.
 * `install` drives the real routes as a browser would.
 */
export async function startOAuthHarness() {
  const fake = new FakeSlack();
  fake.multiTeam = true;
  await fake.start();
  const store = new MemoryStore();
  const clock = new TestClock(MONDAY.getTime());
  const deps: Deps = { store, clock, ids: sequentialIds(), log: silentLogger };
  const config = ConfigSchema.parse({
    SLACK_CLIENT_ID: fake.oauth.clientId,
    SLACK_CLIENT_SECRET: fake.oauth.clientSecret,
    SLACK_STATE_SECRET: "fake-state-secret-0123456789",
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SECRETS_KEY: TEST_SECRETS_KEY,
    PUBLIC_URL: "https://percolate.example.org",
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
  });
  const adapter: SlackAdapter = createSlackAdapter(config, deps, {
    host: "127.0.0.1",
    port: 0,
    retryConfig: { retries: 0 },
    timeoutMs: 2_000,
    authorizationUrl: `${fake.url}/oauth/v2/authorize`,
  });
  await adapter.start();
  const base = `http://127.0.0.1:${adapter.port ?? 0}`;
  fake.target = { kind: "http", url: `${base}/slack/events` };

  const user = (team: string, id: string, name: string, tz = "Europe/Berlin"): FakeUser => {
    const u = { id, team, name, tz };
    fake.state.users.set(id, u);
    return u;
  };

  /**
   * "Add to Slack" as a browser does it: GET /slack/install (a redirect to Slack's authorize
   * page carrying `state`, and the state cookie), the installer approves, and Slack sends the
   * browser back to /slack/oauth_redirect with the code and the same state and cookie.
   * `tamper` forges the state or drops the cookie.
   */
  const install = async (
    team: string,
    teamName: string,
    installer: string,
    tamper: { state?: string; noCookie?: boolean } = {},
  ): Promise<InstallPage> => {
    const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
    const location = start.headers.get("location");
    if (start.status !== 302 || !location) throw new Error(`/slack/install answered ${start.status} without a redirect`);
    const authorize = new URL(location);
    if (!location.startsWith(`${fake.url}/oauth/v2/authorize`)) throw new Error(`redirected to ${location}`);
    const state = tamper.state ?? authorize.searchParams.get("state") ?? "";
    const cookie = (start.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const code = fake.oauth.approve(team, teamName, installer);
    const back = await fetch(`${base}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
      headers: tamper.noCookie ? {} : { cookie },
      redirect: "manual",
    });
    const html = await back.text();
    await adapter.idle();
    return { status: back.status, html };
  };

  const { settle, lastResponse, messagesTo, slash, click } = slackDriver(fake, adapter);
  /** A workspace-level event (app_uninstalled, tokens_revoked) as the Events API posts it. */
  const teamEvent = (team: string, event: Record<string, unknown>) =>
    settle(
      fake.send("events_api", {
        token: "verification-token-unused",
        team_id: team,
        api_app_id: "A0FAKE",
        type: "event_callback",
        event_id: `Ev${randomUUID().slice(0, 10).toUpperCase()}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { ...event, event_ts: `${Date.now() / 1000}` },
      }),
    );

  return {
    fake,
    deps,
    clock,
    store,
    adapter,
    user,
    install,
    slash,
    click,
    uninstall: (team: string) => {
      fake.oauth.revoke(team);
      return teamEvent(team, { type: "app_uninstalled" });
    },
    teamEvent,
    lastResponse,
    messagesTo,
    tick: (): Promise<TickReport> =>
      runTick(deps, adapter.messenger, { owner: "test", match: false, sleep: async (ms) => clock.advance(ms) }),
    async stop() {
      await adapter.stop();
      await fake.stop();
      await store.close();
    },
  };
}
export type OAuthHarness = Awaited<ReturnType<typeof startOAuthHarness>>;
