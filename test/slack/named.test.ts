import { afterEach, describe, expect, it } from "vitest";
import { buttonsIn } from "../fakes/slack/payloads.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const labels = (blocks: unknown) => buttonsIn(blocks).map((b) => b.label);

/** carol volunteers; sam, then tia, ask for a chat and choose her; the intros reach her. */
async function twoIntros(harness: Harness) {
  const carol = harness.user("T1", "U0CAROL", "carol", "Europe/Berlin");
  const sam = harness.user("T1", "U0SAM", "sam", "Europe/London");
  const tia = harness.user("T1", "U0TIA", "tia", "Europe/London");
  await harness.slash(carol, "volunteer ux research --cap 5");
  await harness.slash(carol, "availability mon-fri 9-17 Europe/Berlin");
  for (const [seeker, goals] of [
    [sam, "how to run interviews"],
    [tia, "how to start in research"],
  ] as [FakeUser, string][]) {
    await harness.slash(seeker, `request ux research -- ${goals}`);
    await harness.click(seeker, "Choose carol");
    await harness.tick();
  }
  return { carol, sam, tia };
}

describe("Slack: which one? and are you sure? through Bolt", () => {
  it("a bare accept with two intros waiting asks which, with a button per person; the button accepts that one", async () => {
    h = await startHarness({ mode: "http" });
    const { carol, sam, tia } = await twoIntros(h);
    expect(h.messagesTo(carol)).toHaveLength(2);

    await h.slash(carol, "accept");
    const asked = h.lastResponse();
    expect(asked.response_type).toBe("ephemeral");
    expect(String(asked.text)).toContain("2 intros are waiting for your answer. Which one do you want to accept?");
    expect(String(asked.text)).toContain('1. sam — wants to learn "how to run interviews"');
    expect(String(asked.text)).toContain('2. tia — wants to learn "how to start in research"');
    expect(String(asked.text)).toContain("`/coffee accept sam`");
    expect(labels(asked.blocks)).toEqual(["Accept sam", "Accept tia"]);

    await h.slash(carol, "accept <@U0NOBODY>");
    expect(String(h.lastResponse().text)).toContain("That member isn't waiting on that. Here's who is — which one?");
    expect(labels(h.lastResponse().blocks)).toEqual(["Accept sam", "Accept tia"]);
    await h.slash(carol, "accept");

    await h.click(carol, "Accept tia");
    expect(String(h.lastResponse().text)).toContain("Thank you! I've sent 3 times to you both");
    await h.tick();
    expect(h.messagesTo(tia).some((m) => m.text.includes("Pick a time that works"))).toBe(true);
    expect(h.messagesTo(sam).some((m) => m.text.includes("Pick a time that works"))).toBe(false);

    // One left: a bare accept needs no name.
    await h.slash(carol, "accept");
    expect(String(h.lastResponse().text)).toContain("Thank you!");
  }, 30_000);

  it("the Cancel button on a booked chat asks first, privately, keeping the message; the confirm button cancels and both are told", async () => {
    h = await startHarness({ mode: "http" });
    const { carol, tia } = await twoIntros(h);
    // A mention names the seeker as well as a typed name does.
    await h.slash(carol, "accept <@U0TIA|tia>");
    expect(String(h.lastResponse().text)).toContain("Thank you!");
    await h.tick();
    const slots = h.messagesTo(tia).find((m) => m.text.includes("Pick a time that works"));
    if (!slots) throw new Error("no slots DM to tia");
    await h.click(tia, "Tue 24 Nov", slots);
    await h.tick();
    const booked = h.fake.state.messages.find((m) => m.text.includes("Confirmed"));
    if (!booked) throw new Error("no confirmation");
    expect(labels(booked.blocks)).toEqual(["Reschedule", "Cancel"]);

    await h.click(tia, "Cancel", booked);
    const asked = h.lastResponse();
    expect(asked.replace_original).toBe(false);
    expect(asked.response_type).toBe("ephemeral");
    expect(String(asked.text)).toBe(
      "Cancel your chat with carol, Tue 24 Nov, 08:00–08:30 (London time, GMT)? carol will be told, and your request closes. It can't be undone.\nNothing changes until you confirm: `/coffee cancel yes`.",
    );
    expect(labels(asked.blocks)).toEqual(["Yes, cancel the chat"]);
    expect(booked.edits ?? 0).toBe(0);
    expect(labels(booked.blocks)).toEqual(["Reschedule", "Cancel"]);
    const [chat] = await h.store.tx((tx) => tx.listChats("slack:T1", { status: ["scheduled"] }));
    expect(chat?.seekerId).toBe("slack:T1:U0TIA");

    await h.click(tia, "Yes, cancel the chat");
    expect(String(h.lastResponse().text)).toContain("Cancelled the chat; I've let the other person know.");
    await h.tick();
    expect(h.messagesTo(carol).some((m) => m.text.includes("tia had to cancel your coffee chat."))).toBe(true);
    expect(await h.store.tx((tx) => tx.listChats("slack:T1", { status: ["scheduled"] }))).toEqual([]);
  }, 30_000);

  it("leave and forget-me by command ask with a confirm button and change nothing until it is clicked", async () => {
    h = await startHarness({ mode: "http" });
    const { carol, tia } = await twoIntros(h);
    await h.slash(carol, "accept tia");
    await h.slash(carol, "pick 1");
    await h.tick();

    await h.slash(carol, "leave");
    expect(String(h.lastResponse().text)).toContain("Before you go: leaving calls off your chat not yet held:");
    expect(String(h.lastResponse().text)).toContain("`/coffee leave yes`");
    expect(labels(h.lastResponse().blocks)).toEqual(["Yes, leave"]);
    const member = () => h?.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:U0CAROL"));
    expect((await member())?.status).toBe("active");
    await h.click(carol, "Yes, leave");
    expect(String(h.lastResponse().text)).toContain("You've left coffee chats");
    expect((await member())?.status).toBe("opted_out");
    await h.tick();
    expect(h.messagesTo(tia).some((m) => m.text.includes("carol had to cancel your coffee chat."))).toBe(true);

    await h.slash(tia, "forget-me");
    expect(String(h.lastResponse().text)).toContain("This erases what Percolate knows about you here");
    expect(labels(h.lastResponse().blocks)).toEqual(["Yes, erase everything"]);
    expect((await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:U0TIA")))?.forgotten).toBe(false);
    await h.click(tia, "Yes, erase everything");
    expect(String(h.lastResponse().text)).toContain("you've been forgotten");
    expect(await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:U0TIA"))).toBeNull();
  }, 30_000);
});
