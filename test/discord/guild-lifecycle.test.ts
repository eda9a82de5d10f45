import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../fakes/discord/index.js";
import { G1, G2, GUILDS, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, text } from "./helpers.js";

const G2_GUILD = GUILDS[1] as (typeof GUILDS)[number];
const GENERAL1 = "810000000000000011";
const GENERAL2 = "820000000000000011";

/** Ada volunteers on rust in G1, Bo in G2; a seeker in each asks about rust and chooses them. */
const ada = user("4001", "Ada");
const sid = user("4002", "Sid");
const bo = user("4003", "Bo");
const kim = user("4004", "Kim");

const inactive = async (bot: Bot, guildId: string) =>
  (await bot.store.tx((tx) => tx.getCommunity(`discord:${guildId}`)))?.inactiveSince !== undefined;

async function askAndChoose(bot: Bot, guildId: string, channel: string, seeker: typeof sid, volunteer: typeof ada) {
  await bot.fake.command(guildId, volunteer, "volunteer", { tags: "rust" });
  await bot.fake.command(guildId, seeker, "availability", { times: "weekdays 9-18", zone: "Europe/London" });
  const req = await bot.fake.command(guildId, seeker, "request", { tags: "rust", goals: "how to ship a first crate" });
  const chosen = await bot.fake.click(seeker, asMessage(req, channel), buttonId(asMessage(req, channel), "Choose"), { guildId });
  expect(text(chosen)).toContain("Intro sent to");
}

describe("Discord: the bot removed from a server and added back", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());

  it("keeps a removed server's intro until the bot is back, while other servers carry on", async () => {
    await askAndChoose(bot, G1, GENERAL1, sid, ada);
    await askAndChoose(bot, G2, GENERAL2, kim, bo);

    bot.fake.leaveGuild(G2);
    await waitFor(async () => (await inactive(bot, G2)) || undefined, 2000, "G2's community to go inactive");
    await bot.tick();
    const intro = await waitFor(() => bot.fake.rest.dmsTo(ada.id)[0], 2000, "the intro DM in G1");
    expect(intro.content).toContain("Sid would like a 30-minute chat");
    expect(bot.fake.rest.dmsTo(bo.id)).toEqual([]);
    const kept = await bot.store.tx((tx) => tx.listNudges(`discord:${G2}`, { status: ["pending"] }));
    expect(kept.find((n) => n.kind === "intro_offered")?.attempts).toBe(0);

    bot.fake.joinGuild(G2_GUILD);
    await waitFor(async () => !(await inactive(bot, G2)) || undefined, 2000, "G2's community to be back");
    await bot.tick();
    const late = await waitFor(() => bot.fake.rest.dmsTo(bo.id)[0], 2000, "the kept intro DM in G2");
    expect(late.content).toContain("Kim would like a 30-minute chat");
  });

  it("notices at connect a server left or rejoined while the bot was offline", async () => {
    bot.fake.gateway.leave(G2); // no session listens: only the READY list changes
    bot = await bot.restart();
    expect(await inactive(bot, G2)).toBe(true);
    expect(await inactive(bot, G1)).toBe(false);
    bot.fake.gateway.guilds.push(G2_GUILD);
    bot = await bot.restart();
    expect(await inactive(bot, G2)).toBe(false);
  });
});
