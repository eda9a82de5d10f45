import { afterEach, describe, expect, it } from "vitest";
import { getStatus } from "../../src/core/use-cases/index.js";
import { buttonsIn, slashCommand } from "../fakes/slack/payloads.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** A volunteer and a seeker in T1, up to the intro DM the volunteer received. */
async function toIntro(x: Harness) {
  const vol = x.user("T1", "U0VOL", "vera", "Europe/Berlin");
  const seeker = x.user("T1", "U0SEEK", "sid", "Europe/London");
  await x.slash(vol, "volunteer data science");
  await x.slash(seeker, "request data science -- how to start in data science");
  await x.click(seeker, "Pick for me");
  await x.tick();
  const intro = x.messagesTo(vol).at(-1);
  if (!intro) throw new Error("no intro");
  return { vol, seeker, intro };
}

const chatsOf = async (x: Harness, team: string, user: string) => {
  const r = await getStatus(x.deps, { actor: { communityId: `slack:${team}`, memberId: `slack:${team}:${user}` } });
  return r.ok ? r.value : null;
};

describe("replays and double clicks on Slack", () => {
  it("a double-clicked Accept books one chat and the message shows the outcome once", async () => {
    h = await startHarness({ mode: "http" });
    const { vol, seeker, intro } = await toIntro(h);
    const asClicked = { ...intro, blocks: [...intro.blocks] };
    await Promise.all([h.click(vol, "Accept", asClicked), h.click(vol, "Accept", asClicked)]);
    await h.click(vol, "Accept", asClicked);
    expect(buttonsIn(intro.blocks)).toHaveLength(0);
    await h.tick();
    expect(h.messagesTo(seeker).filter((m) => m.text.includes("Pick a time"))).toHaveLength(1);
    expect(h.messagesTo(vol).filter((m) => m.text.includes("You're on — pick a time"))).toHaveLength(1);
    expect((await chatsOf(h, "T1", vol.id))?.chats).toHaveLength(1);
  });

  it("a replayed slash command (same signed body) creates one request", async () => {
    h = await startHarness({ mode: "http" });
    h.user("T1", "U0VOL", "vera", "UTC");
    await h.slash(h.user("T1", "U0VOL", "vera", "UTC"), "volunteer design");
    const seeker = h.user("T1", "U0SEEK", "sid", "UTC");
    const payload = { ...slashCommand(h.fake, seeker, "request design -- how to build a portfolio") };
    const ts = Math.floor(Date.now() / 1000);
    expect((await h.fake.send("slash_commands", payload, { timestamp: ts })).status).toBe(200);
    await h.adapter.idle();
    const first = String(h.lastResponse().text);
    expect(first).toContain("Here's who could help");
    for (let i = 0; i < 2; i++) expect((await h.fake.send("slash_commands", payload, { timestamp: ts })).status).toBe(200);
    await h.adapter.idle();
    expect((await chatsOf(h, "T1", seeker.id))?.requests).toHaveLength(1);
    // The replays get the first answer again, not a new one.
    expect(h.fake.responses.slice(-3).map((r) => String(r.body.text))).toEqual([first, first, first]);
  });

  it("a replayed or retried typed `accept` (no target) answers the first intro again and never accepts a second one", async () => {
    h = await startHarness({ mode: "http" });
    const x = h;
    const vol = x.user("T1", "U0VOL", "vera", "UTC");
    await x.slash(vol, "volunteer data science --cap 5");
    const ask = async (id: string, name: string) => {
      const s = x.user("T1", id, name, "UTC");
      await x.slash(s, "request data science -- how to start in data science");
      await x.click(s, "Pick for me");
    };
    await ask("U0ANN", "ann");
    expect((await chatsOf(x, "T1", vol.id))?.introsToAnswer).toHaveLength(1);
    const payload = { ...slashCommand(x.fake, vol, "accept") };
    const ts = Math.floor(Date.now() / 1000);
    expect((await x.fake.send("slash_commands", payload, { timestamp: ts })).status).toBe(200);
    await x.adapter.idle();
    const first = String(x.lastResponse().text);
    expect(first).toContain("Thank you!");
    // A second seeker's intro arrives: a bare `accept` typed now would answer it.
    await ask("U0BOB", "bob");
    expect((await chatsOf(x, "T1", vol.id))?.introsToAnswer.map((i) => i.seekerId)).toEqual(["slack:T1:U0BOB"]);
    // The same signed request again inside the 5-minute window, and as Slack's own retries.
    expect((await x.fake.send("slash_commands", payload, { timestamp: ts })).status).toBe(200);
    expect((await x.fake.send("slash_commands", payload, { timestamp: ts, retryNum: 1 })).status).toBe(200);
    expect((await x.fake.send("slash_commands", payload, { retryNum: 2 })).status).toBe(200);
    await x.adapter.idle();
    const status = await chatsOf(x, "T1", vol.id);
    expect(status?.chats.map((c) => c.seekerId)).toEqual(["slack:T1:U0ANN"]);
    expect(status?.introsToAnswer.map((i) => i.seekerId)).toEqual(["slack:T1:U0BOB"]);
    const answers = x.fake.responses.slice(-3).map((r) => String(r.body.text));
    expect(answers).toEqual([first, first, first]);
  });

  it("a replayed pick changes nothing after the chat is booked", async () => {
    h = await startHarness({ mode: "socket" });
    const { vol, seeker, intro } = await toIntro(h);
    await h.click(vol, "Accept", intro);
    await h.tick();
    const slots = h.messagesTo(seeker).at(-1);
    if (!slots) throw new Error("no slots");
    const asClicked = { ...slots, blocks: [...slots.blocks] };
    await h.click(seeker, "", asClicked);
    await h.click(seeker, "", asClicked);
    await h.tick();
    const groups = [...h.fake.state.channels.values()].filter((c) => c.members.length === 2);
    expect(groups).toHaveLength(1);
    expect(h.fake.state.messagesIn(groups[0]?.id ?? "").filter((m) => m.text.includes("Confirmed"))).toHaveLength(1);
    expect(h.fake.state.files.size).toBe(1);
  });
});

describe("workspaces", () => {
  it("two workspaces stay apart, even with the same user ids", async () => {
    h = await startHarness({ mode: "http" });
    await h.slash(h.user("T1", "U0SAME", "tina", "UTC"), "volunteer rust");
    const other = h.user("T2", "U0OTHER", "otto", "UTC");
    await h.slash(other, "request rust -- how to learn rust");
    expect(String(h.lastResponse().text)).toContain("Nobody fits");
    // Same Slack user id in another workspace: a different member.
    await h.slash(h.user("T2", "U0SAME", "tina2", "UTC"), "status");
    const t2 = await chatsOf(h, "T2", "U0SAME");
    expect(t2?.volunteer).toBeNull();
    expect((await chatsOf(h, "T1", "U0SAME"))?.volunteer?.expertise).toEqual(["rust"]);
    const communities = await h.store.tx((tx) => tx.listCommunities());
    expect(communities.map((c) => c.id).sort()).toEqual(["slack:T1", "slack:T2"]);
  });
});
