import { describe, expect, it } from "vitest";
import { chosenAdapters, readConfig, slackOAuth } from "../src/config.js";
import { secretsOf } from "../src/ops/log.js";

const KEY = Buffer.alloc(32, 3).toString("base64");
const OAUTH = {
  SLACK_CLIENT_ID: "111.222",
  SLACK_CLIENT_SECRET: "client-secret-value",
  SLACK_STATE_SECRET: "state-secret-0123456789",
  SLACK_SIGNING_SECRET: "signing-secret-value",
  SECRETS_KEY: KEY,
  PUBLIC_URL: "https://percolate.example.org/",
};

const problem = (env: Record<string, string>): string => {
  const r = readConfig(env);
  return r.ok ? "" : r.message;
};

describe('configuration for "Add to Slack"', () => {
  it("turns on with the three OAuth variables, the signing secret, SECRETS_KEY and PUBLIC_URL, and runs Slack", () => {
    const r = readConfig(OAUTH);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(slackOAuth(r.config)).toBe(true);
    expect(r.config.PUBLIC_URL).toBe("https://percolate.example.org");
    expect(chosenAdapters(r.config)).toEqual(["slack"]);
    expect(secretsOf(r.config)).toEqual(expect.arrayContaining([OAUTH.SLACK_CLIENT_SECRET, OAUTH.SLACK_STATE_SECRET, KEY]));
  });

  it("keeps single-token mode as it was", () => {
    const r = readConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" });
    expect(r.ok && chosenAdapters(r.config)).toEqual(["slack"]);
    expect(r.ok && slackOAuth(r.config)).toBe(false);
  });

  it("refuses an incomplete or ambiguous setup with one line naming the fix", () => {
    const { SLACK_STATE_SECRET: _s, ...noState } = OAUTH;
    expect(problem(noState)).toMatch(
      /^SLACK_STATE_SECRET: "Add to Slack" needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together; set it, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET/,
    );
    expect(problem({ SLACK_CLIENT_ID: "1.2" })).toMatch(/^SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: .*set them/);
    expect(problem({ ...OAUTH, SLACK_APP_TOKEN: "xapp-1" })).toMatch(/^SLACK_APP_TOKEN: unset it — "Add to Slack" needs the HTTP receiver/);
    expect(problem({ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" })).toMatch(/^SLACK_BOT_TOKEN: unset it when SLACK_CLIENT_ID is set/);
    const { SECRETS_KEY: _k, ...noKey } = OAUTH;
    expect(problem(noKey)).toContain(
      'SECRETS_KEY: set it to seal each workspace\'s token in the database (make one with "openssl rand -base64 32")',
    );
    const { PUBLIC_URL: _u, ...noUrl } = OAUTH;
    expect(problem(noUrl)).toMatch(/^PUBLIC_URL: set it to the bot's public base URL/);
    const { SLACK_SIGNING_SECRET: _g, ...noSigning } = OAUTH;
    expect(problem(noSigning)).toMatch(/^SLACK_SIGNING_SECRET: set it/);
    expect(problem({ ...OAUTH, PUBLIC_URL: "percolate.example.org" })).toContain("PUBLIC_URL: must be the bot's public base URL");
  });

  it("never echoes a secret it refuses", () => {
    const bad = "not-a-key-but-a-secret-value";
    const msg = problem({ ...OAUTH, SECRETS_KEY: bad });
    expect(msg).toMatch(/^SECRETS_KEY: must be 32 random bytes/);
    expect(msg).not.toContain(bad);
    const short = problem({ ...OAUTH, SLACK_STATE_SECRET: "short-secret" });
    expect(short).toMatch(/^SLACK_STATE_SECRET: must be at least 16/);
    expect(short).not.toContain("short-secret");
  });
});
