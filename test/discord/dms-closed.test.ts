import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communityIdOf } from "../../src/discord/ids.js";
import { waitFor } from "../fakes/discord/index.js";
import { HOUR } from "../support/world.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, selectOf, text } from "./helpers.js";

const GENERAL = "810000000000000011";

describe("a member with DMs closed still gets the essentials", () => {
  let bot: Bot;
  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => bot.stop());

  it("a seeker with closed DMs gets the times, the confirmation and the prep in the pair thread", async () => {
    const sam = user("6001", "Sam");
    const vera = user("6002", "Vera");
    bot.fake.rest.closedDms.add(sam.id);
    await bot.fake.command(G1, vera, "volunteer", { tags: "ux research" });
    const req = await bot.fake.command(G1, sam, "request", { tags: "ux research", goals: "break into UX" });
    await bot.fake.click(sam, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    await bot.tick();
    const intro = await waitFor(() => bot.fake.rest.dmsTo(vera.id)[0], 2000, "the intro");
    await bot.fake.click(vera, intro, buttonId(intro, "Accept"));
    await bot.tick();

    const thread = bot.fake.rest.threads()[0];
    if (!thread) throw new Error("no fallback thread");
    expect([...thread.members].sort()).toEqual([sam.id, vera.id].sort());
    const times = bot.fake.rest.messagesIn(thread.id).find((m) => m.content.includes("Pick a time"));
    if (!times) throw new Error("the times did not reach the seeker");
    expect(times.content).toContain(`<@${sam.id}>`);
    expect(bot.adapter.messenger.stats.dmClosed).toBeGreaterThanOrEqual(1);
    expect(bot.adapter.messenger.stats.fallbacks).toBeGreaterThanOrEqual(1);

    const menu = selectOf(times);
    const picked = await bot.fake.click(sam, times, menu.id, { guildId: G1, values: [menu.values[0] ?? ""] });
    expect(text(picked)).toContain("Booked");
    await bot.tick();
    expect(bot.fake.rest.threads()).toHaveLength(1);
    const confirmed = bot.fake.rest.messagesIn(thread.id).find((m) => m.content.includes("Confirmed"));
    expect(confirmed?.files[0]?.name).toBe("coffee-chat.ics");

    const chat = (await bot.store.tx((tx) => tx.listChats(communityIdOf(G1))))[0];
    bot.clock.set(new Date((chat?.slot?.start.getTime() ?? 0) - 24 * HOUR));
    await bot.tick();
    expect(bot.fake.rest.messagesIn(thread.id).some((m) => m.content.includes("prep") && m.content.includes(`<@${sam.id}>`))).toBe(true);
  });

  it("a volunteer with closed DMs sees the missed intro, with its buttons, on their next command", async () => {
    const kim = user("6101", "Kim");
    const vic = user("6102", "Vic");
    bot.fake.rest.closedDms.add(vic.id);
    await bot.fake.command(G1, vic, "volunteer", { tags: "rust" });
    const req = await bot.fake.command(G1, kim, "request", { tags: "rust", goals: "get started" });
    await bot.fake.click(kim, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    const report = await bot.tick();
    expect(report.failed).toBe(1);
    expect(bot.adapter.messenger.stats.dmClosed).toBe(1);

    const status = await bot.fake.command(G1, vic, "status");
    expect(text(status)).toContain("Your DMs are closed");
    expect(text(status)).toContain("Kim would like a 30-minute chat");
    const msg = asMessage(status, GENERAL);
    const ok = await bot.fake.click(vic, msg, buttonId(msg, "Accept"), { guildId: G1 });
    expect(text(ok)).toContain("Thank you!");
  });

  it("a notice kept for a member with closed DMs survives a restart and is shown on their next /coffee, once", async () => {
    const kim = user("6201", "Kim");
    const vic = user("6202", "Vic");
    bot.fake.rest.closedDms.add(vic.id);
    await bot.fake.command(G1, vic, "volunteer", { tags: "rust" });
    const req = await bot.fake.command(G1, kim, "request", { tags: "rust", goals: "get started" });
    await bot.fake.click(kim, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    expect((await bot.tick()).failed).toBe(1);

    bot = await bot.restart();
    const status = await bot.fake.command(G1, vic, "status");
    expect(text(status)).toContain("Your DMs are closed");
    expect(text(status)).toContain("Kim would like a 30-minute chat");
    const again = await bot.fake.command(G1, vic, "status");
    expect(text(again)).not.toContain("Your DMs are closed");
    const msg = asMessage(status, GENERAL);
    const ok = await bot.fake.click(vic, msg, buttonId(msg, "Accept"), { guildId: G1 });
    expect(text(ok)).toContain("Thank you!");
  });

  it("after a restart, an archived pair thread named after the pair is reopened, not duplicated", async () => {
    const sam = user("6301", "Sam");
    const vera = user("6302", "Vera");
    bot.fake.rest.closedDms.add(sam.id);
    await bot.fake.command(G1, vera, "volunteer", { tags: "ux research" });
    const req = await bot.fake.command(G1, sam, "request", { tags: "ux research", goals: "break into UX" });
    await bot.fake.click(sam, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    await bot.tick();
    const intro = await waitFor(() => bot.fake.rest.dmsTo(vera.id)[0], 2000, "the intro");
    await bot.fake.click(vera, intro, buttonId(intro, "Accept"));
    await bot.tick();
    const thread = bot.fake.rest.threads()[0];
    if (!thread) throw new Error("no pair thread");
    const chat = (await bot.store.tx((tx) => tx.listChats(communityIdOf(G1))))[0];
    if (!chat) throw new Error("no chat");
    expect(thread.name).toBe("☕ Sam & Vera");
    expect(thread.name).not.toContain(chat.id);

    thread.archived = true;
    bot = await bot.restart();
    const times = bot.fake.rest.messagesIn(thread.id).find((m) => m.content.includes("Pick a time"));
    if (!times) throw new Error("the times did not reach the seeker");
    const menu = selectOf(times);
    await bot.fake.click(sam, times, menu.id, { guildId: G1, values: [menu.values[0] ?? ""] });
    await bot.tick();
    expect(bot.fake.rest.threads()).toHaveLength(1);
    expect(thread.archived).toBe(false);
    expect(bot.adapter.messenger.stats.threadsReopened).toBe(1);
    expect(bot.fake.rest.messagesIn(thread.id).some((m) => m.content.includes("Confirmed"))).toBe(true);
  });

  it("a pair thread deleted on Discord is replaced by a new one", async () => {
    const sam = user("6401", "Sam");
    const vera = user("6402", "Vera");
    bot.fake.rest.closedDms.add(sam.id);
    await bot.fake.command(G1, vera, "volunteer", { tags: "ux research" });
    const req = await bot.fake.command(G1, sam, "request", { tags: "ux research", goals: "break into UX" });
    await bot.fake.click(sam, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    await bot.tick();
    const intro = await waitFor(() => bot.fake.rest.dmsTo(vera.id)[0], 2000, "the intro");
    await bot.fake.click(vera, intro, buttonId(intro, "Accept"));
    await bot.tick();
    const first = bot.fake.rest.threads()[0];
    if (!first) throw new Error("no pair thread");
    const times = bot.fake.rest.messagesIn(first.id).find((m) => m.content.includes("Pick a time"));
    if (!times) throw new Error("the times did not reach the seeker");
    bot.fake.rest.channels.delete(first.id);
    const menu = selectOf(times);
    await bot.fake.click(sam, times, menu.id, { guildId: G1, values: [menu.values[0] ?? ""] });
    await bot.tick();
    const [second] = bot.fake.rest.threads();
    if (!second) throw new Error("no new pair thread");
    expect(second.id).not.toBe(first.id);
    expect([...second.members].sort()).toEqual([sam.id, vera.id].sort());
    expect(bot.fake.rest.messagesIn(second.id).some((m) => m.content.includes("Confirmed"))).toBe(true);
  });
});
