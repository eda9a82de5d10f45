import { describe, expect, it } from "vitest";
import { parseText, type Parsed } from "../../src/core/commands/index.js";
import { formModal } from "../../src/discord/forms.js";
import { parseForm, parseSlash, type Options } from "../../src/discord/parse.js";
import { readForm, type ViewValues } from "../../src/slack/forms.js";
import { formView } from "../../src/slack/modals.js";

/*
 * Issue 14, bullet 1: one grammar. The same intent typed in the shell (or Slack's /coffee
 * text), given as Discord options, submitted in a Discord form and in a Slack form becomes the
 * same command, or the same refusal of the same argument.
 */

const G = "810000000000000001";
const slackValues = (fields: Record<string, string>): ViewValues =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: { value: v } }]));
const problemOf = (p: Parsed | { kind: "form" }) =>
  p.kind === "unsupported" ? { arg: "arg" in p.problem ? p.problem.arg : undefined, code: p.problem.code } : p;

type Case = { name: string; text: string; form: "volunteer" | "request" | "profile"; fields: Record<string, string> };
const CASES: Case[] = [
  {
    name: "a request",
    text: "request ux research -- how to start",
    form: "request",
    fields: { tags: "ux research", goals: "how to start" },
  },
  {
    name: "a volunteer with options",
    text: "volunteer python --cap 3 --link https://meet.example.org/x --bio Data lead",
    form: "volunteer",
    fields: { tags: "python", capacity: "3", link: "https://meet.example.org/x", bio: "Data lead" },
  },
  {
    name: "a capacity that is no number",
    text: "volunteer python --cap lots",
    form: "volunteer",
    fields: { tags: "python", capacity: "lots" },
  },
  // Drift fixed: typed text took any link, the Slack form refused it.
  {
    name: "a link that is no web address",
    text: "volunteer python --link meet me",
    form: "volunteer",
    fields: { tags: "python", link: "meet me" },
  },
  { name: "a request without goals", text: "request ux", form: "request", fields: { tags: "ux" } },
  { name: "a profile", text: "profile ux -- how to switch", form: "profile", fields: { interests: "ux", learn: "how to switch" } },
];

describe("one grammar for every surface", () => {
  it.each(CASES)("$name reads the same everywhere", ({ text, form, fields }) => {
    const typed = problemOf(parseText(text, () => null));
    expect(problemOf(parseSlash(form, fields as Options, G))).toEqual(typed);
    expect(problemOf(parseForm(form, fields as Options, G))).toEqual(typed);
    const slack = readForm(form, slackValues(fields));
    if (slack.ok) expect(slack.command).toEqual(typed);
    else expect(Object.keys(slack.errors)).toEqual([(typed as { arg?: string }).arg]);
  });

  it("draws Slack's and Discord's forms from one spec: same titles, labels, ids and requiredness", () => {
    for (const form of ["profile", "volunteer", "request"] as const) {
      const d = formModal(form);
      const s = formView(form, "UTC");
      expect(s.title.text).toBe(d.title);
      const discord = d.components.map((row) => {
        const input = (row as { components: { custom_id: string; label: string; required?: boolean }[] }).components[0];
        return [input?.custom_id, input?.label, input?.required];
      });
      const slack = s.blocks.map((b) => {
        const i = b as { block_id?: string; label?: { text: string }; optional?: boolean };
        return [i.block_id, i.label?.text, !i.optional];
      });
      expect(slack).toEqual(discord);
    }
  });
});
