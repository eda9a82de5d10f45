import { afterEach, describe, expect, it } from "vitest";
import type { Chat } from "../../src/core/domain/index.js";
import { postDueProgramPost } from "../../src/core/use-cases/index.js";
import { communityIdOf } from "../../src/discord/ids.js";
import { runTick } from "../../src/jobs/tick.js";
import { type FakeMessage, waitFor } from "../fakes/discord/index.js";
import { HOUR, MIN } from "../support/world.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, componentsOf, EPHEMERAL, selectOf, text } from "./helpers.js";

const PROGRAM = "810000000000000011";
const COMMUNITY = communityIdOf(G1);
/** Friday 27 November 2026, 15:00 in the community's zone (UTC by default): the first post. */
const FRIDAY_POST = new Date("2026-11-27T15:00:00Z");

const olga = { ...user("5101", "Olga"), admin: true };
const sam = user("5102", "Sam");
const vera = user("5103", "Vera");
const dan = user("5104", "Dan");
const cara = user("5105", "Cara");
const wes = user("5106", "Wes");
const olive = user("5107", "Olive");

let bot: Bot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});

async function started(): Promise<Bot> {
  const b = await startBot({ memory: true });
  bot = b;
  b.deps.programChannel = b.adapter.programChannel;
  return b;
}

/** The program channel's messages other than the pinned front door. */
const posts = (b: Bot): FakeMessage[] => b.fake.rest.messagesIn(PROGRAM).filter((m) => !m.content.includes("☕ Coffee chats here"));

/** A seeker asks about `topic`, the volunteer accepts, the seeker picks the first time: the chat is booked. */
async function booked(b: Bot, seeker: typeof sam, volunteer: typeof sam, topic: string): Promise<Chat> {
  await b.fake.command(G1, volunteer, "volunteer", { tags: topic });
  await b.fake.command(G1, volunteer, "availability", { times: "mon-fri 9-17", zone: "Europe/London" });
  await b.fake.command(G1, seeker, "availability", { times: "mon-fri 9-17", zone: "Europe/London" });
  const req = await b.fake.command(G1, seeker, "request", { tags: topic, goals: "how to get started" });
  await b.fake.click(seeker, asMessage(req, PROGRAM), buttonId(asMessage(req, PROGRAM), `Choose ${volunteer.name}`), { guildId: G1 });
  await b.tick();
  const intro = await waitFor(() => b.fake.rest.dmsTo(volunteer.id).find((m) => m.content.includes("would like")), 2000, "the intro");
  await b.fake.click(volunteer, intro, buttonId(intro, "Accept"));
  await b.tick();
  const slots = b.fake.rest.dmsTo(seeker.id).find((m) => m.content.includes("Pick a time"));
  if (!slots) throw new Error("no slot DM");
  const menu = selectOf(slots);
  await b.fake.click(seeker, slots, menu.id, { values: [menu.values[0] ?? ""] });
  await b.tick();
  const chat = (await b.store.tx((tx) => tx.listChats(COMMUNITY))).find((c) => c.seekerId === `${COMMUNITY}:${seeker.id}`);
  if (!chat?.slot) throw new Error("no booked chat");
  return chat;
}

/** The clock passes the chat; the seeker clicks *It happened* on the check-in and reads the answer. */
async function itHappened(b: Bot, seeker: typeof sam, chat: Chat) {
  b.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR + 1000));
  await b.tick();
  const checkIn = b.fake.rest.dmsTo(seeker.id).find((m) => m.content.includes("Did your chat"));
  if (!checkIn) throw new Error("no check-in");
  return { checkIn, answer: await b.fake.click(seeker, checkIn, buttonId(checkIn, "It happened")) };
}

describe("the weekly program post on Discord", () => {
  it("celebrates the pair who both said yes, counts the other chat, asks help for the waiting topic; posted once; a click volunteers", async () => {
    const b = await started();
    await b.fake.command(G1, olga, "admin settings", { key: "programChannelId", value: `<#${PROGRAM}>` });
    await b.fake.command(G1, wes, "availability", { times: "mon-fri 9-17", zone: "Europe/London" });
    await b.fake.command(G1, wes, "request", { tags: "rust", goals: "wes's private plan to leave his job" });

    const first = await booked(b, sam, vera, "ux research");
    const second = await booked(b, dan, cara, "data science");
    expect(second.slot && second.slot.start < FRIDAY_POST).toBe(true);

    // Sam says yes with the button offered after *It happened*; Vera with /coffee status celebrate:yes.
    const { checkIn, answer } = await itHappened(b, sam, first);
    expect(text(answer)).toContain("May the weekly post in the program channel name you?");
    expect(text(answer)).toContain("`/coffee status celebrate:yes`");
    const asked = asMessage(answer, checkIn.channel_id);
    const yes = await b.fake.click(sam, asked, buttonId(asked, "Yes, you may name me"));
    expect(text(yes)).toContain("🎉 Thanks — when you meet someone who says yes too, the weekly post will cheer you both");
    const typed = await b.fake.command(G1, vera, "status", { celebrate: "yes" });
    expect(text(typed)).toContain("🎉 Thanks");
    expect(Number(typed.data.flags) & EPHEMERAL).toBe(EPHEMERAL);

    await itHappened(b, dan, second);
    await b.fake.command(G1, dan, "status", { celebrate: "yes" });

    expect(b.clock.now().getTime()).toBeLessThan(FRIDAY_POST.getTime());
    b.clock.set(FRIDAY_POST);
    expect((await b.tick()).programPosts).toBe(1);
    const [post, ...more] = posts(b);
    expect(more).toHaveLength(0);
    if (!post) throw new Error("no post");
    expect(post.content).toContain("🎉 2 coffee chats happened.");
    expect(post.content).toContain("Congratulations to Sam & Vera — and to everyone else who met!");
    expect(post.content).toContain("• rust (1 request waiting)");
    for (const secret of ["Wes", "Dan", "Cara", "private plan", "how to get started"]) expect(post.content).not.toContain(secret);
    expect(componentsOf(post).map((c) => c.label)).toContain("I can help with rust");

    b.clock.advance(20 * MIN);
    expect((await b.tick()).programPosts).toBe(0);
    const other = { ...b.deps, ids: { next: (p: string) => `other-${p}-${Math.random()}` } };
    expect(await postDueProgramPost(other, COMMUNITY)).toBe("done");
    expect(posts(b)).toHaveLength(1);

    // Olive clicks *I can help with rust* on the post: the answer is hers alone, the post stays.
    await b.fake.command(G1, olive, "availability", { times: "mon-fri 9-17", zone: "Europe/London" });
    const offered = await b.fake.click(olive, post, buttonId(post, "I can help with rust"), { guildId: G1 });
    expect(text(offered)).toContain("You now volunteer for rust");
    expect(Number(offered.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const peers = await b.fake.click(wes, post, buttonId(post, "Pair me with peers"), { guildId: G1 });
    expect(text(peers)).toContain("🤝 You're in peer rounds!");
    expect(Number(peers.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(posts(b)[0]?.content).toBe(post.content);

    const before = b.fake.rest.dmsTo(wes.id).length;
    await runTick(b.deps, b.adapter.messenger, { owner: "test", match: true, baseBackoffMs: 10 });
    expect(
      b.fake.rest
        .dmsTo(wes.id)
        .slice(before)
        .map((m) => m.content)
        .join("\n"),
    ).toContain("Olive");
  }, 60_000);

  it("previews privately with /coffee admin post, posts with op:now, refuses members, and says how to set a channel", async () => {
    const b = await started();
    const none = await b.fake.command(G1, olga, "admin post");
    expect(Number(none.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(none)).toContain("There's no program channel yet, so nothing is posted. Set one with `/coffee admin settings");
    const refused = await b.fake.command(G1, sam, "admin post", { op: "now" });
    expect(text(refused)).toContain("Only community admins can use admin post.");

    await b.fake.command(G1, olga, "admin settings", { key: "programChannelId", value: `<#${PROGRAM}>` });
    const preview = await b.fake.command(G1, olga, "admin post");
    expect(Number(preview.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(preview)).toContain("The post goes out every week; the next is ");
    expect(text(preview)).toContain("No chats to report yet this time");
    expect(posts(b)).toHaveLength(0);

    const now = await b.fake.command(G1, olga, "admin post", { op: "now" });
    expect(text(now)).toContain("Posted in the program channel. The weekly schedule is unchanged: the next post is ");
    expect(posts(b)).toHaveLength(1);
  });

  it("tries again on the next sweep when Discord refuses the post (Missing Access), and posts once it may", async () => {
    const b = await started();
    await b.fake.command(G1, olga, "admin settings", { key: "programChannelId", value: `<#${PROGRAM}>` });
    b.fake.rest.forbidden.add(PROGRAM);
    b.clock.set(FRIDAY_POST);
    expect((await b.tick()).programPosts).toBe(0);
    expect(posts(b)).toHaveLength(0);
    const now = await b.fake.command(G1, olga, "admin post", { op: "now" });
    expect(text(now)).toContain("Missing Access");

    b.fake.rest.forbidden.delete(PROGRAM);
    b.clock.advance(15 * MIN);
    expect((await b.tick()).programPosts).toBe(1);
    b.clock.advance(15 * MIN);
    expect((await b.tick()).programPosts).toBe(0);
    expect(posts(b)).toHaveLength(1);
  });
});
