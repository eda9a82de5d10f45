import { describe, expect, it } from "vitest";
import { commandFromFields, parseText, SYNTAX, splitFields, syntaxOf } from "../../src/core/commands/index.js";
import { ADMIN_SUBCOMMANDS, SUBCOMMANDS } from "../../src/discord/commands.js";
import { helpChoices } from "../../src/discord/autocomplete.js";
import { COMMAND_HELP, FORM_KINDS, FORM_SPECS, commandOf, usageOf } from "../../src/text/index.js";

/*
 * Issue 14, bullet 5: one command-syntax table, checked for completeness against what the shell
 * parses and what Discord registers, and every Discord usage rendered from it uses only
 * registered option names.
 */

const registered = [
  ...SUBCOMMANDS.map((s) => ({ key: s.name, options: (s.options ?? []).map((o) => o.name) })),
  ...ADMIN_SUBCOMMANDS.map((s) => ({ key: `admin ${s.name}`, options: (s.options ?? []).map((o) => o.name) })),
];

describe("the command-syntax table", () => {
  it.each(registered)("has an entry for Discord's /coffee $key with every registered option", ({ key, options }) => {
    const s = syntaxOf(key);
    expect(s?.key).toBe(key);
    const onDiscord = (s?.args ?? []).filter((a) => a.discord !== false).map((a) => a.name);
    expect(onDiscord.sort()).toEqual([...options].sort());
  });

  it.each(SYNTAX.map((s) => [s.key]))("renders %s on Discord with registered option names only", (key) => {
    // A command Discord types as another (`tags` is `status topics:True`) is checked as that one.
    const shown = syntaxOf(key)?.discordAs?.key ?? key;
    const options = registered.find((r) => r.key === shown)?.options;
    expect(options, `${shown} is registered on Discord`).toBeDefined();
    expect(usageOf(key, "discord").startsWith(shown)).toBe(true);
    const line = usageOf(key, "discord");
    const used = [...line.matchAll(/(?:^|\s)(\w+):/g)].map((m) => m[1]);
    for (const name of used) expect(options).toContain(name);
    for (const ex of COMMAND_HELP[key]?.examples ?? [])
      for (const m of commandOf(key, ex, "discord").matchAll(/(?:^|\s)(\w+):/g)) expect(options).toContain(m[1]);
  });

  it("knows every command word the shell parses, and the shell parses every word in it", () => {
    for (const s of SYNTAX)
      for (const w of [s.key, ...(s.aliases ?? [])]) {
        const p = parseText(w, () => null);
        if (p.kind === "unsupported") expect(p.problem.code, w).not.toBe("UNKNOWN_COMMAND");
      }
    for (const w of ["status", "no-show", "thank-you for the chat", "admin tag alias a b", "admin waitlist", "?"])
      expect(parseText(w, () => null).kind, w).not.toBe("unsupported");
  });

  it.each(SYNTAX.map((s) => [s.key]))("%s has help: what it does, every option's meaning and two examples that parse", (key) => {
    const h = COMMAND_HELP[key];
    expect(h?.does).toBeTruthy();
    for (const a of syntaxOf(key)?.args ?? []) expect(h?.args[a.name], `${key} ${a.name}`).toBeTruthy();
    expect(h?.examples).toHaveLength(2);
    // Each example, written in shell words, reads back as a command: the examples teach real input.
    const s = syntaxOf(key);
    for (const ex of h?.examples ?? []) {
      const typed = commandOf(key, ex, "shell");
      const back = parseText(typed, (w) => (w.startsWith("@") ? `m:${w}` : null));
      expect(back.kind, typed).not.toBe("unsupported");
      if (s) expect(commandFromFields(key, splitFields(s, typed.slice(key.length)), (w) => `m:${w}`).kind).not.toBe("unsupported");
    }
  });

  it("offers command names for Discord's help topic", () => {
    expect(helpChoices("avail").map((c) => c.value)).toEqual(["availability"]);
    expect(helpChoices("").length).toBe(25);
    expect(helpChoices("tags").map((c) => c.value)).toContain("admin tags");
  });
});

describe("the one form spec", () => {
  it.each(FORM_KINDS.map((k) => [k]))("%s: ids are the command's fields and the placeholders are valid input", (form) => {
    const spec = FORM_SPECS[form];
    const names = new Set([...(syntaxOf(form)?.args ?? []).map((a) => a.name), "intro"]);
    for (const f of spec.fields) expect(names, f.id).toContain(f.id);
    const filled = Object.fromEntries(spec.fields.map((f) => [f.id, f.placeholder]));
    expect(commandFromFields(form, filled).kind).not.toBe("unsupported");
    expect(spec.title.length).toBeLessThanOrEqual(24);
    for (const f of spec.fields) expect(f.label.length).toBeLessThanOrEqual(45);
  });
});
