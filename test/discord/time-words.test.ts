import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { G1, startBot, user, type Bot } from "./harness.js";
import { EPHEMERAL, text } from "./helpers.js";

/*
 * Issue 14, the time slice, on Discord through discord.js against the fake gateway: the `zone:`
 * option, the form's zone field, `times:` and `pause until:` read by the same core readers as
 * typed text, and answered in Discord's own syntax.
 */

describe("Discord: zones, free times and pause lengths", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  const cases: [string, string, Record<string, string>, string | RegExp][] = [
    // [who, subcommand, options, the reply]
    ["5001", "availability", { times: "mon-fri 9-17", zone: "europe/berlin" }, "Your free times in Europe/Berlin: Mon–Fri 09:00–17:00."],
    [
      "5002",
      "availability",
      { times: "mon-fri 9-17", zone: "berlin" },
      'Your free times in Europe/Berlin (I read "berlin" as Europe/Berlin): Mon–Fri 09:00–17:00.',
    ],
    [
      "5003",
      "availability",
      { times: "mon-fri 9-17", zone: "America/New York" },
      "Your free times in America/New_York: Mon–Fri 09:00–17:00.",
    ],
    [
      "5004",
      "availability",
      { times: "mon-fri 9-17", zone: "PST" },
      /^"PST" is an abbreviation; I need the zone name of your place, which knows its summer time\. Did you mean America\/Los_Angeles\? Usage: `\/coffee availability times:/,
    ],
    [
      "5005",
      "availability",
      { times: "Mon–Fri 9–5", zone: "Europe/Berlin" },
      /^"9-5" ends before it starts\. Hours are on a 24-hour clock — did you mean 9-17\? Usage: `\/coffee availability times:/,
    ],
    [
      "5006",
      "availability",
      { times: "mon-fri 22-2", zone: "Asia/Tokyo" },
      "Your free times in Asia/Tokyo: Mon–Fri 22:00–24:00; Tue–Sat 00:00–02:00.",
    ],
    [
      "5007",
      "availability",
      { times: "mon-fri 9-17", zone: "Europe/Berlin", off: "2027-02-30" },
      /^--off: "2027-02-30" isn't a real date\. A day off can be tomorrow, a weekday like friday, or a date like 2027-01-15 \(today or later\)\./,
    ],
    [
      "5008",
      "pause",
      { until: "+1m" },
      /^"\+1m" could mean minutes or months\. Pause with \+3d \(days\), \+2w \(weeks\), \+1mo \(months\)/,
    ],
  ];
  for (const [id, sub, opts, reply] of cases) {
    it(`/coffee ${sub} ${JSON.stringify(opts)}`, async () => {
      const a = await bot.fake.command(G1, user(id, `u${id}`), sub, opts);
      expect(a.data.flags).toBe(EPHEMERAL);
      if (typeof reply === "string") expect(text(a)).toBe(reply);
      else expect(text(a)).toMatch(reply);
    });
  }

  it("the availability form's zone field takes a city and says how it read it", async () => {
    const a = await bot.fake.submitModal(G1, user("5010", "Ula"), "form|availability", { times: "tue,thu 10-12", zone: "Tokyo" });
    expect(text(a)).toBe('Your free times in Asia/Tokyo (I read "Tokyo" as Asia/Tokyo): Tue, Thu 10:00–12:00.');
  });

  it("`times:add …` edits the schedule and says what it was before", async () => {
    const vi = user("5011", "Vi");
    await bot.fake.command(G1, vi, "availability", { times: "mon-fri 9-12", zone: "Europe/Berlin" });
    const a = await bot.fake.command(G1, vi, "availability", { times: "add sat 10-12" });
    expect(text(a)).toBe("Your free times in Europe/Berlin: Mon–Fri 09:00–12:00; Sat 10:00–12:00. Before: Mon–Fri 09:00–12:00.");
  });
});
