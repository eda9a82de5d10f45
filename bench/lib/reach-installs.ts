import type { Installation as BoltInstallation } from "@slack/bolt";
import { SecretBox } from "../../src/app/secret-box.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { randomIds, systemClock } from "../../src/runtime.js";
import { SlackInstallationStore } from "../../src/slack/install/installation-store.js";
import { openStore } from "../../src/store/index.js";
import type { FakeSlack } from "../../test/fakes/slack/server.js";
import type { ReachCommunity } from "./reach-seed.js";

/** The key the bench seals installations with (32 bytes, base64), and the OAuth app's own secrets. */
const SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");
const STATE_SECRET = "bench-reach-state-secret";

/**
 * Every Slack community installed as "Add to Slack" would install it: the fake issues each
 * workspace its own bot token, and the real installation store seals and saves it (and marks the
 * community installed), so the bot resolves a token per workspace exactly as in production.
 * Returns the environment that turns the bot's OAuth mode on.
 */
export async function installSlack(url: string, fake: FakeSlack, communities: readonly ReachCommunity[]): Promise<Record<string, string>> {
  fake.multiTeam = true;
  const store = await openStore(url);
  const deps = { store, clock: systemClock, ids: randomIds, log: silentLogger };
  const installs = new SlackInstallationStore(deps, new SecretBox(SECRETS_KEY));
  try {
    for (const c of communities) {
      if (c.platform !== "slack") continue;
      const botUserId = `UBOT${c.platformId}`;
      const token = `xoxb-${c.platformId}-bench`;
      fake.oauth.tokens.set(token, { team: c.platformId, teamName: c.communityId, botUserId, status: "live" });
      const installation: BoltInstallation = {
        team: { id: c.platformId, name: c.communityId },
        enterprise: undefined,
        user: { id: c.users[0] ?? "U0", token: undefined, scopes: undefined },
        bot: {
          id: `B${c.platformId}`,
          userId: botUserId,
          token,
          scopes: ["commands", "chat:write", "im:write", "mpim:write", "users:read"],
        },
        appId: "A0FAKE",
        tokenType: "bot",
        isEnterpriseInstall: false,
        authVersion: "v2",
      };
      await installs.storeInstallation(installation);
    }
  } finally {
    await store.close();
  }
  return {
    SLACK_CLIENT_ID: fake.oauth.clientId,
    SLACK_CLIENT_SECRET: fake.oauth.clientSecret,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SECRETS_KEY,
    PUBLIC_URL: "http://127.0.0.1",
    SLACK_API_URL: fake.apiUrl,
  };
}
