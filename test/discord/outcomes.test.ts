import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityIdOf } from "../../src/discord/ids.js";
import { waitFor } from "../fakes/discord/index.js";
import { parseInvite } from "../support/ics.js";
import { HOUR } from "../support/world.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, selectOf, text } from "./helpers.js";

const GENERAL = "810000000000000011";
const sam = user("3001", "Sam");
const vera = user("3002", "Vera");

/**
 * On Discord, through the real discord.js: an intro answered late still counts, a no-show is
 * disputed by the other person, and a cancelled chat's calendar event is cancelled by an
 * attached .ics — each message checked as the member reads it.
 */
describe("Discord journeys: a late accept, a disputed no-show, a cancellation", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  const chats = () => bot.store.tx((tx) => tx.listChats(communityIdOf(G1)));
  const dmText = (u: { id: string }) => bot.fake.rest.dmsTo(u.id).map((m) => m.content);

  /** Sam asks for a chat and chooses Vera; the intro DM reaches her. */
  async function introToVera() {
    const req = await bot.fake.command(G1, sam, "request", { tags: "ux research", goals: "how to move into UX research" });
    await bot.fake.click(sam, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    await bot.tick();
    return waitFor(() => bot.fake.rest.dmsTo(vera.id).find((m) => m.content.includes("would like a 30-minute chat")), 2000, "the intro DM");
  }

  /** Sam picks the first time offered in his newest "Pick a time" DM. */
  async function samPicks() {
    const slots = [...bot.fake.rest.dmsTo(sam.id)].reverse().find((m) => m.content.includes("Pick a time"));
    if (!slots) throw new Error("no slot DM to Sam");
    const menu = selectOf(slots);
    const picked = await bot.fake.click(sam, slots, menu.id, { values: [menu.values[0] ?? ""] });
    expect(text(picked)).toMatch(/Booked: <t:\d+:F>/);
    await bot.tick();
  }

  it("a late accept revives the intro while Sam is still waiting", async () => {
    await bot.fake.command(G1, vera, "volunteer", { tags: "ux research", capacity: 4, bio: "Design lead" });
    await bot.fake.command(G1, vera, "availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" });
    await bot.fake.command(G1, sam, "availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" });
    const intro = await introToVera();

    bot.clock.advance(73 * HOUR);
    await bot.tick();
    await waitFor(() => dmText(sam).find((t) => t.includes("didn't get back in time")), 2000, "the expiry note to Sam");
    expect(dmText(sam).at(-1)).toMatch(
      /^Vera didn't get back in time\. You're on the waitlist for now\.\n.+I'll introduce you as soon as someone new volunteers for it\.$/,
    );

    const late = await bot.fake.click(vera, intro, buttonId(intro, "Accept"));
    expect(text(late)).toContain("Thank you — they're still looking, so the intro is back on!");
    await bot.tick();
    const slots = await waitFor(() => dmText(sam).find((t) => t.includes("Pick a time")), 2000, "the times for Sam");
    expect(slots).toContain("Good news — Vera said yes to a 30-minute chat!");
    await samPicks();
    expect((await chats())[0]?.status).toBe("scheduled");
  });

  it("Sam says the chat didn't happen; Vera says it did; both answers are kept", async () => {
    const [chat] = await chats();
    if (!chat?.slot) throw new Error("no booked chat");
    bot.clock.set(new Date(chat.slot.end.getTime() + HOUR + 1000));
    await bot.tick();
    const checkIn = await waitFor(
      () => bot.fake.rest.dmsTo(sam.id).find((m) => m.content.includes("Did your chat")),
      2000,
      "the check-in to Sam",
    );
    const noShow = await bot.fake.click(sam, checkIn, buttonId(checkIn, "Didn't happen"));
    expect(text(noShow)).toContain("Sorry it didn't happen. You're back in the queue");
    await bot.tick();
    const toVera = await waitFor(
      () => dmText(vera).find((t) => t.includes("noted that your chat didn't happen")),
      2000,
      "the note to Vera",
    );
    expect(toVera).toContain("Sam noted that your chat didn't happen. If it did, type");

    const dispute = await bot.fake.command(G1, vera, "happened");
    expect(text(dispute)).toBe("Thanks — Sam answered differently, so I've kept both answers for the community admins.");
    await bot.tick();
    const toSam = await waitFor(() => dmText(sam).find((t) => t.includes("says your chat did happen")), 2000, "the dispute note to Sam");
    expect(toSam).toContain("Vera says your chat did happen. I've kept both answers for the community admins");
    expect((await chats())[0]?.status).toBe("disputed");
  });

  it("Sam cancels a booked chat: both get the calendar cancellation attached", async () => {
    // Sam was back in the queue; a new request with Vera again, booked and then cancelled.
    await bot.fake.command(G1, sam, "reschedule");
    await bot.tick();
    await samPicks();
    const [chat] = (await chats()).filter((c) => c.status === "scheduled");
    if (!chat?.slot) throw new Error("no booked chat");

    expect(text(await bot.fake.command(G1, sam, "cancel"))).toMatch(/^Cancel your chat with Vera, .+\? Vera will be told/);
    const cancelled = await bot.fake.command(G1, sam, "cancel", { confirm: true });
    expect(text(cancelled)).toBe("Cancelled the chat; I've let the other person know.");
    await bot.tick();
    const toVera = await waitFor(
      () => bot.fake.rest.dmsTo(vera.id).find((m) => m.content.includes("had to cancel")),
      2000,
      "the cancellation to Vera",
    );
    expect(toVera.content).toContain("Sam had to cancel your coffee chat.");
    const toSam = await waitFor(
      () => bot.fake.rest.dmsTo(sam.id).find((m) => m.content.includes("is cancelled")),
      2000,
      "the cancellation to Sam",
    );
    for (const m of [toVera, toSam]) {
      expect(m.files.map((f) => f.name)).toEqual(["coffee-chat-cancelled.ics"]);
      expect(parseInvite(m.files[0]?.text ?? "")).toMatchObject({
        method: "CANCEL",
        uid: `${chat.id}@percolate`,
        status: "CANCELLED",
        sequence: (chat.invite?.sequence ?? 0) + 1,
        start: chat.slot.start,
      });
    }
  });
});
