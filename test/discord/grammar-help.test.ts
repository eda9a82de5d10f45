import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, user, G1, type Bot } from "./harness.js";
import { wholeText } from "./helpers.js";

/*
 * Issue 14 on Discord: `help topic:` explains one command in Discord's own syntax (options, not
 * shell words), refusals name the registered options and point at `help topic:`, and the topic
 * option completes command names.
 */

const kim = user("4101", "Kim");

describe("Discord help and refusals in Discord syntax", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  const cases: [string, Record<string, string | number>, string[]][] = [
    [
      "help",
      { topic: "availability" },
      [
        "`/coffee availability times:<days from-to> [zone:<Area/City>] [off:<dates off>]` — Sets when you're free each week",
        "  off:<dates off> — Days off, comma-separated: tomorrow, a weekday like friday, or a date like 2027-01-15.",
        "Examples: `/coffee availability times:mon-fri 9-12; sat 10-12 zone:Europe/Berlin` · `/coffee availability times:add tue,thu 17-19 off:friday`",
      ],
    ],
    ["help", { topic: "?" }, ["`/coffee help [topic:<command>]` — Lists every command, or explains one"]],
    [
      "help",
      { topic: "admin tags" },
      [
        "`/coffee admin tags [op:<list|alias|unalias|rename|merge>] [from:<from>] [to:<to>]`",
        "`/coffee admin tags op:alias from:ml to:machine-learning`",
      ],
    ],
    ["help", {}, ["More about one command: /coffee help topic:<command>, e.g. /coffee help topic:availability"]],
    [
      "request",
      { tags: "ux" },
      [
        "Missing what you want to learn (goals:). Usage: `/coffee request tags:<topics> goals:<what you want to learn> [renew:True]` · More: `/coffee help topic:request`",
      ],
    ],
    [
      "volunteer",
      { tags: "ux", link: "meet me" },
      ['"meet me" isn\'t a link people can open, like https://meet.example.org/you (link:).', "More: `/coffee help topic:volunteer`"],
    ],
  ];
  it.each(cases)("/coffee %s %j", async (sub, opts, parts) => {
    const got = await wholeText(bot, await bot.fake.command(G1, kim, sub, opts), parts.at(-1) ?? "");
    for (const p of parts) expect(got).toContain(p);
    expect(got).not.toMatch(/--cap|-- </);
  });

  it("completes the help topic with command names", async () => {
    const choices = await bot.fake.autocomplete(G1, kim, "help", { topic: "adm" }, "topic");
    expect(choices.map((c) => c.value)).toContain("admin tags");
  });
});
