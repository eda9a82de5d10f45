import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ADMIN_SUBCOMMANDS, SUBCOMMANDS } from "../../src/discord/commands.js";
import { discordStyle } from "../../src/discord/style.js";
import { renderFailure, renderProblem } from "../../src/text/index.js";

/*
 * Issue 14, bullet 5: every failure text on Discord names commands Discord accepts. Each
 * `/coffee …` in a rendered failure must be a registered subcommand (or admin subcommand) whose
 * every `name:` is a registered option, and carry no shell syntax (`--flag`, `-- <goals>`).
 */

const options = new Map<string, string[]>([
  ...SUBCOMMANDS.map((s) => [s.name, (s.options ?? []).map((o) => o.name)] as [string, string[]]),
  ...ADMIN_SUBCOMMANDS.map((s) => [`admin ${s.name}`, (s.options ?? []).map((o) => o.name)] as [string, string[]]),
]);

/** Every `/coffee …` in a Discord text, checked against the registration; the problems found. */
function unregistered(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(/`\/coffee ([^`]*)`/g)) {
    const line = m[1] ?? "";
    const words = line.split(" ");
    const key = words[0] === "admin" ? `admin ${words[1]}` : (words[0] ?? "");
    const allowed = options.get(key);
    if (!allowed) bad.push(`${line}: no subcommand ${key}`);
    for (const o of line.matchAll(/(?:^|\s)(\w+):/g)) if (!allowed?.includes(o[1] ?? "")) bad.push(`${line}: no option ${o[1]}`);
    if (/(^|\s)--/.test(line)) bad.push(`${line}: shell syntax`);
    // After the subcommand, only options: Discord has nowhere to put a positional word.
    const rest = words.slice(key.split(" ").length).join(" ");
    if (rest && !/^\[?\w+:/.test(rest)) bad.push(`${line}: positional words`);
  }
  return bad;
}

// The failure codes, read from the words' table so a new code is checked without editing this test.
const CODES = [...readFileSync(new URL("../../src/text/failures.ts", import.meta.url), "utf8").matchAll(/^ {2}([A-Z_]+): /gm)].map(
  (m) => m[1] ?? "",
);

describe("Discord failure texts use registered commands and options only", () => {
  it("finds the failure codes", () => expect(CODES.length).toBeGreaterThan(40));

  it.each(CODES.map((c) => [c]))("%s", (code) => {
    const detail = { why: "no_shared_time", fresh: 0, example: "mon-fri 9-12", given: "x", key: "k", tag: "t", action: "match" };
    expect(unregistered(renderFailure(code, detail, discordStyle))).toEqual([]);
  });

  it.each([
    ["admin tags", "op"],
    ["volunteer", "capacity"],
    ["request", "goals"],
    ["admin export", "path"],
    ["availability", "zone"],
  ])("a %s refusal about %s", (command, arg) => {
    const text = renderProblem({ code: "MISSING", what: "something", command, arg }, discordStyle);
    expect(unregistered(text)).toEqual([]);
    expect(text).toContain("`/coffee help topic:");
  });
});
