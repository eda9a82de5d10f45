import { afterEach, describe, expect, it } from "vitest";
import type { Chat } from "../../src/core/domain/index.js";
import { postDueProgramPost } from "../../src/core/use-cases/index.js";
import { runTick } from "../../src/jobs/tick.js";
import { buttonsIn } from "../fakes/slack/payloads.js";
import type { FakeMessage, FakeUser } from "../fakes/slack/web-api.js";
import { HOUR, MIN } from "../support/world.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const PROGRAM = "C0PROGRAM";
const COMMUNITY = "slack:T1";
/** Friday 27 November 2026, 15:00 in the community's zone (UTC by default): the first post. */
const FRIDAY_POST = new Date("2026-11-27T15:00:00Z");

/** Everything a message shows a person: its blocks' words, or its fallback text. */
const shown = (m: FakeMessage | undefined): string => JSON.stringify(m?.blocks ?? m?.text ?? "");

/** A workspace with an admin, the program channel (the bot in it unless `botIn` is false) and the posts wired as the service wires them. */
async function workspace(botIn = true) {
  const harness = await startHarness({ mode: "http" });
  h = harness;
  harness.deps.programChannel = harness.adapter.programChannel;
  harness.fake.state.channels.set(PROGRAM, { id: PROGRAM, members: botIn ? ["UBOT"] : [] });
  const admin = harness.user("T1", "U0ADA", "ada", "Europe/London");
  admin.isAdmin = true;
  return { h: harness, admin };
}

const posts = (hh: Harness): FakeMessage[] => hh.fake.state.messagesIn(PROGRAM).filter((m) => !m.text.includes("Coffee chats here"));

function newest(msgs: FakeMessage[], has: string): FakeMessage {
  const m = [...msgs].reverse().find((x) => x.text.includes(has));
  if (!m) throw new Error(`no message with "${has}" in ${JSON.stringify(msgs.map((x) => x.text))}`);
  return m;
}

/** A seeker asks about `topic`, the volunteer accepts, the seeker picks the first time: the chat is booked. */
async function booked(hh: Harness, seeker: FakeUser, volunteer: FakeUser, topic: string): Promise<Chat> {
  await hh.slash(volunteer, `volunteer ${topic}`);
  await hh.slash(volunteer, "availability mon-fri 09:00-17:00 Europe/London");
  await hh.slash(seeker, "availability mon-fri 09:00-17:00 Europe/London");
  await hh.slash(seeker, `request ${topic} -- how to get started`);
  await hh.click(seeker, `Choose ${volunteer.name}`);
  await hh.tick();
  await hh.click(volunteer, "Accept", newest(hh.messagesTo(volunteer), "would like a 30-minute chat"));
  await hh.tick();
  const slots = newest(hh.messagesTo(seeker), "Pick a time");
  const first = buttonsIn(slots.blocks)[0];
  if (!first) throw new Error("no time buttons");
  await hh.click(seeker, first.label, slots);
  await hh.tick();
  const chat = (await hh.store.tx((tx) => tx.listChats(COMMUNITY))).find((c) => c.seekerId === `${COMMUNITY}:${seeker.id}`);
  if (!chat?.slot) throw new Error("no booked chat");
  return chat;
}

/** The clock passes the chat; the seeker reads the check-in and clicks *It happened*. */
async function itHappened(hh: Harness, seeker: FakeUser, chat: Chat): Promise<void> {
  hh.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR + 1000));
  await hh.tick();
  await hh.click(seeker, "It happened", newest(hh.messagesTo(seeker), "Did your chat"));
}

describe("the weekly program post on Slack", () => {
  it("celebrates the pair who both said yes, counts the other chat, asks help for the waiting topic; posted once; a click volunteers", async () => {
    const { h, admin } = await workspace();
    const sam = h.user("T1", "U0SAM", "sam", "Europe/London");
    const vera = h.user("T1", "U0VERA", "vera", "Europe/London");
    const dan = h.user("T1", "U0DAN", "dan", "Europe/London");
    const cara = h.user("T1", "U0CARA", "cara", "Europe/London");
    const wes = h.user("T1", "U0WES", "wes", "Europe/London");
    const olive = h.user("T1", "U0OLIVE", "olive", "Europe/London");
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);

    // Wes asks about a topic nobody volunteers for.
    await h.slash(wes, "availability mon-fri 09:00-17:00 Europe/London");
    await h.slash(wes, "request rust -- wes's private plan to leave his job");

    // Sam and Vera meet; Sam says yes with the button offered after *It happened*, Vera by typing.
    const first = await booked(h, sam, vera, "ux research");
    const second = await booked(h, dan, cara, "data science");
    expect(second.slot && first.slot && second.slot.start < FRIDAY_POST).toBe(true);
    await itHappened(h, sam, first);
    // The check-in now thanks Sam and asks, under it, whether the weekly post may name him.
    const asked = newest(h.messagesTo(sam), "May the weekly post in the program channel name you?");
    await h.click(sam, "Yes, you may name me", asked);
    expect(String(h.lastResponse().text)).toContain(
      "🎉 Thanks — when you meet someone who says yes too, the weekly post will cheer you both",
    );
    await h.slash(vera, "celebrate yes");
    expect(String(h.lastResponse().text)).toContain("🎉 Thanks");
    expect(h.lastResponse().response_type).toBe("ephemeral");

    // Dan and Cara meet too; only Dan says yes.
    await itHappened(h, dan, second);
    await h.slash(dan, "celebrate yes");
    await h.slash(cara, "celebrate no");
    expect(String(h.lastResponse().text)).toBe("The weekly post doesn't name you — nothing changed.");

    // Friday 15:00: the scheduler posts once.
    expect(h.clock.now().getTime()).toBeLessThan(FRIDAY_POST.getTime());
    expect(posts(h)).toHaveLength(0);
    h.clock.set(FRIDAY_POST);
    const report = await h.tick();
    expect(report.programPosts).toBe(1);
    const [post, ...more] = posts(h);
    expect(more).toHaveLength(0);
    const read = shown(post);
    expect(read).toContain("Coffee chats this week (since");
    expect(read).toContain("🎉 2 coffee chats happened.");
    expect(read).toContain("Congratulations to sam & vera — and to everyone else who met!");
    expect(read).toContain("• rust (1 request waiting)");
    expect(read).toContain("(1 request waiting)");
    for (const secret of ["wes", "dan", "cara", "private plan", "how to get started"]) expect(read).not.toContain(secret);
    expect(buttonsIn(post?.blocks).map((b) => b.label)).toContain("I can help with rust");

    // Another tick, and another process on the same store, post nothing more.
    h.clock.advance(20 * MIN);
    expect((await h.tick()).programPosts).toBe(0);
    // Its ids differ from this one's, as random ids do.
    const other = { ...h.deps, ids: { next: (p: string) => `other-${p}-${Math.random()}` } };
    expect(await postDueProgramPost(other, COMMUNITY)).toBe("done");
    expect(posts(h)).toHaveLength(1);

    // Olive clicks *I can help with …*: she hears it privately, and Wes is matched with her.
    await h.slash(olive, "availability mon-fri 09:00-17:00 Europe/London");
    await h.click(olive, "I can help with rust", post);
    const answer = String(h.lastResponse().text);
    expect(answer).toContain("You now volunteer for rust");
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(posts(h)[0]?.edits).toBe(0);
    await h.click(wes, "Pair me with peers", post);
    expect(String(h.lastResponse().text)).toContain("🤝 You're in peer rounds!");
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(posts(h)[0]?.edits).toBe(0);
    expect(shown(posts(h)[0])).toBe(read);
    const before = h.messagesTo(wes).length;
    await runTick(h.deps, h.adapter.messenger, { owner: "test", match: true });
    const news = h.messagesTo(wes).slice(before);
    expect(news.map(shown).join("\n")).toContain("olive");
  }, 60_000);

  it("previews privately with admin post, posts with admin post now, refuses members, and says how to set a channel", async () => {
    const { h, admin } = await workspace();
    const sam = h.user("T1", "U0SAM", "sam", "Europe/London");
    await h.slash(admin, "admin post");
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(String(h.lastResponse().text)).toContain(
      "There's no program channel yet, so nothing is posted. Set one with `/coffee admin settings programChannelId &lt;channel&gt;`.",
    );
    await h.slash(sam, "admin post now");
    expect(String(h.lastResponse().text)).toContain("Only community admins can use admin post.");

    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    await h.slash(admin, "admin post");
    const preview = String(h.lastResponse().text);
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(preview).toContain("The post goes out every week; the next is ");
    expect(preview).toContain("Post it now with `/coffee admin post now`.");
    expect(preview).toContain("No chats to report yet this time");
    expect(posts(h)).toHaveLength(0);

    await h.slash(admin, "admin post now");
    expect(String(h.lastResponse().text)).toContain("Posted in the program channel. The weekly schedule is unchanged: the next post is ");
    expect(posts(h)).toHaveLength(1);
    expect(shown(posts(h)[0])).toContain("No chats to report yet this time");
  });

  it("tries again on the next sweep when Slack refuses the post, and posts once the bot is in the channel", async () => {
    const { h, admin } = await workspace(false);
    await h.slash(admin, `admin settings programChannelId ${PROGRAM}`);
    expect(String(h.lastResponse().text)).toContain("not_in_channel");
    h.clock.set(FRIDAY_POST);
    expect((await h.tick()).programPosts).toBe(0);
    expect(h.fake.state.messagesIn(PROGRAM)).toHaveLength(0);
    await h.slash(admin, "admin post now");
    expect(String(h.lastResponse().text)).toContain("not_in_channel");

    // Someone adds the bot to the channel; the next sweep (a quarter-hour on) posts, and only once.
    const channel = h.fake.state.channels.get(PROGRAM);
    channel?.members.push("UBOT");
    h.clock.advance(15 * MIN);
    expect((await h.tick()).programPosts).toBe(1);
    h.clock.advance(15 * MIN);
    expect((await h.tick()).programPosts).toBe(0);
    expect(posts(h)).toHaveLength(1);
  });
});
