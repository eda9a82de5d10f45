import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../fakes/discord/index.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { asMessage, buttonId, text } from "./helpers.js";

const GENERAL = "810000000000000011";
const vera = user("3002", "Vera");
const sam = user("3001", "Sam @everyone");
const GOALS = "[https://zoom.us/j/123](https://evil.example/login) @everyone @here <@3002> <@&777000111222333444> **loud** ||hidden||";

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ memory: true });
});
afterAll(() => bot.stop());

/** Every message and interaction answer the bot posted, with the mentions it allowed. */
const posts = () => [
  ...bot.fake.rest.calls
    .filter((c) => c.method === "POST" && /\/channels\/\d+\/messages$/.test(c.path))
    .map((c) => c.body as Record<string, unknown>),
  ...bot.fake.rest.answers.filter((a) => a.data.content !== undefined).map((a) => a.data),
];

describe("a seeker's text reaches a volunteer's DM inert on Discord (finding 2)", () => {
  it("masked links, @everyone and mentions show as typed, and no post may mention anyone", async () => {
    await bot.fake.command(G1, vera, "volunteer", { tags: "ux research", bio: "I design at [Acme](https://evil.example) @here" });
    await bot.fake.command(G1, vera, "availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" });
    await bot.fake.command(G1, sam, "availability", { times: "mon-fri 9-17", zone: "Europe/London" });
    const req = await bot.fake.command(G1, sam, "request", { tags: "ux research", goals: GOALS });
    expect(text(req)).toContain("I design at \\[Acme\\](https://evil.example) @\u200bhere");
    await bot.fake.click(sam, asMessage(req, GENERAL), buttonId(asMessage(req, GENERAL), "Choose"), { guildId: G1 });
    await bot.tick();
    const intro = await waitFor(() => bot.fake.rest.dmsTo(vera.id)[0], 2000, "the intro DM");
    expect(intro.content).toContain("Sam @\u200beveryone would like a 30-minute chat");
    expect(intro.content).toContain(
      "Their goals: \\[https://zoom.us/j/123\\](https://evil.example/login) @\u200beveryone @\u200bhere \\<@3002\\> \\<@&777000111222333444\\> \\*\\*loud\\*\\* \\|\\|hidden\\|\\|",
    );
    expect(intro.content).not.toMatch(/(^|[^\\])\[https:\/\/zoom/);
    const all = posts();
    expect(all.length).toBeGreaterThan(3);
    for (const p of all) expect(p.allowed_mentions, JSON.stringify(p).slice(0, 200)).toEqual({ parse: [] });
  });
});
