import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { G1, startBot, user, type Bot } from "./harness.js";
import { text } from "./helpers.js";

/*
 * Issue 14 on Discord, through the real discord.js against the fake: forged form ids named like
 * Object.prototype members, "off" as a topic, meeting links, and option text from phones.
 */
let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ memory: true });
});
afterAll(() => bot.stop());

let n = 0;
const someone = () => user(String(7000 + ++n), `P${n}`);

describe("a form id named like an Object.prototype member", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "form|%s is answered as an out-of-date form, and the bot keeps answering",
    async (name) => {
      const p = someone();
      const a = await bot.fake.submitModal(G1, p, `form|${name}`, { tags: "ml" });
      expect(text(a)).toBe("That form is out of date. Type `/coffee help`.");
      expect(text(await bot.fake.command(G1, p, "status"))).toContain(`${p.name} · UTC`);
    },
  );
});

describe("volunteer off on every Discord surface", () => {
  it.each([
    ["the tags option", (p: ReturnType<typeof user>) => bot.fake.command(G1, p, "volunteer", { tags: "off" })],
    ["the form", (p: ReturnType<typeof user>) => bot.fake.submitModal(G1, p, "form|volunteer", { tags: "Off" })],
  ])("%s stops volunteering instead of volunteering for 'off'", async (_name, off) => {
    const p = someone();
    await bot.fake.command(G1, p, "volunteer", { tags: "data-engineering" });
    expect(text(await off(p))).toContain("You've stopped volunteering");
    const status = text(await bot.fake.command(G1, p, "status"));
    expect(status).not.toContain("Volunteering: off ·");
    expect(status).toContain("Volunteering: off (data-engineering)");
  });
});

describe("meeting links on Discord", () => {
  it.each([
    ["notaurl", "the link option", false],
    ["javascript:alert(1)", "the link option", false],
    ["notaurl", "the form", true],
  ])("%s in %s is refused with the fix, and nothing is saved", async (link, _where, form) => {
    const p = someone();
    const a = form
      ? await bot.fake.submitModal(G1, p, "form|volunteer", { tags: "ml", link })
      : await bot.fake.command(G1, p, "volunteer", { tags: "ml", link });
    expect(text(a)).toContain(`"${link}" isn't a link people can open, like https://meet.example.org/you (link:).`);
    expect(text(a)).toContain("link:<url>");
    expect(text(await bot.fake.command(G1, p, "status"))).not.toContain("Volunteering");
  });
});

describe("option text as phones type it", () => {
  it("smart quotes and invisible characters in a topic are cleaned; Mon–Fri 9–17 is read", async () => {
    const p = someone();
    const v = await bot.fake.command(G1, p, "volunteer", { tags: "\u200B“data-engineering”\u00A0" });
    expect(text(v)).toContain("Topics: data-engineering ·");
    const a = await bot.fake.command(G1, p, "availability", { times: "Mon–Fri 9–17", zone: "Europe/Berlin" });
    expect(text(a)).toContain("Your free times in Europe/Berlin: Mon–Fri 09:00–17:00.");
  });
});
