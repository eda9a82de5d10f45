import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeButton, parseText } from "../../src/core/commands/index.js";
import { button, messageBlocks, textBlocks } from "../../src/slack/blocks.js";
import { communityOf, memberOf, mentionResolver, userOf } from "../../src/slack/ids.js";
import { outcomeOf } from "../../src/slack/messenger.js";

describe("Slack ids", () => {
  it("round-trips workspace and user through a member id", () => {
    expect(communityOf("T024BE7LD")).toBe("slack:T024BE7LD");
    expect(userOf(memberOf("T024BE7LD", "U0G9QF9C6"))).toEqual({ teamId: "T024BE7LD", userId: "U0G9QF9C6" });
    expect(userOf("discord:1:2")).toBeNull();
  });

  it("resolves escaped mentions in the actor's workspace only", () => {
    const r = mentionResolver("T1");
    expect(r("<@U0B12345|bob>")).toBe("slack:T1:U0B12345");
    expect(r("<@U0B12345>")).toBe("slack:T1:U0B12345");
    expect(r("bob")).toBeNull();
    expect(parseText("block <@U0B12345|bob>", r)).toEqual({ kind: "block", memberId: "slack:T1:U0B12345" });
  });
});

describe("Block Kit rendering", () => {
  it("carries each command in the button value, with a unique action id", () => {
    const b = button({ label: "Accept", style: "primary", command: { kind: "accept", introId: "intro_1" } });
    expect(decodeButton(b.value ?? "")).toEqual({ kind: "accept", introId: "intro_1" });
    expect(b.action_id).toBe("cmd:accept|intro_1");
  });

  it("splits long text under Slack's section limit and skips empty action blocks", () => {
    const blocks = textBlocks(`${"a".repeat(2000)}\n${"b".repeat(2000)}`);
    expect(blocks).toHaveLength(2);
    expect(messageBlocks("hi", []).some((b) => b.type === "actions")).toBe(false);
  });
});

describe("Web API errors as send outcomes", () => {
  it("maps rate limits, permanent and transient failures", () => {
    expect(outcomeOf({ code: "slack_webapi_rate_limited_error", retryAfter: 3, message: "x" })).toMatchObject({ retryAfterMs: 3000 });
    expect(outcomeOf({ code: "slack_webapi_platform_error", data: { error: "channel_not_found" } })).toMatchObject({ permanent: true });
    expect(outcomeOf({ code: "slack_webapi_platform_error", data: { error: "fatal_error" } })).not.toHaveProperty("permanent");
    expect(outcomeOf({ code: "slack_webapi_request_error", message: "socket hang up" })).toMatchObject({
      ok: false,
      error: "socket hang up",
    });
  });
});

describe("the manifest", () => {
  it("declares the command, interactivity, the Home tab event and every scope the adapter uses", () => {
    const m = JSON.parse(readFileSync(join(__dirname, "../../slack/manifest.json"), "utf8")) as {
      features: { slash_commands: { command: string; should_escape: boolean }[]; app_home: { home_tab_enabled: boolean } };
      oauth_config: { scopes: { bot: string[] } };
      settings: { interactivity: { is_enabled: boolean }; event_subscriptions: { bot_events: string[] } };
    };
    expect(m.features.slash_commands[0]).toMatchObject({ command: "/coffee", should_escape: true });
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.settings.event_subscriptions.bot_events).toContain("app_home_opened");
    for (const s of ["commands", "chat:write", "im:write", "mpim:write", "users:read", "files:write", "im:history", "mpim:history"])
      expect(m.oauth_config.scopes.bot).toContain(s);
  });

  it("keeps src/slack's Bolt imports out of the core", () => {
    const files = readdirSync(join(__dirname, "../../src/core"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"));
    for (const f of files) expect(readFileSync(join(__dirname, "../../src/core", f), "utf8")).not.toMatch(/@slack\//);
  });
});
