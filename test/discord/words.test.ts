import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../fakes/discord/index.js";
import { communityIdOf } from "../../src/discord/ids.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, componentsOf, text } from "./helpers.js";

const vera = user("3001", "Vera");
const sam = user("3002", "Sam");
const sue = user("3003", "Sue");

/* Notices due together for one member are one Discord DM, and every part's buttons work. */
describe("notices due together on Discord", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  it("two intros for one volunteer arrive as one DM; accepting one leaves the other's buttons", async () => {
    await bot.fake.command(G1, vera, "volunteer", { tags: "data engineering", capacity: 4 });
    await bot.fake.command(G1, vera, "availability", { times: "mon-fri 8-17", zone: "America/New_York" });
    for (const s of [sam, sue]) {
      await bot.fake.command(G1, s, "availability", { times: "mon-fri 9-20", zone: "Europe/Berlin" });
      await bot.fake.command(G1, s, "request", { tags: "data engineering", goals: "how data teams work" });
      await bot.fake.command(G1, s, "choose", { pick: "1" });
    }
    await bot.tick();
    const dm = await waitFor(() => bot.fake.rest.dmsTo(vera.id)[0], 2000, "the intro DM");
    expect(bot.fake.rest.dmsTo(vera.id)).toHaveLength(1);
    expect(dm.content).toContain("Sam would like a 30-minute chat");
    expect(dm.content).toContain("Sue would like a 30-minute chat");
    expect(componentsOf(dm).map((c) => c.label)).toEqual(["Accept", "Decline", "Accept", "Decline"]);

    const first = await bot.fake.click(vera, dm, buttonId(dm, "Accept"));
    expect(first.type).toBe(7);
    expect(text(first)).toContain("Thank you!");
    const updated = asMessage(first, dm.channel_id);
    expect(componentsOf(updated).map((c) => c.label)).toEqual(["Accept", "Decline"]);
    const second = await bot.fake.click(vera, updated, buttonId(updated, "Accept"));
    expect(text(second)).toContain("Thank you!");
    expect(await bot.store.tx(async (tx) => (await tx.listChats(communityIdOf(G1))).length)).toBe(2);
  });

  it("/coffee thanks is a command", async () => {
    const r = await bot.fake.command(G1, sam, "thanks", { note: "Thank you!" });
    // No chat has happened yet: the answer names what is missing instead of failing silently.
    expect(text(r)).toContain("I couldn't find a chat for that");
  });
});
