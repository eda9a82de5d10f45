import { describe, expect, it } from "vitest";
import { terminal } from "./terminal.js";

/*
 * Issue 14, "say it the way people type it": the shell reply a person reads after typing each
 * line the way phones and hurried fingers type it. `after` is a follow-up line whose reply shows
 * what was (or wasn't) saved.
 */
interface Row {
  setup?: string[];
  typed: string;
  says: string[];
  never?: string[];
  after?: { typed: string; says: string[]; never?: string[] };
}

async function check(row: Row): Promise<void> {
  const t = terminal();
  await t.say("as alice", ...(row.setup ?? []));
  const said = await t.say(row.typed);
  for (const s of row.says) expect(said).toContain(s);
  for (const s of row.never ?? []) expect(said).not.toContain(s);
  if (row.after) {
    const after = await t.say(row.after.typed);
    for (const s of row.after.says) expect(after).toContain(s);
    for (const s of row.after.never ?? []) expect(after).not.toContain(s);
  }
}

describe("dashes, quotes and spaces as phones type them", () => {
  const rows: [string, Row][] = [
    [
      "an em dash separates the topics from what you want to learn",
      { typed: "request ml — how to start", says: ['Nobody fits "machine-learning" right now'], never: ["Missing"] },
    ],
    [
      "an en dash works the same",
      { typed: "request ml – how to start", says: ['Nobody fits "machine-learning" right now'], never: ["Missing"] },
    ],
    [
      "the em dash in a profile is not a topic",
      {
        typed: "profile ml — em dash goals",
        says: ["Saved. You're exploring: machine-learning."],
        never: ["em, dash"],
        after: { typed: "profile", says: ["Exploring: machine-learning · wants to learn: em dash goals"] },
      },
    ],
    [
      "—cap and —bio are flags; a later dash in the bio stays a dash",
      {
        typed: "volunteer ml —cap 3 —bio Data lead — fintech",
        says: ["Topics: machine-learning · up to 3 chats a month"],
        after: { typed: "profile", says: ["Bio: Data lead — fintech"] },
      },
    ],
    [
      "Mon–Fri 9–17 is a day range and an hour range",
      { typed: "availability Mon–Fri 9–17", says: ["Your free times in UTC: Mon–Fri 09:00–17:00."] },
    ],
    [
      "smart quotes, no-break spaces and zero-width characters read as plain text",
      {
        typed: "\uFEFFprofile\u00A0“ml”\u200B — learn",
        says: ["Saved. You're exploring: machine-learning."],
        after: { typed: "profile", says: ["wants to learn: learn"] },
      },
    ],
  ];
  it.each(rows)("%s", async (_name, row) => check(row));
});

describe("a leading /coffee in the shell", () => {
  const rows: [string, Row][] = [
    ["/coffee status is status", { typed: "/coffee status", says: ["alice · UTC"], never: ["I don't know"] }],
    ["/coffee alone is help", { typed: "/coffee", says: ["Coffee chats: short conversations"], never: ["I don't know"] }],
    ["/Coffee volunteer works too", { typed: "/Coffee volunteer data-science", says: ["Thanks for volunteering! Topics: data-science"] }],
  ];
  it.each(rows)("%s", async (_name, row) => check(row));
});

describe("flags and words never become topics", () => {
  const usage =
    'Usage: "volunteer <topics> [--cap <chats per month>] [--formats <video,phone>] [--link <url>] [--bio <a line about you>]" · More: "help volunteer"';
  const rows: [string, Row][] = [
    [
      "volunteer --cap 2 asks for the topics",
      {
        typed: "volunteer --cap 2",
        says: [`Missing the topics you can talk about. ${usage}`],
        never: ["Topics: cap"],
        after: { typed: "profile", says: [], never: ["Volunteering"] },
      },
    ],
    [
      "an unknown flag is refused naming the ones volunteer takes",
      {
        typed: "volunteer ml --foo bar",
        says: [`"--foo" isn't an option of volunteer (it takes --cap, --formats, --link or --bio). ${usage}`],
        after: { typed: "profile", says: [], never: ["Volunteering"] },
      },
    ],
    [
      "an unknown flag on availability names --off",
      {
        typed: "availability mon-fri 09:00-17:00 --from 2026-12-01",
        says: ['"--from" isn\'t an option of availability (it takes --off).'],
      },
    ],
    [
      "a flag glued to a request's topics is refused with the fix",
      {
        typed: "request ml --foo bar",
        says: [
          '"--foo" isn\'t an option of request (put a space after --, then what you want to learn). Usage: "request <topics> -- <what you want to learn>" · More: "help request"',
        ],
      },
    ],
    [
      "volunteer off stops volunteering, it is not a topic",
      {
        setup: ["volunteer ml"],
        typed: "volunteer off",
        says: ["You've stopped volunteering"],
        after: { typed: "profile", says: ["Volunteering: off (machine-learning)"], never: ["Volunteering: machine-learning ·"] },
      },
    ],
    [
      "profile -- only goals saves the goals and keeps the topics",
      {
        setup: ["profile data-science"],
        typed: "profile -- only goals",
        says: ["Saved. You're exploring: data-science."],
        never: ["only, goals"],
        after: { typed: "profile", says: ["Exploring: data-science · wants to learn: only goals"] },
      },
    ],
  ];
  it.each(rows)("%s", async (_name, row) => check(row));
});

describe("meeting links are web addresses", () => {
  const fix = 'like https://meet.example.org/you (--link). Usage: "volunteer <topics>';
  const rows: [string, Row][] = [
    ["notaurl", { typed: "volunteer ml --link notaurl", says: [`"notaurl" isn't a link people can open, ${fix}`] }],
    [
      "javascript:",
      { typed: "volunteer ml --link javascript:alert(1)", says: [`"javascript:alert(1)" isn't a link people can open, ${fix}`] },
    ],
    ["no host", { typed: "volunteer ml --link https://", says: [`"https://" isn't a link people can open, ${fix}`] }],
    ["ftp", { typed: "volunteer ml --link ftp://files.example.org", says: ["isn't a link people can open"] }],
    [
      "a refused link saves nothing",
      { typed: "volunteer ml --link notaurl", says: [fix], after: { typed: "profile", says: [], never: ["Volunteering", "notaurl"] } },
    ],
    [
      "https is kept",
      {
        typed: "volunteer ml --link https://meet.example.org/alice",
        says: ["Thanks for volunteering!"],
        after: { typed: "profile", says: ["Meeting link: https://meet.example.org/alice"] },
      },
    ],
    ["http is kept", { typed: "volunteer ml --link http://meet.example.org/alice", says: ["Thanks for volunteering!"] }],
  ];
  it.each(rows)("%s", async (_name, row) => check(row));
});

describe("echoes of what was typed are short", () => {
  const long = "x".repeat(5000);
  const rows: [string, Row][] = [
    ["an unknown command", { typed: long, says: ["I don't know \"xxxxxxxx", '…"'], never: ["x".repeat(100)] }],
    ["an unknown flag", { typed: `volunteer ml --${long}`, says: ["isn't an option of volunteer", '…"'], never: ["x".repeat(100)] }],
    [
      "a link",
      { typed: `volunteer ml --link ${long.slice(0, 400)}`, says: ["isn't a link people can open", '…"'], never: ["x".repeat(100)] },
    ],
    [
      "a name nobody waiting has",
      {
        setup: [
          "as bob",
          "volunteer ml",
          "availability mon-fri 08:00-18:00",
          "as alice",
          "request ml -- learn things",
          "choose 1",
          "as bob",
        ],
        typed: `accept ${"y".repeat(190)}`,
        says: ['Nobody called "yyy', '…" is waiting on that.', 'e.g. "accept alice"'],
        never: ["y".repeat(100)],
      },
    ],
    ["a slot", { typed: `pick ${long}`, says: ["isn't the number of a time", '…"'], never: ["x".repeat(100)] }],
  ];
  it.each(rows)("%s", async (_name, row) => check(row));
});

describe("a name that matches nothing is never ignored", () => {
  it("cancel <a name nobody has> cancels nothing, says so, and the request stays", async () => {
    await check({
      setup: ["request ml -- how to start"],
      typed: "cancel zed",
      says: ['You have no chat with "zed", so nothing was cancelled. To cancel your request instead, type "cancel"'],
      never: ["Cancelled"],
      after: { typed: "status", says: ["machine-learning"], never: ["cancelled"] },
    });
  });
});
