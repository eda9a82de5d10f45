import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityIdOf } from "../../src/discord/ids.js";
import { waitFor } from "../fakes/discord/index.js";
import { DAY, HOUR } from "../support/world.js";
import { G1, PAIRS1, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, EPHEMERAL, selectOf, text } from "./helpers.js";

const GENERAL = "810000000000000011";
const sam = user("2001", "Sam");
const vera = user("2002", "Vera");
const victor = user("2003", "Victor");

describe("Discord end to end: /coffee volunteer to a confirmed chat and its nudges", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());

  const chatOf = async () => {
    const chats = await bot.store.tx((tx) => tx.listChats(communityIdOf(G1)));
    const chat = chats[0];
    if (!chat) throw new Error("no chat yet");
    return chat;
  };

  it("signs up two volunteers, by options and by form", async () => {
    const v1 = await bot.fake.command(G1, vera, "volunteer", {
      tags: "ux research, product design",
      capacity: 2,
      bio: "Design lead at a fintech",
    });
    expect(v1.type).toBe(4);
    expect(v1.data.flags).toBe(EPHEMERAL);
    expect(text(v1)).toContain("Thanks for volunteering");
    expect(text(await bot.fake.command(G1, vera, "availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" }))).toContain(
      "Europe/Berlin",
    );

    const form = await bot.fake.command(G1, victor, "volunteer");
    expect(form.type).toBe(9);
    expect(form.data.custom_id).toBe("form|volunteer");
    const saved = await bot.fake.submitModal(G1, victor, "form|volunteer", {
      tags: "ux research, user interviews",
      capacity: "3",
      formats: "video",
      link: "https://meet.example.org/victor",
      bio: "Researcher, 8 years in SaaS",
    });
    expect(text(saved)).toContain("Thanks for volunteering");
    expect((await bot.fake.command(G1, victor, "availability")).data.custom_id).toBe("form|availability");
    expect(
      text(await bot.fake.submitModal(G1, victor, "form|availability", { times: "mon-thu 10-16", zone: "America/New_York" })),
    ).toContain("America/New_York");
  });

  it("completes tags from the community's vocabulary and zones from IANA", async () => {
    const tags = await bot.fake.autocomplete(G1, sam, "request", { tags: "ux" }, "tags");
    expect(tags.map((c) => c.value)).toContain("ux-research");
    const more = await bot.fake.autocomplete(G1, sam, "request", { tags: "ux-research, des" }, "tags");
    expect(more.map((c) => c.value)).toContain("ux-research, product-design");
    const zones = await bot.fake.autocomplete(G1, sam, "availability", { zone: "berl" }, "zone");
    expect(zones.map((c) => c.value)).toContain("Europe/Berlin");
  });

  it("takes a request, a choice, a decline, an accept and a slot to a confirmed chat in a pair thread", async () => {
    await bot.fake.command(G1, sam, "availability", { times: "weekdays 9-18", zone: "Europe/London" });
    const req = await bot.fake.command(G1, sam, "request", { tags: "ux research", goals: "how to move from support into UX research" });
    expect(text(req)).toContain("Here's who could help");
    const chosen = await bot.fake.click(sam, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    expect(chosen.type).toBe(7);
    expect(text(chosen)).toContain("Intro sent to");
    expect(chosen.data.components).toEqual([]);

    await bot.tick();
    const first = bot.fake.rest.dmsTo(vera.id).length ? vera : victor;
    const second = first === vera ? victor : vera;
    const intro = await waitFor(() => bot.fake.rest.dmsTo(first.id)[0], 2000, "the intro DM");
    expect(intro.content).toContain("Sam would like a 30-minute chat");
    expect(intro.nonce).toMatch(/^[\w-]{25}$/);
    const declined = await bot.fake.click(first, intro, buttonId(intro, "Decline"));
    expect(declined.type).toBe(7);
    expect(declined.data.components).toEqual([]);

    await bot.tick();
    const intro2 = await waitFor(() => bot.fake.rest.dmsTo(second.id)[0], 2000, "the second intro DM");
    const accepted = await bot.fake.click(second, intro2, buttonId(intro2, "Accept"));
    expect(text(accepted)).toContain("Thank you!");

    await bot.tick();
    const slots = bot.fake.rest.dmsTo(sam.id).find((m) => m.content.includes("Pick a time"));
    if (!slots) throw new Error("no slot DM to the seeker");
    expect(slots.content).toMatch(/<t:\d+:F>/);
    const menu = selectOf(slots);
    expect(menu.values).toHaveLength(3);
    const picked = await bot.fake.click(sam, slots, menu.id, { values: [menu.values[1] ?? ""] });
    expect(picked.type).toBe(7);
    expect(text(picked)).toMatch(/Booked: <t:\d+:F>/);

    await bot.tick();
    const thread = bot.fake.rest.threads()[0];
    if (!thread) throw new Error("no pair thread");
    expect(thread.parent_id).toBe(PAIRS1);
    expect([...thread.members].sort()).toEqual([sam.id, second.id].sort());
    const confirmed = bot.fake.rest.messagesIn(thread.id)[0];
    if (!confirmed) throw new Error("no confirmation in the thread");
    const chat = await chatOf();
    const unix = Math.floor((chat.slot?.start.getTime() ?? 0) / 1000);
    expect(confirmed.content).toContain(`<t:${unix}:F>`);
    expect(confirmed.content).toContain("how to move from support into UX research");
    expect(confirmed.content).toContain(`<@${sam.id}>`);
    expect(confirmed.files[0]?.name).toBe("coffee-chat.ics");
    expect(confirmed.files[0]?.text).toContain("BEGIN:VCALENDAR");
  });

  it("sends the clock-driven nudges: prep, reminder, check-in, then thank-you after 'It happened'", async () => {
    const chat = await chatOf();
    const start = chat.slot?.start.getTime() ?? 0;
    const volunteerUser = chat.volunteerId.split(":")[2] ?? "";
    bot.clock.set(new Date(start - 24 * HOUR));
    await bot.tick();
    expect(bot.fake.rest.dmsTo(sam.id).some((m) => m.content.includes("A little prep goes a long way"))).toBe(true);
    bot.clock.set(new Date(start - HOUR));
    await bot.tick();
    expect(bot.fake.rest.dmsTo(sam.id).some((m) => m.content.includes("starts <t:"))).toBe(true);
    expect(bot.fake.rest.dmsTo(volunteerUser).some((m) => m.content.includes("starts <t:"))).toBe(true);
    bot.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR + 1000));
    await bot.tick();
    const checkIn = bot.fake.rest.dmsTo(sam.id).find((m) => m.content.includes("Did your chat"));
    if (!checkIn) throw new Error("no check-in");
    const done = await bot.fake.click(sam, checkIn, buttonId(checkIn, "It happened"));
    expect(text(done)).toContain("Wonderful");
    bot.clock.advance(3 * HOUR);
    await bot.tick();
    expect(bot.fake.rest.dmsTo(sam.id).some((m) => m.content.includes("thank-you"))).toBe(true);
    bot.clock.advance(31 * DAY);
    await bot.tick();
    expect(bot.fake.rest.dmsTo(sam.id).some((m) => m.content.includes("keeps the connection warm"))).toBe(true);
    // Every DM and thread message was sent once: nonces are unique per delivery.
    const nonces = bot.fake.rest.messages.map((m) => m.nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
