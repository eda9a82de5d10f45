import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shown } from "../fakes/slack/block-kit.js";
import { textValue } from "../fakes/slack/payloads.js";
import { startHarness, type Harness } from "./harness.js";

/*
 * Issue 14 on Slack: `/coffee help availability` and `/coffee ?` explain commands in Slack's
 * `/coffee …` syntax, refusals point at `/coffee help <command>`, and a form is read by the same
 * grammar as typed text with each problem under its own block.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

describe("Slack help and refusals in Slack syntax", () => {
  const cases: [string, string[]][] = [
    [
      "help availability",
      [
        "`/coffee availability <days from-to> [<Area/City>] [--off <dates off>]` — Sets when you're free each week",
        "--off <dates off> — Days off, comma-separated: tomorrow, a weekday like friday, or a date like 2027-01-15.",
        "Examples: `/coffee availability mon-fri 9-12; sat 10-12 Europe/Berlin` · `/coffee availability add tue,thu 17-19 --off friday`",
      ],
    ],
    [
      "?",
      ["Coffee chats: short conversations", "More about one command: `/coffee help &lt;command&gt;`, e.g. `/coffee help availability`"],
    ],
    ["? pick", ["`/coffee pick &lt;number&gt; [with &lt;name&gt;]` — Picks one of the times I proposed"]],
    ["volunteer ux --cap lots", ['"lots" isn\'t a number of chats per month (--cap).', "More: `/coffee help volunteer`"]],
  ];
  it.each(cases)("/coffee %s", async (line, parts) => {
    const u = h.user("T1", "U0G", "gia", "UTC");
    await h.slash(u, line);
    const got = String(h.lastResponse().text);
    for (const p of parts) expect(`${got}\n${shown(got)}`).toContain(p);
  });

  it("reads a volunteer form with the one grammar, each problem under its block", async () => {
    const u = h.user("T1", "U0G", "gia", "UTC");
    const r = await h.submit(u, "percolate_volunteer", { tags: textValue("ux"), capacity: textValue("lots"), link: textValue("meet me") });
    const body = JSON.parse(r.body) as { errors?: Record<string, string> };
    expect(body.errors).toEqual({
      capacity: '"lots" isn\'t a number of chats per month.',
      link: '"meet me" isn\'t a link people can open, like https://meet.example.org/you.',
    });
  });
});
