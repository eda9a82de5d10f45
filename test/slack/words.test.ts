import { afterEach, describe, expect, it } from "vitest";
import { buttonsIn } from "../fakes/slack/payloads.js";
import { DAY } from "../support/world.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/*
 * Several notices due at once for one person arrive as one Slack message, through the real
 * Bolt against the fake Slack, and every part's buttons still work.
 */
describe("notices due together on Slack", () => {
  it("two intros waiting for the same volunteer arrive as one message, and both parts' buttons work", async () => {
    h = await startHarness({ mode: "http" });
    const ken = h.user("T1", "U0KEN", "ken", "America/New_York");
    const sam = h.user("T1", "U0SAM", "sam", "Europe/Berlin");
    const sue = h.user("T1", "U0SUE", "sue", "Europe/Berlin");
    await h.slash(ken, "volunteer data-engineering --cap 4");
    await h.slash(ken, "availability mon-fri 08:00-17:00 America/New_York");
    for (const s of [sam, sue]) {
      await h.slash(s, "availability mon-fri 09:00-20:00 Europe/Berlin");
      await h.slash(s, "request data-engineering -- how data teams work");
      await h.slash(s, "choose 1");
    }
    await h.tick();
    const toKen = h.messagesTo(ken);
    expect(toKen).toHaveLength(1);
    const [both] = toKen;
    if (!both) throw new Error("no message to ken");
    expect(both.text).toContain("sam would like a 30-minute chat");
    expect(both.text).toContain("sue would like a 30-minute chat");
    expect(buttonsIn(both.blocks).map((b) => b.label)).toEqual(["Accept", "Decline", "Accept", "Decline"]);

    // Accepting the first intro settles only its part: the second keeps its buttons.
    await h.click(ken, "Accept", both);
    expect(buttonsIn(both.blocks).map((b) => b.label)).toEqual(["Accept", "Decline"]);
    expect(both.text).toContain("sue would like a 30-minute chat");
    await h.click(ken, "Accept", both);
    expect(buttonsIn(both.blocks)).toHaveLength(0);
    await h.tick();
    for (const s of [sam, sue]) expect(h.messagesTo(s).some((m) => m.text.includes("ken said yes"))).toBe(true);
    // ken's two "pick a time" notices came due together as well: one message, two menus of times.
    const picks = h.messagesTo(ken).filter((m) => m.text.includes("You're on — pick a time"));
    expect(picks).toHaveLength(1);
    expect(picks[0]?.text).toContain("chat with sam");
    expect(picks[0]?.text).toContain("chat with sue");
  });

  it("after 'happened', the volunteer gets the outcome and the referral ask as one message", async () => {
    h = await startHarness({ mode: "http" });
    const ken = h.user("T1", "U0KEN", "ken", "America/New_York");
    const sam = h.user("T1", "U0SAM", "sam", "Europe/Berlin");
    await h.slash(ken, "volunteer data-engineering");
    await h.slash(ken, "availability mon-fri 08:00-17:00 America/New_York");
    await h.slash(sam, "availability mon-fri 09:00-20:00 Europe/Berlin");
    await h.slash(sam, "request data-engineering -- learn how data engineering teams work");
    await h.slash(sam, "choose 1");
    await h.tick();
    await h.slash(ken, "accept");
    await h.tick();
    await h.slash(sam, "pick 1");
    await h.tick();
    h.clock.advance(6 * DAY);
    await h.tick();
    const before = h.messagesTo(ken).length;
    await h.slash(sam, "happened");
    await h.tick();
    const after = h.messagesTo(ken).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]?.text).toContain("sam marked your chat as done. Thank you for making time!");
    expect(after[0]?.text).toContain("Who else should they talk to?");
    // The rating buttons of the first part are there and work.
    expect(buttonsIn(after[0]?.blocks).map((b) => b.label)).toContain("★★★★★");

    // sam's thank-you reaches ken word for word.
    await h.slash(sam, "thanks Your advice on dbt tests was gold.");
    expect(String(h.lastResponse().text)).toContain("Sent your note to ken.");
    await h.tick();
    expect(h.messagesTo(ken).at(-1)?.text).toContain('"Your advice on dbt tests was gold."');
  });
});
