import { describe, expect, it } from "vitest";
import { chosenAdapters, readConfig } from "../src/config.js";

describe("configuration", () => {
  it("defaults to SQLite under ./data, UTC, the shell adapter and a one-minute tick", () => {
    const r = readConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      DATABASE_URL: "file:./data/percolate.db",
      LOG_LEVEL: "info",
      TZ_DEFAULT: "UTC",
      SCHEDULE_CRON: "* * * * *",
      PORT: 3000,
      HTTP_PORT: 8080,
      HTTP_HOST: "127.0.0.1",
    });
    expect(chosenAdapters(r.config)).toEqual(["shell"]);
  });

  it("names the variable and what to set, in one line", () => {
    const cases: [Record<string, string>, string][] = [
      [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must start with file: (SQLite), postgresql:// or memory:"],
      [{ TZ_DEFAULT: "Mars/Base" }, "TZ_DEFAULT: must be an IANA time zone"],
      [{ LOG_LEVEL: "loud" }, "LOG_LEVEL: must be one of"],
      [{ PORT: "eighty" }, "PORT:"],
      [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET: set it"],
      [{ DISCORD_TOKEN: "t" }, "DISCORD_APPLICATION_ID: set it"],
      [{ DISCORD_PAIR_CHANNELS: "general" }, "DISCORD_PAIR_CHANNELS: must be guild:channel pairs"],
      [{ SCHEDULE_CRON: "61 * * * *" }, 'SCHEDULE_CRON: must be a cron expression such as "* * * * *"'],
      [{ HTTP_PORT: "http" }, "HTTP_PORT: must be a port number such as 8080, or empty to turn it off"],
      [{ HTTP_PORT: "70000" }, "HTTP_PORT: must be a port number"],
    ];
    for (const [env, start] of cases) {
      const r = readConfig(env);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain(start);
        expect(r.message).not.toContain("\n");
      }
    }
  });

  it("turns the health and metrics server off with an empty HTTP_PORT", () => {
    const r = readConfig({ HTTP_PORT: "" });
    expect(r.ok && r.config.HTTP_PORT).toBeNull();
    const zero = readConfig({ HTTP_PORT: "0", HTTP_HOST: "0.0.0.0" });
    expect(zero.ok && [zero.config.HTTP_PORT, zero.config.HTTP_HOST]).toEqual([0, "0.0.0.0"]);
  });

  it("never echoes a secret back", () => {
    const r = readConfig({ SLACK_BOT_TOKEN: "not-a-bot-token-secret123" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("SLACK_BOT_TOKEN: must be a bot token starting with xoxb-");
      expect(r.message).not.toContain("secret123");
    }
  });

  it("picks each platform whose token is set", () => {
    const r = readConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      DISCORD_TOKEN: "d",
      DISCORD_APPLICATION_ID: "123456789012345678",
    });
    expect(r.ok && chosenAdapters(r.config)).toEqual(["slack", "discord"]);
  });
});
