import { describe, expect, it } from "vitest";
import { terminal } from "./terminal.js";

/*
 * Issue 14, bullets 4 (help part) and 5 in the shell: `help <command>` and `?` explain one
 * command from the syntax table; every refusal names the usage in shell words and points at
 * `help <command>`.
 */

async function reply(line: string): Promise<string> {
  return terminal({ admins: ["admin"] }).answer(line);
}

const AVAILABILITY_HELP = [
  `"availability <days from-to> [<Area/City>] [--off <dates off>]" — Sets when you're free each week and your time zone; chats are proposed in these times. It replaces your weekly times; start with add or remove to change only some, or off <days> for days away (off clear removes them).`,
  "Options:",
  "  <days from-to> — Days and hours (24-hour clock), several separated by ; (22-2 runs past midnight).",
  "  <Area/City> — Your time zone as Area/City, or a city like Berlin.",
  "  --off <dates off> — Days off, comma-separated: tomorrow, a weekday like friday, or a date like 2027-01-15.",
  `Examples: "availability mon-fri 9-12; sat 10-12 Europe/Berlin" · "availability add tue,thu 17-19 --off friday"`,
].join("\n");

describe("help that teaches, in the shell", () => {
  const exact: [string, string][] = [
    ["help availability", AVAILABILITY_HELP],
    ["? availability", AVAILABILITY_HELP],
    ["help /coffee Availability", AVAILABILITY_HELP],
    [
      "help ?",
      [
        `"help [<command>]" — Lists every command, or explains one: what it does, its options and examples.`,
        "Options:",
        "  <command> — The command to explain, e.g. availability or admin tags.",
        `Examples: "help" · "help request"`,
      ].join("\n"),
    ],
    [
      "help admin tags",
      [
        `"admin tags [<list|alias|unalias|rename|merge>] [<from>] [<to>]" — Admins: lists every topic with its people and aliases; maps, unmaps, renames or merges topics.`,
        "Options:",
        "  <list|alias|unalias|rename|merge> — list (the default), alias (a word means a topic), unalias (undo an alias), rename or merge.",
        "  <from> — The topic or alias to change.",
        "  <to> — The topic it becomes.",
        `Examples: "admin tags list" · "admin tags alias ml machine-learning"`,
      ].join("\n"),
    ],
    [
      "request ml",
      `Missing what you want to learn (after --). Usage: "request <topics> -- <what you want to learn>" · More: "help request"`,
    ],
    [
      "volunteer ux --cap lots",
      `"lots" isn't a number of chats per month (--cap). Usage: "volunteer <topics> [--cap <chats per month>] [--formats <video,phone>] [--link <url>] [--bio <a line about you>]" · More: "help volunteer"`,
    ],
    ["pick x", `"x" isn't the number of a time (1, 2 or 3). Usage: "pick <number> [with <name>]" · More: "help pick"`],
    [
      "admin tags foo",
      `"foo" isn't list, alias, unalias, rename or merge. Usage: "admin tags [<list|alias|unalias|rename|merge>] [<from>] [<to>]" · More: "help admin tags"`,
    ],
  ];
  it.each(exact)("%s", async (line, expected) => {
    expect(await reply(line)).toBe(expected);
  });

  const contains: [string, string[]][] = [
    ["?", ["Coffee chats: short conversations", `More about one command: help <command>, e.g. help availability`]],
    [
      "help",
      [
        "e.g. availability mon-fri 9-12; sat 10-12 Europe/Berlin --off friday",
        `More about one command: help <command>, e.g. help availability`,
      ],
    ],
    [
      "help volunteer",
      ["--cap <chats per month> — Chats per month you can give", `Examples: "volunteer product design, ux" · "volunteer python --cap 3`],
    ],
    [
      "help nonsense",
      [
        `I don't have help on "nonsense". Ask about one of: help, status, tags, profile, volunteer, availability`,
        `For example "help availability".`,
      ],
    ],
    [
      "help admin",
      [`"admin settings [<key>] [<value>]" — Admins: lists the community's settings`, `"admin queue" — Admins: every waiting request`],
    ],
    ["feedback 9", [`"9" isn't a rating from 1 to 5. Usage: "feedback <1-5> [<note>]" · More: "help feedback"`]],
    ["block", [`Missing which member. Usage: "block <member>" · More: "help block"`]],
  ];
  it.each(contains)("%s", async (line, parts) => {
    const got = await reply(line);
    for (const p of parts) expect(got).toContain(p);
  });
});
