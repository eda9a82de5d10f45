import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communityIdOf } from "../../src/discord/ids.js";
import { waitFor } from "../fakes/discord/index.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, text } from "./helpers.js";

const GENERAL = "810000000000000011";
const sam = user("3001", "Sam");
const vera = user("3002", "Vera");

describe("Discord resilience", () => {
  let bot: Bot;
  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => bot.stop());

  it("loses nothing when the gateway drops mid-flow: discord.js resumes and gets the missed interactions", async () => {
    await bot.fake.command(G1, vera, "volunteer", { tags: "ux research" });
    bot.fake.gateway.drop();
    // Sent while the bot is away: the gateway keeps them and replays them on RESUME.
    const a = bot.fake.send(bot.fake.commandPayload(G1, sam, "request", { tags: "ux research", goals: "learn the ropes" }));
    const b = bot.fake.send(bot.fake.commandPayload(G1, vera, "availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" }));
    expect(text(await bot.fake.answer(a, 15_000))).toContain("Here's who could help");
    expect(text(await bot.fake.answer(b, 15_000))).toContain("Europe/Berlin");
    expect(bot.fake.gateway.resumes).toBe(1);
    expect(bot.fake.gateway.identifies).toBe(1);
    const reqs = await bot.store.tx((tx) => tx.listRequests(communityIdOf(G1)));
    expect(reqs).toHaveLength(1);
  });

  it("ignores a replayed interaction and makes a repeated click change nothing", async () => {
    await bot.fake.command(G1, vera, "volunteer", { tags: "ux research" });
    const payload = bot.fake.commandPayload(G1, sam, "request", { tags: "ux research", goals: "learn the ropes" });
    const id = bot.fake.send(payload);
    bot.fake.send(payload);
    const req = await bot.fake.answer(id);
    await new Promise((r) => setTimeout(r, 200));
    expect(bot.fake.rest.answersTo(id)).toHaveLength(1);

    const msg = asMessage(req, GENERAL);
    const choose = buttonId(msg, "Choose");
    const first = await bot.fake.click(sam, msg, choose, { guildId: G1 });
    const again = await bot.fake.click(sam, msg, choose, { guildId: G1 });
    expect(text(first)).toContain("Intro sent to Vera");
    expect(text(again)).toContain("Intro sent to Vera");
    await bot.tick();
    const intro = await waitFor(() => bot.fake.rest.dmsTo(vera.id)[0], 2000, "the intro");
    const ok1 = await bot.fake.click(vera, intro, buttonId(intro, "Accept"));
    const ok2 = await bot.fake.click(vera, intro, buttonId(intro, "Accept"));
    expect(text(ok1)).toContain("Thank you!");
    expect(ok2.type === 7 || text(ok2).includes("already")).toBe(true);
    await bot.tick();
    const c = communityIdOf(G1);
    expect(await bot.store.tx((tx) => tx.listIntros(c))).toHaveLength(1);
    expect(await bot.store.tx((tx) => tx.listChats(c))).toHaveLength(1);
    expect(bot.fake.rest.dmsTo(vera.id).filter((m) => m.content.includes("You're on — pick a time"))).toHaveLength(1);
  });

  it("defers a slow answer inside Discord's 3 s window and then edits it", async () => {
    await bot.stop();
    bot = await startBot({ deferAfterMs: 20, slowStoreMs: 30 });
    const id = bot.fake.send(bot.fake.commandPayload(G1, sam, "status"));
    const edit = await bot.fake.answer(id);
    const all = bot.fake.rest.answersTo(id);
    expect(all[0]?.type).toBe(5);
    expect(edit.type).toBe("edit");
    expect(text(edit)).toContain("Sam");
  });

  it("a slow click that fails gets a private follow-up and leaves the clicked message alone", async () => {
    await bot.stop();
    bot = await startBot({ deferAfterMs: 5, slowStoreMs: 30 });
    const msg = { id: "1", channel_id: GENERAL, content: "an old intro", components: [], nonce: null, files: [] };
    const id = bot.fake.send(bot.fake.clickPayload(sam, msg, `${G1}|accept|intro_999`, { guildId: G1 }));
    const a = await bot.fake.answer(id);
    expect(bot.fake.rest.answersTo(id).map((x) => x.type)).toEqual([6, "followup"]);
    expect(a.data.flags).toBe(64);
    expect(text(a)).toContain("/coffee status");
  });

  it("answers a stale or forged button with an ephemeral fix", async () => {
    const a = await bot.fake.click(
      sam,
      { id: "1", channel_id: GENERAL, content: "old", components: [], nonce: null, files: [] },
      `${G1}|accept|`,
      { guildId: G1 },
    );
    expect(a.type).toBe(4);
    expect(text(a)).toContain("/coffee status");
  });
});
