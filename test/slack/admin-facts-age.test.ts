import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { SlackDirectory } from "../../src/slack/actor.js";
import { FakeSlack } from "../fakes/slack/server.js";

const fake = new FakeSlack();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe("the admin flag the dashboard re-checks", () => {
  it("is at most five minutes old, while names keep their hour", async () => {
    const client = new webApi.WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    let now = 1_000_000;
    const dir = new SlackDirectory(
      async () => client,
      silentLogger,
      60 * 60_000,
      () => now,
    );
    fake.state.users.set("UBOSS", { id: "UBOSS", team: "T1", name: "bo", tz: "UTC", isAdmin: true });
    expect(await dir.facts("T1", "UBOSS")).toEqual({ platformAdmin: true, roles: [] });

    // Demoted in Slack: within five minutes the cached answer may stand, after that it can't.
    fake.state.users.set("UBOSS", { id: "UBOSS", team: "T1", name: "bo", tz: "UTC", isAdmin: false });
    now += 4 * 60_000;
    expect(await dir.facts("T1", "UBOSS")).toEqual({ platformAdmin: true, roles: [] });
    now += 2 * 60_000;
    expect(await dir.facts("T1", "UBOSS")).toEqual({ platformAdmin: false, roles: [] });
  });
});
