import { afterEach, describe, expect, it } from "vitest";
import { buttonsIn, channelMembership } from "../fakes/slack/payloads.js";
import type { FakeMessage, FakeUser } from "../fakes/slack/web-api.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const PROGRAM = "C0PROGRAM";
const DOOR_LABELS = ["I'd like to learn from someone", "I can help others", "Pair me with peers", "Not now"];

/** A Slack workspace with an admin and a program channel the bot is in; the adapter puts the front door up through its own channel port. */
async function workspace() {
  const harness = await startHarness({ mode: "http" });
  h = harness;
  harness.deps.programChannel = harness.adapter.programChannel;
  harness.fake.state.channels.set(PROGRAM, { id: PROGRAM, members: ["UBOT"] });
  const admin = harness.user("T1", "U0ADMIN", "ada", "Europe/London");
  admin.isAdmin = true;
  return { h: harness, admin };
}

const textOf = (m: FakeMessage | undefined): string => JSON.stringify(m?.blocks ?? []);
const joins = (hh: Harness, u: FakeUser, joined = true) =>
  hh.fake.send("events_api", channelMembership(u, PROGRAM, joined)).then(() => hh.adapter.idle());

describe("the front door on Slack", () => {
  it("is posted and pinned in the program channel once, and updated (not duplicated) when the channel is set again", async () => {
    const { h, admin } = await workspace();
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    expect(String(h.lastResponse().text)).toContain("Saved: programChannelId is now C0PROGRAM.");
    expect(String(h.lastResponse().text)).toContain("The front door is posted and pinned in the program channel.");
    const posted = h.fake.state.messagesIn(PROGRAM);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toContain("Coffee chats here");
    expect(buttonsIn(posted[0]?.blocks).map((b) => b.label)).toEqual(DOOR_LABELS);
    expect(h.fake.state.pins.has(`${PROGRAM}:${posted[0]?.ts}`)).toBe(true);

    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    expect(String(h.lastResponse().text)).toContain("The front door is up to date in the program channel.");
    expect(h.fake.state.messagesIn(PROGRAM)).toHaveLength(1);
    expect(h.fake.state.messagesIn(PROGRAM)[0]?.edits).toBe(1);
  });

  it("is posted when an admin picks the program channel in the settings form", async () => {
    const { h, admin } = await workspace();
    await h.submit(admin, "percolate_settings", {
      programChannelId: { value: { type: "conversations_select", selected_conversation: PROGRAM } },
    });
    const posted = h.fake.state.messagesIn(PROGRAM);
    expect(posted).toHaveLength(1);
    expect(h.fake.state.pins.has(`${PROGRAM}:${posted[0]?.ts}`)).toBe(true);
    // The admin's DM says what was saved and that the door is up.
    expect(textOf(h.messagesTo(admin).at(-1))).toContain("The front door is posted and pinned in the program channel.");
  });

  it("is posted again when the pinned message was deleted", async () => {
    const { h, admin } = await workspace();
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    const all = h.fake.state.messages;
    all.splice(
      all.findIndex((m) => m.channel === PROGRAM),
      1,
    );
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    expect(String(h.lastResponse().text)).toContain("The front door was gone, so I posted it again in the program channel.");
    expect(h.fake.state.messagesIn(PROGRAM)).toHaveLength(1);
  });

  it("tells the admin what to do when the bot cannot post in the channel", async () => {
    const { h, admin } = await workspace();
    await h.slash(admin, "admin settings programChannelId C0NOWHERE");
    expect(String(h.lastResponse().text)).toContain(
      "I couldn't post the front door in that channel (channel_not_found). Add me to the channel",
    );
  });

  it("opens the request form and the volunteer form from the pinned message's first two buttons", async () => {
    const { h, admin } = await workspace();
    const sam = h.user("T1", "U0SAM", "sam", "Europe/London");
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    const door = h.fake.state.messagesIn(PROGRAM)[0];
    await h.click(sam, "I'd like to learn from someone", door);
    expect(h.fake.state.views.at(-1)?.view.callback_id).toBe("percolate_request");
    await h.click(sam, "I can help others", door);
    expect(h.fake.state.views.at(-1)?.view.callback_id).toBe("percolate_volunteer");
    // The door itself never changes for anyone.
    expect(h.fake.state.messagesIn(PROGRAM)[0]?.edits).toBe(0);
  });

  it("welcomes a member who joins once, with the four buttons; Pair me with peers and Not now answer privately", async () => {
    const { h, admin } = await workspace();
    const sam = h.user("T1", "U0SAM", "sam", "Europe/London");
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    await joins(h, sam);
    await h.tick();
    const welcome = h.messagesTo(sam);
    expect(welcome).toHaveLength(1);
    expect(textOf(welcome[0])).toContain("Welcome! Coffee chats happen in this community.");
    expect(buttonsIn(welcome[0]?.blocks).map((b) => b.label)).toEqual(DOOR_LABELS);

    // Leaving and joining again does not welcome twice.
    await joins(h, sam, false);
    await joins(h, sam);
    await h.tick();
    expect(h.messagesTo(sam)).toHaveLength(1);

    await h.click(sam, "Pair me with peers", welcome[0]);
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(h.lastResponse().replace_original).toBe(false);
    expect(String(h.lastResponse().text)).toContain("🤝 You're in peer rounds! Each round pairs you with a peer to meet for a chat.");
    expect(String(h.lastResponse().text)).toContain("The next round is ");

    await h.click(sam, "Not now", h.fake.state.messagesIn(PROGRAM)[0]);
    expect(String(h.lastResponse().text)).toBe("No problem — the buttons stay here whenever you're ready.");
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(h.fake.state.messagesIn(PROGRAM)[0]?.edits).toBe(0);
  });

  it("ignores joins of other channels and the bot's own join", async () => {
    const { h, admin } = await workspace();
    const sam = h.user("T1", "U0SAM", "sam", "Europe/London");
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    await h.fake.send("events_api", channelMembership(sam, "C0RANDOM", true)).then(() => h.adapter.idle());
    await joins(h, { id: "UBOT", team: "T1", name: "percolate", tz: "UTC" });
    await h.tick();
    expect(h.messagesTo(sam)).toHaveLength(0);
    expect(await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:UBOT"))).toBeNull();
  });

  it("stops new intros to a volunteer who left the channel, and restores them when they rejoin", async () => {
    const { h, admin } = await workspace();
    const vic = h.user("T1", "U0VIC", "vic", "Europe/London");
    const sam = h.user("T1", "U0SAM", "sam", "Europe/London");
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    await h.slash(vic, "volunteer ux research --cap 2");
    await h.slash(vic, "availability mon-fri 09:00-17:00 Europe/London");
    await joins(h, vic);
    await joins(h, vic, false);

    await h.slash(sam, "request ux research -- how to move into UX research");
    const asked = String(h.lastResponse().text);
    expect(asked).not.toContain("Here's who could help");
    expect(buttonsIn(h.lastResponse().blocks).map((b) => b.label)).not.toContain("Choose vic");

    await joins(h, vic);
    await h.slash(vic, "status");
    expect(String(h.lastResponse().text)).not.toMatch(/paused/i);
  });
});
