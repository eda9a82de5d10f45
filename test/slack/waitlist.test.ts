import { afterEach, describe, expect, it } from "vitest";
import { runTick } from "../../src/jobs/tick.js";
import { buttonsIn } from "../fakes/slack/payloads.js";
import { DAY } from "../support/world.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe("Slack: the waitlist", () => {
  it("tells a waitlisted seeker why, expires the request with a Renew button, and the button renews it", async () => {
    h = await startHarness({ mode: "http", sqlite: true });
    const harness = h;
    const bob = h.user("T1", "U0BOB", "bob", "America/New_York");
    const priya = h.user("T1", "U0PRIYA", "priya", "Asia/Kolkata");
    // The scheduler's tick with the batch (and the waitlist care that follows it) switched on.
    const tick = () =>
      runTick(harness.deps, harness.adapter.messenger, { owner: "test", match: true, sleep: async (ms) => harness.clock.advance(ms) });

    await h.slash(bob, "volunteer rust");
    await h.slash(priya, "request kubernetes -- how platform teams run clusters");
    const asked = String(h.lastResponse().text);
    expect(asked).toContain('Nobody fits "kubernetes" right now, so you\'re on the waitlist.');
    expect(asked).toContain("Nobody here volunteers for kubernetes yet. Topics with volunteers: rust.");

    h.clock.advance(7 * DAY);
    expect((await tick()).waitlistNudged).toBe(1);
    expect(h.messagesTo(priya).at(-1)?.text).toContain("🔎 Still looking for someone on kubernetes — a week on the waitlist so far.");
    expect((await tick()).waitlistNudged).toBe(0);

    h.clock.advance(35 * DAY);
    expect((await tick()).waitlistExpired).toBe(1);
    const expired = h.messagesTo(priya).at(-1);
    if (!expired) throw new Error("no expiry DM");
    expect(expired.text).toContain('⌛ Your request about kubernetes ("how platform teams run clusters") waited 6 weeks without a match');
    expect(expired.text).toContain("`/coffee renew`");
    expect(buttonsIn(expired.blocks).map((b) => b.label)).toEqual(["Renew my request"]);

    await h.click(priya, "Renew my request", expired);
    const renewed = [String(h.lastResponse().text), expired.text].join("\n");
    expect(renewed).toContain("Renewed — your request is back on the list.");
    expect(buttonsIn(expired.blocks)).toHaveLength(0);
    await h.slash(priya, "status");
    expect(String(h.lastResponse().text)).toContain("(kubernetes): waitlisted");
  });
});
