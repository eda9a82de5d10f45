import { afterEach, describe, expect, it } from "vitest";
import { communityIdOf, decodeCustomId, encodeCustomId, memberIdOf } from "../../src/discord/ids.js";
import { type FakeUser, waitFor } from "../fakes/discord/index.js";
import { type Bot, G1, startBot, user } from "./harness.js";
import { asMessage, buttonId, componentsOf, EPHEMERAL, selectOf, text } from "./helpers.js";

const GENERAL = "810000000000000011";
const vera = user("3001", "Vera");
const sam = user("3002", "Sam");
const tia = user("3003", "Tia");

let bot: Bot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});

const labels = (m: { components: unknown[] }) => componentsOf(m).map((c) => c.label);

/** Vera volunteers; Sam, then Tia, ask for a chat and choose her; both intros reach her. */
async function twoIntros(b: Bot): Promise<void> {
  await b.fake.command(G1, vera, "volunteer", { tags: "ux research", capacity: 5 });
  await b.fake.command(G1, vera, "availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" });
  for (const [seeker, goals] of [
    [sam, "how to run interviews"],
    [tia, "how to start in research"],
  ] as [FakeUser, string][]) {
    await b.fake.command(G1, seeker, "availability", { times: "mon-fri 8-18", zone: "Europe/London" });
    const req = await b.fake.command(G1, seeker, "request", { tags: "ux research", goals });
    const msg = asMessage(req, GENERAL);
    await b.fake.click(seeker, msg, buttonId(msg, "Choose Vera"), { guildId: G1 });
    await b.tick();
  }
  await waitFor(() => (b.fake.rest.dmsTo(vera.id).length === 2 ? true : undefined), 2000, "both intro DMs");
}

describe("Discord: which one? and are you sure? through discord.js", () => {
  it("/coffee accept with two intros waiting asks which, with a button per person; the button accepts that one", async () => {
    bot = await startBot();
    await twoIntros(bot);
    const asked = await bot.fake.command(G1, vera, "accept");
    expect(asked.data.flags).toBe(EPHEMERAL);
    expect(text(asked)).toContain("2 intros are waiting for your answer. Which one do you want to accept?");
    expect(text(asked)).toContain('1. Sam — wants to learn "how to run interviews"');
    expect(text(asked)).toContain("`/coffee accept name:Sam`");
    const msg = asMessage(asked, GENERAL);
    expect(labels(msg)).toEqual(["Accept Sam", "Accept Tia"]);

    const accepted = await bot.fake.click(vera, msg, buttonId(msg, "Accept Tia"), { guildId: G1 });
    expect(text(accepted)).toContain("Thank you! I've sent 3 times to you both");
    await bot.tick();
    expect(bot.fake.rest.dmsTo(tia.id).some((m) => m.content.includes("Pick a time"))).toBe(true);
    expect(bot.fake.rest.dmsTo(sam.id).some((m) => m.content.includes("Pick a time"))).toBe(false);

    // The name option does the same by typing; with one left, none is needed.
    expect(text(await bot.fake.command(G1, vera, "accept", { name: "sam" }))).toContain("Thank you!");
  }, 30_000);

  it("Cancel on a booked chat asks privately with a confirm button; confirming cancels and both are told", async () => {
    bot = await startBot();
    await twoIntros(bot);
    await bot.fake.command(G1, vera, "accept", { name: "Tia" });
    await bot.tick();
    const slots = bot.fake.rest.dmsTo(tia.id).find((m) => m.content.includes("Pick a time"));
    if (!slots) throw new Error("no slot DM to Tia");
    const menu = selectOf(slots);
    await bot.fake.click(tia, slots, menu.id, { values: [menu.values[0] ?? ""] });
    await bot.tick();
    const thread = bot.fake.rest.threads()[0];
    if (!thread) throw new Error("no pair thread");
    const booked = bot.fake.rest.messagesIn(thread.id).find((m) => m.content.includes("Confirmed"));
    if (!booked) throw new Error("no confirmation in the thread");
    expect(labels(booked)).toEqual(["Reschedule", "Cancel"]);

    const asked = await bot.fake.click(tia, booked, buttonId(booked, "Cancel"));
    expect(asked.type).toBe(4);
    expect(asked.data.flags).toBe(EPHEMERAL);
    const [chat] = await bot.store.tx((tx) => tx.listChats(communityIdOf(G1), { status: ["scheduled"] }));
    const unix = Math.floor((chat?.slot?.start.getTime() ?? 0) / 1000);
    expect(text(asked)).toContain(`Cancel your chat with Vera, <t:${unix}:F>`);
    expect(text(asked)).toContain("Vera will be told, and your request closes. It can't be undone.");
    expect(text(asked)).toContain("Nothing changes until you confirm: `/coffee cancel confirm:True`.");
    const confirm = asMessage(asked, thread.id);
    expect(labels(confirm)).toEqual(["Yes, cancel the chat"]);
    expect(chat?.seekerId).toBe(memberIdOf(G1, tia.id));

    const done = await bot.fake.click(tia, confirm, buttonId(confirm, "Yes, cancel the chat"), { guildId: G1 });
    expect(text(done)).toContain("Cancelled the chat; I've let the other person know.");
    await bot.tick();
    const told = await waitFor(
      () => bot?.fake.rest.dmsTo(vera.id).find((m) => m.content.includes("Tia had to cancel your coffee chat.")),
      2000,
      "the cancellation DM to Vera",
    );
    expect(told).toBeTruthy();
    expect(await bot.store.tx((tx) => tx.listChats(communityIdOf(G1), { status: ["scheduled"] }))).toEqual([]);
  }, 30_000);

  it("/coffee pick with two chats waiting asks which; pick slot:2 with:Tia books Tia's; leave asks before calling it off", async () => {
    bot = await startBot();
    await twoIntros(bot);
    await bot.fake.command(G1, vera, "accept", { name: "Sam" });
    await bot.fake.command(G1, vera, "accept", { name: "Tia" });
    const asked = await bot.fake.command(G1, vera, "pick", { slot: 2 });
    expect(text(asked)).toContain("2 chats are waiting for a time. Which one is time 2 for?");
    expect(labels(asked.data as { components: unknown[] }).map((l) => l?.replace(/^.* with /, ""))).toEqual(["Sam", "Tia"]);
    const booked = await bot.fake.command(G1, vera, "pick", { slot: 2, with: "tia" });
    expect(text(booked)).toMatch(/^Booked: <t:\d+:F>/);
    const chats = await bot.store.tx((tx) => tx.listChats(communityIdOf(G1)));
    const tias = chats.find((c) => c.seekerId === memberIdOf(G1, tia.id));
    expect(tias?.slot).toEqual(tias?.proposedSlots[1]);
    expect(chats.find((c) => c.seekerId === memberIdOf(G1, sam.id))?.status).toBe("proposing");

    const leave = await bot.fake.command(G1, vera, "leave");
    expect(text(leave)).toContain("Before you go: leaving calls off your 2 chats not yet held:");
    expect(text(leave)).toContain("`/coffee leave confirm:True`");
    expect(labels(asMessage(leave, GENERAL))).toEqual(["Yes, leave"]);
    const member = () => bot?.store.tx((tx) => tx.getMember(communityIdOf(G1), memberIdOf(G1, vera.id)));
    expect((await member())?.status).toBe("active");
    expect(text(await bot.fake.command(G1, vera, "leave", { confirm: true }))).toContain("You've left coffee chats");
    expect((await member())?.status).toBe("opted_out");
  }, 30_000);
});

describe("Discord custom ids for the new buttons", () => {
  it("carry a decline's reason, shortened to fit 100 characters, and the confirmations", () => {
    const long = { kind: "decline" as const, introId: "int_42", reason: `away ${"very ".repeat(40)}long` };
    const id = encodeCustomId(G1, long);
    expect(id.length).toBeLessThanOrEqual(100);
    const back = decodeCustomId(id);
    expect(back?.command).toMatchObject({ kind: "decline", introId: "int_42" });
    expect(long.reason.startsWith(back?.command.kind === "decline" ? (back.command.reason ?? "") : "x")).toBe(true);
    for (const c of [
      { kind: "cancel" as const, chatId: "chat_7", confirmed: true as const },
      { kind: "leave" as const, confirmed: true as const },
      { kind: "forget_me" as const, confirmed: true as const },
    ])
      expect(decodeCustomId(encodeCustomId(G1, c))).toEqual({ guildId: G1, command: c });
  });
});
